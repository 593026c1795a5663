/**
 * clustersim's library API for Node: the browser-ready core (core.ts) plus what needs files,
 * processes and worker threads: loading scenario files, running a batch into a results folder
 * (checkpoint, worker threads, result files), and reading a results folder back. Reads like a
 * table of contents. Types: dist/types/index.d.ts.
 */
export * from "./core.js";
export * from "./scenario/index.js";
export { buildParams, type ModelParams } from "./model/params.js";
export { METRIC_INDEX } from "./model/metrics.js";
export { evaluateTargets, type TargetOutcome } from "./model/targets.js";
export { keyedUniform, streamId } from "./random/index.js";
export { abcSmc, abcSmcAsync, abcSmcSteps, posteriorSamples, syntheticCoverage, type AbcSmcOptions, type AbcSmcResult } from "./analysis/calibration/index.js";
export { calibrationSpecOf, historySimulator } from "./analysis/calibration/model.js";
export { observe, type Observation } from "./analysis/observations.js";
export { runBatchFolder, nodeExecutor, type FolderBatchOptions, type FolderBatchResult } from "./batch/node/batch-folder.js";
export { FileStore, CHECKPOINT_FILE } from "./batch/node/file-store.js";
export { folderSink } from "./batch/node/file-sink.js";
export { workerThreadPool, spawnWorkerThread } from "./batch/node/worker-threads.js";
export { readResultsFolder, type ResultsFolder } from "./batch/node/read-folder.js";
export { renderReportFolder } from "./report/node/render-folder.js";
export { loadScenarioWith } from "./scenario/load-with-changes.js";
export { loadExperiment } from "./batch/experiment/node/load.js";
export { runExperimentFolder } from "./batch/experiment/node/folder.js";
