/**
 * The browser's side of the worker pool: dedicated module Web Workers speaking comlink, started
 * from the worker bundle's code fetched once when the page loads (a blob: URL), so that runs
 * start with the network cut. The pool logic is the Node one (src/batch/worker-pool.ts).
 */
import * as Comlink from "comlink";
import type { Executor } from "../../src/batch/executor.js";
import type { BatchPlan } from "../../src/batch/plan.js";
import type { WorkerApi } from "../../src/batch/worker-api.js";
import { workerPool, type WorkerHandle } from "../../src/batch/worker-pool.js";

/** Fetches the worker bundle once and returns a blob: URL that workers can start from offline. */
export async function loadWorkerCode(url: URL): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load the worker code ${url.pathname}: HTTP ${response.status}`);
  return URL.createObjectURL(new Blob([await response.text()], { type: "text/javascript" }));
}

/** Workers started ahead of a batch (their code loaded and compiled), taken first by the next pool. */
const spares: Worker[] = [];

/** Starts a module Web Worker on the worker code. */
const newWorker = (codeUrl: string) => new Worker(codeUrl, { type: "module", name: "clustersim-batch" });

/** Starts workers ahead of the next batch (up to `count` waiting), so that pressing Run does not wait for them to load. */
export function prestartWorkers(codeUrl: string, count: number): void {
  while (spares.length < count) spares.push(newWorker(codeUrl));
}

/** Starts one module Web Worker on `codeUrl` as a pool slot (a spare one if any waits). */
export function spawnWebWorker(codeUrl: string): WorkerHandle {
  const worker = spares.pop() ?? newWorker(codeUrl);
  const api = Comlink.wrap<WorkerApi>(worker);
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener("error", (e) => reject(new Error(e.message || "the worker failed to start")), { once: true });
    worker.addEventListener("messageerror", () => reject(new Error("a message could not be read by the worker")), { once: true });
  });
  let ended = false;
  return {
    api,
    died,
    terminate: async () => {
      if (ended) return;
      ended = true;
      worker.terminate();
      api[Comlink.releaseProxy]();
    },
  };
}

/** How many workers the page runs: one per logical core the browser reports (at least 1). */
export function poolSize(): number {
  return Math.max(1, Math.floor(navigator.hardwareConcurrency || 1));
}

/** A pool of `size` Web Workers for `plan`. */
export function webWorkerPool(plan: BatchPlan, size: number, codeUrl: string): Executor {
  return workerPool(plan, size, () => spawnWebWorker(codeUrl));
}
