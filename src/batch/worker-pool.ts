/**
 * A pool of workers speaking comlink, the same logic for Node worker threads and browser Web
 * Workers: a spawn function (node/worker-threads.ts for Node) starts one worker and says when it
 * dies. Each worker gets the batch's scenarios once and then one shard at a time. A worker that
 * dies is replaced: its shard is retried run by run, and a run that kills a worker twice is
 * recorded as failed. A worker that cannot start (its code missing, another build) is a failure
 * of the executor, not of runs: its shard rejects with an ExecutorError and the batch stops. A
 * shard that runs far past its runs' time limit (a run stuck inside one quarter, where the limit
 * is not checked) has its worker stopped; a single run stopped so is recorded as failed.
 */
import type { Remote } from "comlink";
import { BUILD_ID } from "./build-id.js";
import { ExecutorError, type Executor } from "./executor.js";
import { Tripwire } from "./settle.js";
import type { BatchPlan, Shard } from "./plan.js";
import { lazyLayouts, recordWidth, type ShardResult } from "./run-shard.js";
import type { WorkerApi } from "./worker-api.js";

/** How many times a single run may kill its worker before it is recorded as failed. */
const MAX_RUN_CRASHES = 2;

/** A started worker: its comlink proxy, a promise that rejects when it dies, and how to stop it. */
export interface WorkerHandle {
  api: Remote<WorkerApi>;
  /** rejects (never resolves) when the worker exits or fails */
  died: Promise<never>;
  terminate(): Promise<unknown>;
}

/** Starts one worker (a worker thread, a Web Worker). */
export type SpawnWorker = () => WorkerHandle;

/** The message of a worker refused for its build. */
const STALE = "differs from this build";

/** A shard is stopped when it takes longer than this many times its runs' time limit, plus WATCHDOG_SLACK_MS. */
const WATCHDOG_FACTOR = 2;
const WATCHDOG_SLACK_MS = 1000;

/** A shard stopped by the watchdog. */
class Overdue extends Error {}

interface Slot extends WorkerHandle {
  ready: Promise<void>;
  /** trips when the worker dies: a shard's call races it without being retained by it */
  death: Tripwire;
}

/** A pool of `size` workers started by `spawn` for `plan`. */
export function workerPool(plan: BatchPlan, size: number, spawn: SpawnWorker): Executor {
  const scenarios = plan.scenarios.map((s) => s.scenario);
  const idle: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  const all = new Set<Slot>();
  const crashes = new Map<string, number>();
  let closed = false;

  const start = (): Slot => {
    const handle = spawn();
    const death = new Tripwire();
    handle.died.catch((err: unknown) => death.trip(err));
    const ready = (async () => {
      let id: string;
      try {
        id = await death.guard(handle.api.buildId());
        await death.guard(handle.api.init(scenarios, plan.faults));
      } catch (err) {
        throw new ExecutorError(`a worker could not start (${(err as Error).message})`);
      }
      if (id !== BUILD_ID) throw new ExecutorError(`worker build ${id} ${STALE} ${BUILD_ID}: rebuild with npm run build`);
    })();
    ready.catch(() => {}); // surfaced where a shard awaits it; a pool closed before use must not crash
    const slot = { ...handle, ready, death };
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
    void dead.terminate();
    if (!closed) release(start());
  };

  const layoutOf = lazyLayouts(scenarios);
  const failedRun = (shard: Shard, message: string): ShardResult => ({
    shard,
    width: recordWidth(shard, layoutOf),
    data: new Float64Array(recordWidth(shard, layoutOf)),
    errors: [message],
    computeMs: 0,
  });

  /** Trips `slot`'s death with Overdue when the shard runs far past its time limit (never without a limit); returns how to stop the watch. */
  const watchdog = (shard: Shard, slot: Slot): (() => void) => {
    if (shard.timeLimitMs === undefined) return () => {};
    const ms = shard.count * shard.timeLimitMs * WATCHDOG_FACTOR + WATCHDOG_SLACK_MS;
    const timer = setTimeout(() => slot.death.trip(new Overdue(`the run did not finish within ${ms / 1000} s, far past the time limit of ${shard.timeLimitMs! / 1000} s (stuck inside one quarter?); its worker was stopped`)), ms);
    return () => clearTimeout(timer);
  };

  async function attempt(shard: Shard): Promise<ShardResult> {
    const slot = await acquire();
    try {
      await slot.ready;
    } catch (err) {
      replace(slot);
      throw err;
    }
    const stopWatch = watchdog(shard, slot);
    try {
      const result = await slot.death.guard(slot.api.runShard(shard));
      release(slot);
      return result;
    } catch (err) {
      replace(slot);
      if (err instanceof Overdue && shard.count === 1) return failedRun(shard, err.message);
      if (shard.count > 1) return splitAndRetry(shard);
      const key = `${shard.scenarioIndex}:${shard.firstRun}`;
      const n = (crashes.get(key) ?? 0) + 1;
      crashes.set(key, n);
      if (n >= MAX_RUN_CRASHES) return failedRun(shard, `the run killed its worker ${n} times (${(err as Error).message})`);
      return attempt(shard);
    } finally {
      stopWatch();
    }
  }

  async function splitAndRetry(shard: Shard): Promise<ShardResult> {
    const parts: ShardResult[] = [];
    for (let j = 0; j < shard.count; j++) parts.push(await attempt({ ...shard, firstRun: shard.firstRun + j, count: 1, seeds: [shard.seeds[j]] }));
    const width = parts[0].width;
    const data = new Float64Array(shard.count * width);
    parts.forEach((p, j) => data.set(p.data, j * width));
    return { shard, width, data, errors: parts.flatMap((p) => p.errors), computeMs: parts.reduce((t, p) => t + p.computeMs, 0) };
  }

  for (let k = 0; k < size; k++) idle.push(start());
  return {
    concurrency: size,
    runShard: attempt,
    async close() {
      closed = true;
      await Promise.all([...all].map((s) => s.terminate()));
    },
  };
}
