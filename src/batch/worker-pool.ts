/**
 * A pool of Node worker threads speaking comlink. Each worker gets the batch's scenarios once and
 * then one shard at a time. A worker that dies is replaced: its shard is retried run by run, and a
 * run that kills a worker twice is recorded as failed. Workers run the esbuild bundle
 * (dist/worker.js) when the main thread does; from source they start through tsx.
 */
import { Worker } from "node:worker_threads";
import * as Comlink from "comlink";
import nodeEndpoint from "comlink/dist/esm/node-adapter.mjs";
import { BUILD_ID } from "./build-id.js";
import type { Executor } from "./executor.js";
import type { BatchPlan, Shard } from "./plan.js";
import type { ShardResult } from "./run-shard.js";
import { recordLayout } from "./record.js";
import type { WorkerApi } from "./worker-api.js";

/** How many times a single run may kill its worker before it is recorded as failed. */
const MAX_RUN_CRASHES = 2;

/** Starts a worker thread on the bundle or, from source, on the .ts entry through tsx. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./worker.js", here));
  const entry = new URL("../../workers/node-worker.ts", here).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

interface Slot {
  worker: Worker;
  api: Comlink.Remote<WorkerApi>;
  ready: Promise<void>;
  /** rejects the call in flight when the worker dies */
  died: Promise<never>;
}

/** A pool of `size` worker threads for `plan`. */
export function workerPool(plan: BatchPlan, size: number): Executor {
  const scenarios = plan.scenarios.map((s) => s.scenario);
  const idle: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  const all = new Set<Slot>();
  const crashes = new Map<string, number>();
  let closed = false;

  const spawn = (): Slot => {
    const worker = startWorker();
    const api = Comlink.wrap<WorkerApi>(nodeEndpoint(worker as never));
    const died = new Promise<never>((_, reject) => {
      worker.once("exit", (code) => reject(new Error(`worker exited with code ${code}`)));
      worker.once("error", (err) => reject(err));
    });
    died.catch(() => {});
    const ready = (async () => {
      const id = await Promise.race([api.buildId(), died]);
      if (id !== BUILD_ID) throw new Error(`worker build ${id} differs from this build ${BUILD_ID}: rebuild with npm run build`);
      await Promise.race([api.init(scenarios, plan.baseSeed), died]);
    })();
    ready.catch(() => {}); // surfaced where a shard awaits it; a pool closed before use must not crash
    const slot = { worker, api, ready, died };
    all.add(slot);
    return slot;
  };

  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else idle.push(slot);
  };
  const acquire = (): Promise<Slot> => {
    const slot = idle.pop();
    return slot ? Promise.resolve(slot) : new Promise((resolve) => waiting.push(resolve));
  };
  const replace = (dead: Slot) => {
    all.delete(dead);
    void dead.worker.terminate();
    if (!closed) release(spawn());
  };

  const layouts = plan.scenarios.map((s) => recordLayout(s.scenario));
  const failedRun = (shard: Shard, message: string): ShardResult => ({
    shard,
    width: layouts[shard.scenarioIndex].width,
    data: new Float64Array(layouts[shard.scenarioIndex].width),
    errors: [message],
    computeMs: 0,
  });

  async function attempt(shard: Shard): Promise<ShardResult> {
    const slot = await acquire();
    try {
      await slot.ready;
      const result = await Promise.race([slot.api.runShard(shard), slot.died]);
      release(slot);
      return result;
    } catch (err) {
      if (err instanceof Error && err.message.includes("differs from this build")) throw err;
      replace(slot);
      if (shard.count > 1) return splitAndRetry(shard);
      const key = `${shard.scenarioIndex}:${shard.firstRun}`;
      const n = (crashes.get(key) ?? 0) + 1;
      crashes.set(key, n);
      if (n >= MAX_RUN_CRASHES) return failedRun(shard, `the run killed its worker ${n} times (${(err as Error).message})`);
      return attempt(shard);
    }
  }

  async function splitAndRetry(shard: Shard): Promise<ShardResult> {
    const parts: ShardResult[] = [];
    for (let j = 0; j < shard.count; j++) parts.push(await attempt({ ...shard, firstRun: shard.firstRun + j, count: 1 }));
    const width = parts[0].width;
    const data = new Float64Array(shard.count * width);
    parts.forEach((p, j) => data.set(p.data, j * width));
    return { shard, width, data, errors: parts.flatMap((p) => p.errors), computeMs: parts.reduce((t, p) => t + p.computeMs, 0) };
  }

  for (let k = 0; k < size; k++) idle.push(spawn());
  return {
    concurrency: size,
    runShard: attempt,
    async close() {
      closed = true;
      await Promise.all([...all].map((s) => s.worker.terminate()));
    },
  };
}
