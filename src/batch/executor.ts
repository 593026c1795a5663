/**
 * Executors run shards and return their records; results may come back in any order (the batch
 * stores them as they come and reads them in run order). Every executor passes the contract in
 * test/batch/executor-contract.ts. In-process here; the worker pool in worker-pool.ts.
 */
import { pacer } from "./pace.js";
import type { BatchPlan, Shard } from "./plan.js";
import { lazyLayouts, shardRunner, type ShardResult } from "./run-shard.js";

export { yieldToEventLoop } from "./pace.js";

/** Something that runs shards of one batch plan. */
export interface Executor {
  /** shards it runs at once */
  readonly concurrency: number;
  /**
   * runs a shard; a run that fails is reported in the result's errors, not thrown. It rejects
   * only when the executor itself fails (an ExecutorError: a worker that cannot start), which
   * stops the batch.
   */
  runShard(shard: Shard): Promise<ShardResult>;
  close(): Promise<void>;
}

/** The executor itself failed (not a run): the batch stops and exits 1, the runs stored so far are kept. */
export class ExecutorError extends Error {}

/** Makes an executor for a plan (in-process, a pool of worker threads or Web Workers, a queue). */
export type ExecutorFactory = (plan: BatchPlan) => Executor;

/**
 * Runs shards in the calling thread, one at a time (tests, one core, the browser's main thread).
 * It yields to the event loop about every 20 ms between runs, so Ctrl-C and progress get through
 * while it computes; once closed it stops at the next run (its shard's promise rejects).
 */
export function inProcessExecutor(plan: BatchPlan): Executor {
  const layoutOf = lazyLayouts(plan.scenarios.map((s) => s.scenario));
  const closed = new AbortController();
  const pace = pacer(closed.signal);
  return {
    concurrency: 1,
    async runShard(shard) {
      const runner = shardRunner(plan.scenarios[shard.scenarioIndex].scenario, () => layoutOf(shard.scenarioIndex), shard, plan.faults);
      for (let j = 0; j < shard.count; j++) {
        await pace();
        runner.run(j);
      }
      return runner.result;
    },
    async close() {
      closed.abort(new ExecutorError("the executor was closed"));
    },
  };
}
