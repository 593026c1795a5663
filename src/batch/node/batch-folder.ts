/**
 * Running a batch into a results folder, the library function behind `clustersim batch` and
 * `compare` and the batch benchmarks: open the folder's checkpoint (continuing or extending the
 * batch it holds), run what is left on worker threads or in-process, write the result files and
 * manifest.json. Ctrl-C and other aborts leave the checkpoint intact.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inProcessExecutor, type Executor } from "../executor.js";
import { buildManifest } from "../manifest.js";
import type { BatchPlan } from "../plan.js";
import { runBatch, type BatchOutcome, type BatchProgress } from "../run-batch.js";
import type { RunStore } from "../store.js";
import { writeBatchFiles, type BatchFiles, type FolderKind } from "../write-batch.js";
import { FileStore } from "./file-store.js";
import { folderSink } from "./file-sink.js";
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
  const { out, workers } = options;
  const kind = options.kind ?? "batch";
  mkdirSync(out, { recursive: true });
  const fileStore = FileStore.open(out, plan, options.resume === true);
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
  const started = new Date();
  const executor = options.executor ?? nodeExecutor(plan, workers);
  try {
    const t0 = performance.now();
    const outcome = await runBatch(plan, executor, store, { onProgress: options.onProgress, signal: options.signal });
    timings.runMs = performance.now() - t0;
    if (outcome.outcome === "aborted" || options.writeFiles === false) return { ...outcome, files: null, timings };
    const t1 = performance.now();
    const files = await writeBatchFiles(plan, store, folderSink(out), { kind, series: options.series });
    timings.writeMs = performance.now() - t1;
    const manifest = buildManifest(plan, { kind, workers, started, finished: new Date(), gitCommit: gitCommit(), series: options.series === true, queue: options.queue });
    writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    return { ...outcome, files, timings };
  } finally {
    if (!options.executor) await executor.close();
    await store.close();
  }
}
