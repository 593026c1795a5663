/**
 * The browser's side of the worker pool: dedicated module Web Workers speaking comlink, started
 * from the worker bundle's code fetched once when the page loads (a blob: URL), so that runs
 * start with the network cut. The pool logic is the Node one (src/batch/worker-pool.ts). Workers
 * are started ahead of a batch and warmed up with a few runs of the base (the JavaScript engine
 * compiles the model on its first runs), so that the first figures after Run come quickly.
 */
import * as Comlink from "comlink";
import type { Remote } from "comlink";
import type { Scenario } from "../../src/scenario/schema.js";
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

/** A started worker and its comlink proxy (one proxy per worker: releasing one would stop the worker listening). */
interface Started {
  worker: Worker;
  api: Remote<WorkerApi>;
}

/** Workers started (and warmed up) ahead of a batch, taken first by the next pool. */
const spares: Started[] = [];

/** Runs of the base each spare worker makes to warm up (results thrown away). */
const WARM_UP_RUNS = 3;

/** Starts a module Web Worker on the worker code. */
function startWorker(codeUrl: string): Started {
  const worker = new Worker(codeUrl, { type: "module", name: "clustersim-batch" });
  return { worker, api: Comlink.wrap<WorkerApi>(worker) };
}

/** Starts workers ahead of the next batch (up to `count` waiting), warmed up on `warm` when given, so that pressing Run waits for neither. */
export function prestartWorkers(codeUrl: string, count: number, warm?: Scenario): void {
  while (spares.length < count) {
    const s = startWorker(codeUrl);
    if (warm)
      void (async () => {
        await s.api.init([warm]);
        await s.api.runShard({ scenarioIndex: 0, scenarioHash: "", firstRun: 0, count: WARM_UP_RUNS, seeds: Array.from({ length: WARM_UP_RUNS }, (_, i) => i + 1) });
      })().catch(() => {});
    spares.push(s);
  }
}

/** Starts one module Web Worker on `codeUrl` as a pool slot (a spare one if any waits). */
export function spawnWebWorker(codeUrl: string): WorkerHandle {
  const { worker, api } = spares.pop() ?? startWorker(codeUrl);
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
