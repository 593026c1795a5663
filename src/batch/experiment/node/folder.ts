/**
 * Running an experiment into a results folder, the library function behind `clustersim
/**
 * Running an experiment into a results folder, the library function behind `clustersim
 * experiment` and bench/experiment.ts. The folder is handled as a batch's (node/folder-session.ts):
 * checked and locked, its checkpoint opened (continuing the experiment it holds; another
 * experiment's is refused), stale result files removed; what is left runs on worker threads,
 * in-process or on another executor (the queue's) with the batch layer's runBatch; the result
 * files are written whole and fsynced, and manifest.json last, listing them with sizes and
 * SHA-256. Ctrl-C and other aborts, also during the writes, leave the checkpoint intact and no
 * manifest.json.
 */
import type { Executor, ExecutorFactory } from "../../executor.js";
import type { Fault } from "../../faults.js";
import { nodeExecutor } from "../../node/batch-folder.js";
import { holdFolder, writeFolder } from "../../node/folder-session.js";
import { gitCommit } from "../../node/git.js";
import type { BatchPlan } from "../../plan.js";
import { runBatch, type BatchOutcome, type BatchProgress } from "../../run-batch.js";
import type { RunStore } from "../../store.js";
import type { ExperimentAnalysis } from "../analyse.js";
import type { Experiment } from "../compile.js";
import { experimentPlan } from "../plan.js";
import type { ExperimentSummary } from "../result-schema.js";
import { experimentManifest } from "../summary.js";
import { writeExperimentFiles } from "../write.js";

/** Options of an experiment run into a folder. */
export interface ExperimentFolderOptions {
  /** the results folder (created when missing) */
  out: string;
  /** worker threads; 0 runs in this thread (ignored when `executor` is given) */
  workers: number;
  /** an executor to use instead (the benchmark wraps one); the caller closes it */
  executor?: Executor;
  /** makes the executor for the experiment's plan instead (the queue's, for --queue); closed here */
  executorFactory?: ExecutorFactory;
  /** the queue the shards run on, as a URL without its password (manifest.json records it) */
  queue?: string;
  /** an existing checkpoint is required */
  resume?: boolean;
  /** test-only faults (CLUSTERSIM_FAULT) */
  faults?: readonly Fault[];
  onProgress?: BatchProgress;
  signal?: AbortSignal;
  /** write the result files and manifest.json (default true) */
  writeFiles?: boolean;
  /** wraps the folder's store (the benchmark samples memory while it is read) */
  wrapStore?: (store: RunStore) => RunStore;
  /** a run taking longer than this (wall clock, ms) fails with a message; none when absent */
  runTimeLimitMs?: number;
  /** hears what was found and repaired in the folder's checkpoint (a torn header, a damaged record) */
  onNote?: (text: string) => void;
}

/** What an experiment run did: runBatch's outcome, and the result objects when it finished. */
export interface ExperimentFolderResult extends BatchOutcome {
  plan: BatchPlan;
  summary: ExperimentSummary | null;
  analysis: ExperimentAnalysis | null;
  /** ms running the shards, ms writing the files */
  timings: { runMs: number; writeMs: number };
}

/** Runs the experiment into `options.out` and writes its files; `summary` is null when aborted or not written. */
export async function runExperimentFolder(ex: Experiment, options: ExperimentFolderOptions): Promise<ExperimentFolderResult> {
  const { out, workers, signal } = options;
  const plan = experimentPlan(ex, options.faults, options.runTimeLimitMs);
  const held = holdFolder(out, plan, options.resume === true, options.onNote);
  const store = options.wrapStore ? options.wrapStore(held.store) : held.store;
  const timings = { runMs: 0, writeMs: 0 };
  let executor: Executor | null = null;
  try {
    const started = new Date();
    executor = options.executor ?? options.executorFactory?.(plan) ?? nodeExecutor(plan, workers);
    const t0 = performance.now();
    const outcome = await runBatch(plan, executor, store, { onProgress: options.onProgress, signal });
    timings.runMs = performance.now() - t0;
    if (outcome.outcome === "aborted" || options.writeFiles === false) return { ...outcome, plan, summary: null, analysis: null, timings };
    const t1 = performance.now();
    const written = await writeFolder(
      out,
      signal,
      (sink) => writeExperimentFiles(ex, plan, store, sink),
      (files) => experimentManifest(ex, plan, { workers, started, finished: new Date(), gitCommit: gitCommit(), files, queue: options.queue }),
    );
    if (written === null) return { ...outcome, outcome: "aborted", plan, summary: null, analysis: null, timings };
    timings.writeMs = performance.now() - t1;
    return { ...outcome, plan, ...written.value, timings };
  } finally {
    if (executor && !options.executor) await executor.close();
    await store.close();
    held.release();
  }
}
