/**
 * clustersim's browser-ready core: everything that needs neither files nor processes, so that it
 * bundles for a browser page or a Web Worker (a test builds it with esbuild for platform
 * "browser" and fails on any node: import). Scenarios resolved from texts, one model run, batches
 * on any executor into any store and sink, the result-file contract, and the report rendered
 * from result objects. The Node additions (files, worker threads, folders) are in index.ts.
 */
export * from "./scenario/schema.js";
export { resolveScenario, type LoadedScenario, type ResolveOptions } from "./scenario/resolve.js";
export { ScenarioError, formatProblem, formatProblems, type Problem } from "./scenario/errors.js";
export { InputError } from "./scenario/input-error.js";
export { formatJsonPath, parseJsonPath, jsonPathProblem } from "./scenario/json-path.js";
export { scenarioHash } from "./scenario/hash.js";
export { runScenario, signedLeads, type RunResult, type RunOptions } from "./model/run.js";
export { drawScenario, distributionPaths, type DrawnScenario, type DrawnValue } from "./model/draw.js";
export { METRICS, metricKey, type MetricKey, type MetricSeries, type MetricSpec } from "./model/metrics.js";
export { deriveSeed } from "./random/index.js";
export { derivedPlan, planSeed, planShards, shardOf, type BatchPlan, type BatchScenario, type SeedSource, type Shard } from "./batch/plan.js";
export { inProcessExecutor, type Executor, type ExecutorFactory } from "./batch/executor.js";
export { workerPool, type SpawnWorker, type WorkerHandle } from "./batch/worker-pool.js";
export { createWorkerApi, type WorkerApi } from "./batch/worker-api.js";
export { runBatch, type BatchOutcome, type BatchProgress, type BatchProgressEvent, type RunBatchOptions } from "./batch/run-batch.js";
export type { RunStore, StoredRun, StoreHeader } from "./batch/store.js";
export { MemoryStore } from "./batch/memory-store.js";
export { MemorySink, type ResultSink, type TextSink } from "./batch/files/sink.js";
export { writeBatchFiles, type BatchFiles, type FolderKind } from "./batch/write-batch.js";
export { csvRow, csvTable } from "./batch/files/csv.js";
export { stringifyResult, toPlainJson } from "./batch/files/json.js";
export { VERSION } from "./version.js";
export { describeTarget, TargetDescriptionSchema, type TargetDescription } from "./model/target-description.js";
export * from "./batch/files/schemas.js";
export { parseResultFiles, parseYearlyCsv, parseCsv, ResultsFolderError, type ResultObjects, type ResultTexts, type YearlyRow } from "./batch/files/read.js";
export { YEARLY_COLUMNS, COMPARISON_COLUMNS, SERIES_COLUMNS, PROBABILITY_UNIT, runsColumns, type Column } from "./batch/files/columns.js";
export { dataPackage, type DataPackage } from "./batch/files/datapackage.js";
export { FORMAT_VERSION } from "./batch/files/format.js";
export { HEADLINES, HEADLINE_INFO, type Headline } from "./batch/headlines.js";
export { renderReport, type RenderedReport } from "./report/html/render-report.js";
export { scenarioInfo, type ScenarioInfo } from "./report/html/scenario-info.js";
export type { ReportData } from "./report/html/inputs.js";
export { parseChange, applyChanges, withChanges, type ScenarioChange } from "./scenario/changes.js";
export { parseSeedList } from "./batch/seed-list.js";
