/**
 * Executors run shards and return their records; results may come back in any order (the batch
 * stores them as they come and reads them in run order). Every executor passes the contract in
 * test/batch/executor-contract.ts. In-process here; the worker pool in worker-pool.ts.
 */
import type { BatchPlan, Shard } from "./plan.js";
import { lazyLayouts, runShard, type ShardResult } from "./run-shard.js";

/** Something that runs shards of one batch plan. */
export interface Executor {
  /** shards it runs at once */
  readonly concurrency: number;
  /** runs a shard; a run that fails is reported in the result's errors, not thrown */
  runShard(shard: Shard): Promise<ShardResult>;
  close(): Promise<void>;
}

/** Makes an executor for a plan (in-process, a pool of worker threads or Web Workers, a queue). */
export type ExecutorFactory = (plan: BatchPlan) => Executor;

/** Yields to the event loop (a macrotask), so signals and progress get through between shards; Node and browsers alike. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs shards in the calling thread, one at a time (tests, one core, the browser's main thread). */
export function inProcessExecutor(plan: BatchPlan): Executor {
  const layoutOf = lazyLayouts(plan.scenarios.map((s) => s.scenario));
  return {
    concurrency: 1,
    async runShard(shard) {
      await yieldToEventLoop();
      return runShard(plan.scenarios[shard.scenarioIndex].scenario, () => layoutOf(shard.scenarioIndex), shard, plan.faults);
    },
    async close() {},
  };
}
