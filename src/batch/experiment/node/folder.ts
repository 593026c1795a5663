/**
 * Running an experiment into a results folder, the library function behind `clustersim
 * experiment` and bench/experiment.ts: open the folder's checkpoint (continuing the experiment
 * it holds; another experiment's is refused), run what is left on worker threads, in-process or
 * on another executor (the queue's) with the batch layer's runBatch, write the result files and manifest.json. Ctrl-C and other
 * aborts leave the checkpoint intact.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Executor, ExecutorFactory } from "../../executor.js";
import type { Fault } from "../../faults.js";
import { nodeExecutor } from "../../node/batch-folder.js";
import { FileStore } from "../../node/file-store.js";
import { folderSink } from "../../node/file-sink.js";
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
  const { out, workers } = options;
  const plan = experimentPlan(ex, options.faults);
  mkdirSync(out, { recursive: true });
  const fileStore = FileStore.open(out, plan, options.resume === true);
  const store = options.wrapStore ? options.wrapStore(fileStore) : fileStore;
  const started = new Date();
  const executor = options.executor ?? options.executorFactory?.(plan) ?? nodeExecutor(plan, workers);
  const timings = { runMs: 0, writeMs: 0 };
  try {
    const t0 = performance.now();
    const outcome = await runBatch(plan, executor, store, { onProgress: options.onProgress, signal: options.signal });
    timings.runMs = performance.now() - t0;
    if (outcome.outcome === "aborted" || options.writeFiles === false) return { ...outcome, plan, summary: null, analysis: null, timings };
    const t1 = performance.now();
    const { summary, analysis } = await writeExperimentFiles(ex, plan, store, folderSink(out));
    const manifest = experimentManifest(ex, plan, { workers, started, finished: new Date(), gitCommit: gitCommit(), queue: options.queue });
    writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    timings.writeMs = performance.now() - t1;
    return { ...outcome, plan, summary, analysis, timings };
  } finally {
    if (!options.executor) await executor.close();
    await store.close();
  }
}
