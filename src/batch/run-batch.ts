/**
 * Runs the shards of a batch that the checkpoint does not hold yet on an executor, keeping every
 * worker busy, appending each finished shard to the checkpoint as it arrives (in any order).
 */
import type { Checkpoint } from "./checkpoint.js";
import type { Executor } from "./executor.js";
import { planShards, type BatchPlan } from "./plan.js";

/** Progress of a batch: runs done (stored) of the total, and failed runs so far. */
export type BatchProgress = (done: number, total: number, failed: number) => void;

/** Runs per shard: small enough to balance the workers, large enough to keep messaging cheap. */
export function chunkSize(remaining: number, concurrency: number): number {
  return Math.max(1, Math.min(64, Math.ceil(remaining / (concurrency * 8))));
}

/**
 * Runs what is left of `plan`; resolves to "done", or "aborted" when `signal` fires (finished
 * shards are in the checkpoint; shards in flight are dropped and run again on resume).
 */
export async function runBatch(plan: BatchPlan, executor: Executor, checkpoint: Checkpoint, onProgress?: BatchProgress, signal?: AbortSignal): Promise<"done" | "aborted"> {
  const total = plan.runs * plan.scenarios.length;
  let done = checkpoint.offsets.size;
  let failed = 0;
  const remaining = total - done;
  const shards = planShards(plan, chunkSize(remaining, executor.concurrency), (s, r) => checkpoint.has(s, r));
  onProgress?.(done, total, failed);
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
      checkpoint.append(result);
      done += shard.count;
      failed += result.errors.filter((e) => e !== null).length;
      onProgress?.(done, total, failed);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, executor.concurrency) }, lane));
  return aborted ? "aborted" : "done";
}
