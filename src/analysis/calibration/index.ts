/**
 * Public API of the ABC-SMC calibration engine (docs/calibration.md): abcSmc / abcSmcAsync /
 * abcSmcSteps, replayable posterior samples, and the synthetic-data coverage check.
 */
export type {
  AbcSmcOptions,
  AbcSmcResult,
  AdjustmentRecord,
  CalibrationObservation,
  CalibrationParameter,
  CalibrationProblem,
  CalibrationSpec,
  CoverageReport,
  GenerationReport,
  ParameterReport,
  ParticleRecord,
  ReplicateRecord,
  SimulationJob,
  Simulator,
  Summary,
} from "./types.js";
export { abcSmc, abcSmcAsync, abcSmcSteps, resolveOptions, type PredictiveFrom } from "./calibrate.js";
export { CalibrationFailure } from "./smc.js";
export { MAX_CALIBRATED_PARAMETERS, checkSpec, poissonMeanInterval, poissonRatio } from "./observations.js";
export { posteriorSamples, type PosteriorSample } from "./predictive.js";
export {
  posteriorIntervals,
  syntheticCoverage,
  syntheticCoverageAsync,
  syntheticCoverageSteps,
  type ObservationsFor,
  type SyntheticCoverage,
  type SyntheticDataset,
  type SyntheticOptions,
} from "./synthetic.js";
