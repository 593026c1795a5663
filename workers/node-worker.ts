/** Node worker-thread entry of the batch pool: exposes the worker API with comlink. Nothing else. */
import { parentPort } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { createWorkerApi } from "../src/batch/worker-api.js";

if (!parentPort) throw new Error("workers/node-worker must run in a worker thread");
Comlink.expose(createWorkerApi(), nodeEndpoint(parentPort as never));
