/**
 * Node's side of the worker pool: starting a worker thread that speaks comlink. Workers run the
 * esbuild bundle (dist/worker.js) when the main thread does; from source they start through tsx.
 */
import { Worker } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import type { Executor } from "../executor.js";
import type { BatchPlan } from "../plan.js";
import type { WorkerApi } from "../worker-api.js";
import { workerPool, type WorkerHandle } from "../worker-pool.js";

/** Starts a worker thread on the bundle or, from source, on the .ts entry through tsx. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./worker.js", here));
  const entry = new URL("../../../workers/node-worker.ts", here).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/** Spawns one worker thread for the pool. */
export function spawnWorkerThread(): WorkerHandle {
  const worker = startWorker();
  const api = Comlink.wrap<WorkerApi>(nodeEndpoint(worker as never));
  const died = new Promise<never>((_, reject) => {
    worker.once("exit", (code) => reject(new Error(`worker exited with code ${code}`)));
    worker.once("error", (err) => reject(err));
  });
  return { api, died, terminate: () => worker.terminate() };
}

/** A pool of `size` worker threads for `plan`. */
export function workerThreadPool(plan: BatchPlan, size: number): Executor {
  return workerPool(plan, size, spawnWorkerThread);
}
