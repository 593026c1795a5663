/**
 * Observed statistics of a run for calibration: the model's own definitions (src/model/history.ts),
 * re-exported for the analysis layer, with `observe` for a range observation of a finished run.
 */
export {
  observeRange as observe,
  withinRange as withinObservation,
  observationStatistics,
  poissonProbability,
  anchorMuOf,
  runHistory,
  type Observation,
  type RangeObservation,
  type PoissonObservation,
  type ObservationStatistic,
} from "../model/history.js";
