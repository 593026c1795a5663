/**
 * Runs the shards of a batch that its store does not hold yet (failed runs included: they are
 * tried again) on an executor, keeping every slot busy and storing each finished shard as it
 * arrives (in any order). Shards are planned lazily, as slots take them. An executor that fails
 * (rather than a run: a worker that cannot start) stops the batch with its error once the shards
 * in flight have settled. Node and browsers alike: the store, the executor, progress and the
 * abort signal are all passed in.
 */
import type { Executor } from "./executor.js";
import { shardsOf, type BatchPlan } from "./plan.js";
import { untilAborted } from "./settle.js";
import type { RunStore } from "./store.js";

/** Progress of a batch: runs done (stored, failed ones included) of the total, completed runs stored before this call, and failed runs so far in this call. */
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
  const shards = shardsOf(plan, chunkSize(total - done, executor.concurrency), (s, r) => store.has(s, r));
  const progress = () => onProgress?.({ done, total, before, failed });
  progress();
  let stopped = false;
  let failure: { error: unknown } | null = null;
  const aborted = () => signal?.aborted === true;
  const lane = async () => {
    while (!aborted() && !stopped) {
      const next = shards.next();
      if (next.done) return;
      const shard = next.value;
      try {
        const result = await untilAborted(executor.runShard(shard), signal);
        if (result === null || aborted()) return;
        await store.append(result);
        done += shard.count;
        failed += result.errors.filter((e) => e !== null).length;
        progress();
      } catch (error) {
        failure ??= { error };
        stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, executor.concurrency) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
  return { outcome: aborted() ? "aborted" : "done", before, ran: done - before, failed };
}
