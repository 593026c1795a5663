/**
 * Running a batch into a results folder, the library function behind `clustersim batch` and
 * `compare` and the batch benchmarks: check --out, take the folder's lock, open its checkpoint
 * (continuing or extending the batch it holds), remove the result files of any earlier batch,
 * run what is left on worker threads or in-process, write the result files (each whole, fsynced,
 * renamed into place) and manifest.json last, listing them with their sizes and SHA-256. An abort
 * (Ctrl-C), also during the final writes, or a failure leaves the checkpoint intact and no
 * manifest.json.
 */
import { inProcessExecutor, type Executor } from "../executor.js";
import { buildManifest } from "../manifest.js";
import type { BatchPlan } from "../plan.js";
import { runBatch, type BatchOutcome, type BatchProgress } from "../run-batch.js";
import type { RunStore } from "../store.js";
import { writeBatchFiles, type BatchFiles, type FolderKind } from "../write-batch.js";
import { holdFolder, writeFolder } from "./folder-session.js";
import { gitCommit } from "./git.js";
import { workerThreadPool } from "./worker-threads.js";

/** Options of a folder batch. */
export interface FolderBatchOptions {
  /** the results folder (created when missing) */
  out: string;
  /** worker threads; 0 runs in this thread (ignored when `executor` is given) */
  workers: number;
  /** an executor to use instead (the benchmarks wrap one to time it; a queue); the caller closes it */
  executor?: Executor;
  /** the queue the shards ran on, as a URL without its password (manifest.json records it) */
  queue?: string;
  /** an existing checkpoint is required */
  resume?: boolean;
  kind?: FolderKind;
  /** also write series.csv.gz (every run's yearly values) */
  series?: boolean;
  onProgress?: BatchProgress;
  signal?: AbortSignal;
  /** write the result files and manifest.json (default true; the benchmarks may only run) */
  writeFiles?: boolean;
  /** wraps the folder's store (the benchmarks time its appends and sample memory while it is read) */
  wrapStore?: (store: RunStore) => RunStore;
  /** hears what was found and repaired in the folder (a torn checkpoint header, a damaged record) */
  onNote?: (text: string) => void;
}

/** Where the time went, ms: running the shards (storing included), storing them, writing the files. */
export interface FolderBatchTimings {
  runMs: number;
  storeMs: number;
  writeMs: number;
}

/** The outcome of a folder batch: what runBatch did, and the result objects when it finished. */
export interface FolderBatchResult extends BatchOutcome {
  files: BatchFiles | null;
  timings: FolderBatchTimings;
}

/** The executor for `workers` threads (0: in this thread). */
export function nodeExecutor(plan: BatchPlan, workers: number): Executor {
  return workers === 0 ? inProcessExecutor(plan) : workerThreadPool(plan, workers);
}

/** Runs `plan` into `options.out` and writes its files; `files` is null when aborted. */
export async function runBatchFolder(plan: BatchPlan, options: FolderBatchOptions): Promise<FolderBatchResult> {
  const { out, workers, signal } = options;
  const kind = options.kind ?? "batch";
  const held = holdFolder(out, plan, options.resume === true, options.onNote);
  const fileStore = held.store;
  const timings: FolderBatchTimings = { runMs: 0, storeMs: 0, writeMs: 0 };
  const timed: RunStore = {
    get size() {
      return fileStore.size;
    },
    has: (s, r) => fileStore.has(s, r),
    append(result) {
      const t = performance.now();
      fileStore.append(result);
      timings.storeMs += performance.now() - t;
    },
    runs: (s, from, to) => fileStore.runs(s, from, to),
    close: () => fileStore.close(),
  };
  const store = options.wrapStore ? options.wrapStore(timed) : timed;
  let executor: Executor | null = null;
  try {
    const started = new Date();
    executor = options.executor ?? nodeExecutor(plan, workers);
    const t0 = performance.now();
    const outcome = await runBatch(plan, executor, store, { onProgress: options.onProgress, signal });
    timings.runMs = performance.now() - t0;
    if (outcome.outcome === "aborted" || options.writeFiles === false) return { ...outcome, files: null, timings };
    const t1 = performance.now();
    const written = await writeFolder(
      out,
      signal,
      (sink) => writeBatchFiles(plan, store, sink, { kind, series: options.series, signal }),
      (files) => buildManifest(plan, { kind, workers, started, finished: new Date(), gitCommit: gitCommit(), series: options.series === true, files, queue: options.queue }),
    );
    if (written === null) return { ...outcome, outcome: "aborted", files: null, timings };
    timings.writeMs = performance.now() - t1;
    return { ...outcome, files: written.value, timings };
  } finally {
    if (executor && !options.executor) await executor.close();
    await store.close();
    held.release();
  }
}
