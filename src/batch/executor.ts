/**
 * Executors run shards and return their records; results may come back in any order (the batch
 * merges them in run order). In-process here; the worker pool in worker-pool.ts.
 */
import type { BatchPlan, Shard } from "./plan.js";
import { recordLayout } from "./record.js";
import { runShard, type ShardResult } from "./run-shard.js";

/** Something that runs shards of one batch plan. */
export interface Executor {
  /** shards it runs at once */
  readonly concurrency: number;
  runShard(shard: Shard): Promise<ShardResult>;
  close(): Promise<void>;
}

/** Runs shards in the calling thread, one at a time (tests, one core, the browser's main thread). */
export function inProcessExecutor(plan: BatchPlan): Executor {
  const layouts = plan.scenarios.map((s) => recordLayout(s.scenario));
  return {
    concurrency: 1,
    async runShard(shard) {
      await new Promise((resolve) => setImmediate(resolve)); // let signals and progress through between shards
      return runShard(plan.scenarios[shard.scenarioIndex].scenario, layouts[shard.scenarioIndex], plan.baseSeed, shard);
    },
    async close() {},
  };
}
