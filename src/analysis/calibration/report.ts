/**
 * Prior versus posterior per calibrated parameter: analytic prior summaries, the weighted final
 * population (the replayable posterior) and the regression-adjusted posterior.
 */
import { priorSummary } from "./prior.js";
import type { AdjustmentRecord, CalibrationParameter, ParameterReport, ParticleRecord } from "./types.js";
import { weightedSummary } from "./weighted.js";

/** One report per parameter, in `parameters` order. */
export function parameterReports(
  parameters: readonly CalibrationParameter[],
  population: readonly ParticleRecord[],
  adjustment: AdjustmentRecord | null,
): ParameterReport[] {
  const weights = population.map((p) => p.weight);
  return parameters.map((param, k) => {
    const prior = priorSummary(param);
    const posterior = weightedSummary(
      population.map((p) => p.theta[k]),
      weights,
    );
    const adjusted = adjustment
      ? weightedSummary(
          adjustment.rows.map((r) => r[k]),
          adjustment.weights,
        )
      : null;
    const priorWidth = prior.p95 - prior.p5;
    return {
      path: param.path,
      prior,
      posterior,
      adjusted,
      shift: prior.sd > 0 ? (posterior.mean - prior.mean) / prior.sd : NaN,
      narrowing: priorWidth > 0 ? (posterior.p95 - posterior.p5) / priorWidth : NaN,
    };
  });
}
