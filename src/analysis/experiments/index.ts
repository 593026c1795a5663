/**
 * Public API of src/analysis/experiments: experiment designs (grid, Latin hypercube, Sobol',
 * Saltelli, Morris, explicit points), Sobol' and Morris sensitivity indices with bootstrap
 * intervals, the replication-noise share, analytic test functions and PRIM scenario discovery.
 * Pure and browser-safe: no I/O, no node: imports; see docs/experiments.md.
 */
export {
  type RangeFactor,
  type LevelsFactor,
  type DistributionFactor,
  type Factor,
  factorIssues,
  assertFactors,
  unitToValue,
  gridValue,
  mapUnitPoints,
} from "./factors.js";
export { type DesignPoints, type DesignSpec, type Design, buildDesign } from "./design.js";
export { DEFAULT_GRID_LEVELS, fullFactorial } from "./grid.js";
export { latinHypercubeUnit, latinHypercube } from "./latin-hypercube.js";
export { SOBOL_MAX_DIMENSIONS, type SobolSequenceOptions, sobolSequence } from "./sobol-sequence.js";
export { type SobolDesignOptions, sobolDesign } from "./sobol-design.js";
export { type SaltelliOptions, type SaltelliDesign, saltelliStride, saltelliDesign } from "./saltelli.js";
export { type MorrisStep, type MorrisOptions, type MorrisDesign, morrisDesign } from "./morris-design.js";
export { type PointMatrix, explicitDesign } from "./explicit.js";
export { type BootstrapOptions, DEFAULT_RESAMPLES, percentileInterval } from "./bootstrap.js";
export { type SobolLayout, type SobolIndexRow, type SobolSecondOrderRow, type SobolIndices, sobolIndices } from "./sobol-indices.js";
export { type MorrisLayout, type MorrisIndexRow, elementaryEffects, morrisIndices } from "./morris-indices.js";
export { type ReplicationNoise, replicationMeans, replicationNoise } from "./replication.js";
export {
  PI,
  type AnalyticIndices,
  ishigami,
  ishigamiFactors,
  ishigamiIndices,
  sobolG,
  sobolGFactors,
  sobolGIndices,
} from "./test-functions.js";
export { type PrimOptions, type PrimLimit, type PrimBox, type PrimResult, primQuantile, prim } from "./prim.js";
