/**
 * The result files of a finished batch, written from its store in run order into a sink:
 * summary.json, runs.csv and yearly.csv, and for a comparison comparison.json and .csv. The same
 * store gives the same bytes whatever executor, worker count or kill/resume produced it.
 */
import { writeComparison, type Comparison } from "./comparison.js";
import type { ResultSink } from "./files/sink.js";
import type { BatchPlan } from "./plan.js";
import { writeResults, type BatchSummary } from "./results.js";
import type { RunStore } from "./store.js";

/** What kind of folder: a batch, or a comparison (scenario 0 the baseline). */
export type FolderKind = "batch" | "comparison";

/** The result objects of a batch (a comparison's also when the folder is one). */
export interface BatchFiles {
  summary: BatchSummary;
  comparison: Comparison | null;
}

/** Writes the result files of `plan` from `store` into `sink`. */
export async function writeBatchFiles(plan: BatchPlan, store: RunStore, sink: ResultSink, kind: FolderKind = "batch"): Promise<BatchFiles> {
  const summary = await writeResults(plan, store, sink);
  const comparison = kind === "comparison" ? await writeComparison(plan, store, sink) : null;
  return { summary, comparison };
}
