/**
 * The page's paired batch: the base and the planner's scenario on the same seeds, run on a pool
 * of Web Workers with the library's runBatch into a memory store. The runs go in rounds of
 * growing size (each round a prefix of the seeds, both scenarios), so that paired figures exist
 * after the first round, within about a second, and sharpen with each round; the batch's result
 * files are those of the whole plan, whatever the rounds.
 */
import type { Executor } from "../../src/batch/executor.js";
import { MemoryStore } from "../../src/batch/memory-store.js";
import type { BatchPlan } from "../../src/batch/plan.js";
import { runBatch } from "../../src/batch/run-batch.js";
import { liveResults, type LiveResults } from "./results.js";

/** Runs per scenario after each round: 2 per worker (4 runs each, both scenarios), doubling, ending at the plan's runs. */
export function roundSizes(runs: number, workers: number): number[] {
  const sizes: number[] = [];
  for (let n = Math.max(2, 2 * workers); n < runs; n *= 2) sizes.push(n);
  sizes.push(runs);
  return sizes;
}

/** What the page hears while a paired batch runs. */
export interface PairedBatchEvents {
  /** runs stored (both scenarios) of the total */
  onProgress(done: number, total: number): void;
  /** the figures after a round (the last one with runs.csv) */
  onResults(results: LiveResults): void;
  /** a shard came back: the time its runs took in the worker, ms */
  onShard?(computeMs: number): void;
}

/** The executor, telling `onShard` how long each shard computed in its worker. */
function timed(executor: Executor, onShard: (ms: number) => void): Executor {
  return {
    concurrency: executor.concurrency,
    runShard: async (shard) => {
      const r = await executor.runShard(shard);
      onShard(r.computeMs);
      return r;
    },
    close: () => executor.close(),
  };
}

/** Runs the plan (scenario 0 the base, 1 the planner's) round by round; resolves "aborted" when the signal fires. The figures of a round are computed while the workers run the next one. */
export async function runPairedBatch(plan: BatchPlan, executor: Executor, events: PairedBatchEvents, signal: AbortSignal): Promise<"done" | "aborted"> {
  const store = new MemoryStore(plan);
  const pool = events.onShard ? timed(executor, events.onShard) : executor;
  const total = plan.runs * plan.scenarios.length;
  const sizes = roundSizes(plan.runs, executor.concurrency);
  let figures: Promise<void> = Promise.resolve();
  for (const [i, runs] of sizes.entries()) {
    // runBatch hands out this round's shards at once; the previous round's figures are computed meanwhile
    const round = runBatch({ ...plan, runs }, pool, store, { signal, onProgress: () => events.onProgress(store.size, total) });
    await figures;
    const outcome = await round;
    if (outcome.outcome === "aborted" || signal.aborted) return "aborted";
    const last = i === sizes.length - 1;
    figures = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      if (!signal.aborted) events.onResults(await liveResults(plan, store, runs, last));
    });
  }
  await figures;
  return signal.aborted ? "aborted" : "done";
}
