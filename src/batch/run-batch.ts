/**
 * Runs the shards of a batch that its store does not hold yet on an executor, keeping every
 * slot busy and storing each finished shard as it arrives (in any order). Node and browsers
 * alike: the store, the executor, progress and the abort signal are all passed in.
 */
import type { Executor } from "./executor.js";
import { planShards, type BatchPlan } from "./plan.js";
import type { RunStore } from "./store.js";

/** Progress of a batch: runs done (stored) of the total, runs run by this call, and failed runs so far in this call. */
export interface BatchProgressEvent {
  done: number;
  total: number;
  /** runs already stored when the call started */
  before: number;
  failed: number;
}

/** A progress callback. */
export type BatchProgress = (event: BatchProgressEvent) => void;

/** What runBatch did: "done" or "aborted", runs stored before it started, runs it ran. */
export interface BatchOutcome {
  outcome: "done" | "aborted";
  before: number;
  ran: number;
  failed: number;
}

/** Options of runBatch. */
export interface RunBatchOptions {
  onProgress?: BatchProgress;
  /** aborts between shards: finished shards are stored, shards in flight are dropped (run again on resume) */
  signal?: AbortSignal;
}

/** Runs per shard: small enough to balance the workers, large enough to keep messaging cheap. */
export function chunkSize(remaining: number, concurrency: number): number {
  return Math.max(1, Math.min(64, Math.ceil(remaining / (concurrency * 8))));
}

/** Runs what is left of `plan` on `executor` into `store`. */
export async function runBatch(plan: BatchPlan, executor: Executor, store: RunStore, options: RunBatchOptions = {}): Promise<BatchOutcome> {
  const { onProgress, signal } = options;
  const total = plan.runs * plan.scenarios.length;
  const before = store.size;
  let done = before;
  let failed = 0;
  const shards = planShards(plan, chunkSize(total - done, executor.concurrency), (s, r) => store.has(s, r));
  const progress = () => onProgress?.({ done, total, before, failed });
  progress();
  let next = 0;
  let aborted = false;
  const abort = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener("abort", () => resolve(), { once: true });
  }).then(() => {
    aborted = true;
  });
  const lane = async () => {
    while (!aborted && next < shards.length) {
      const shard = shards[next++];
      const result = await Promise.race([executor.runShard(shard), abort.then(() => null)]);
      if (result === null || aborted) return;
      await store.append(result);
      done += shard.count;
      failed += result.errors.filter((e) => e !== null).length;
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(executor.concurrency, shards.length)) }, lane));
  return { outcome: aborted ? "aborted" : "done", before, ran: done - before, failed };
}
