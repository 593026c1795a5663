/**
 * clustersim's library API, used by the CLI and the workers: scenarios, one model run, the
 * random streams, calibration, and result serialisation. Reads like a table of contents.
 */
export * from "./scenario/index.js";
export { runScenario, type RunResult, type RunOptions } from "./model/run.js";
export { drawScenario, distributionPaths, scenarioAtQuantile, type DrawnScenario, type DrawnValue } from "./model/draw.js";
export { buildParams, type ModelParams } from "./model/params.js";
export { METRICS, METRIC_INDEX, metricKey, type MetricSeries, type MetricSpec } from "./model/metrics.js";
export { evaluateTargets, type TargetOutcome } from "./model/targets.js";
export { deriveSeed, keyedUniform, streamId } from "./random/index.js";
export { runAbc, summariseAbc, type AbcResult, type ParameterSummary } from "./analysis/abc.js";
export { observe, type Observation } from "./analysis/observations.js";
export { stringifyResult, toPlainJson } from "./report/json.js";
export { VERSION } from "./version.js";
