/** Browser Web Worker entry of the batch pool (the planner page): exposes the same worker API as the Node worker with comlink. Nothing else. */
import * as Comlink from "comlink";
import { createWorkerApi } from "../src/batch/worker-api.js";

Comlink.expose(createWorkerApi());
