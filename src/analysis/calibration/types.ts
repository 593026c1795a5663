/**
 * Types of the generic ABC-SMC calibration engine (docs/calibration.md): the problem (priors,
 * observations, a simulator), the options, the jobs it hands to an executor and its result.
 * Everything in the result is plain JSON (numbers, strings, arrays) so it can be printed with
 * `--json` or sent between threads.
 */
import type { DistributionSpec } from "../../random/distribution.js";

/** A calibrated parameter: where it lives in the scenario and its prior. */
export interface CalibrationParameter {
  /** JSON path in the scenario, e.g. "$.industries.biopharma.marketTrend" (an opaque label here) */
  path: string;
  prior: DistributionSpec;
}

/**
 * An observation the history must reproduce. Two kinds:
 * - interval: the statistic must lie in [min, max] (either bound may be absent: one-sided).
 *   `target` is the point value the interval is a tolerance around (e.g. growth 0.23 within
 *   [0.20, 0.25]); only observations with a target enter the regression adjustment. Leave it out
 *   when the interval itself is the datum (an estimate known only as a range, or "300+").
 * - poisson: the statistic is a Poisson mean mu (expected count in the history) and the datum is
 *   the observed count; a replicate scores P(count | mu) / P(count | mu = count), in (0, 1].
 */
export type CalibrationObservation =
  | { id: string; kind: "interval"; min?: number; max?: number; target?: number }
  | { id: string; kind: "poisson"; count: number };

/** Priors and observations: everything about a calibration but the simulator (plain data). */
export interface CalibrationSpec {
  parameters: CalibrationParameter[];
  observations: CalibrationObservation[];
}

/**
 * One history of the simulator with the calibrated parameters `theta` (in `parameters` order)
 * and history seed `historySeed` (uint32); returns one statistic per observation, in
 * `observations` order (a Poisson observation's entry is the mean mu). Must be a pure function
 * of (theta, historySeed); parameters not calibrated are drawn by the simulator from their
 * priors with the history seed, so (theta, historySeed) replays the history bit for bit.
 * Non-finite statistics never meet an observation: return NaN for parameter values the model
 * rejects instead of throwing (a throw ends the calibration).
 */
export type Simulator = (theta: Float64Array, historySeed: number) => Float64Array;

/** A calibration problem: its spec plus the simulator. */
export interface CalibrationProblem extends CalibrationSpec {
  simulate: Simulator;
}

/** One simulation to run: parameters and history seed. */
export interface SimulationJob {
  theta: Float64Array;
  historySeed: number;
}

/** Options of abcSmc (defaults in brackets). */
export interface AbcSmcOptions {
  /** particles per generation, N */
  particles: number;
  /** replicate histories per particle, R (MODEL.md asks for >= 5) [5] */
  replicates?: number;
  /** base seed (uint32) of every draw: prior, kernel, history seeds, predictive */
  seed: number;
  /**
   * Fixed tolerance schedule for generations 1, 2, ... (generation 0 samples the prior): each
   * entry widens every interval by that many observation scales; must decrease and end at 0.
   * When absent the schedule is adaptive (see `quantile`).
   */
  tolerances?: number[];
  /** adaptive schedule: next tolerance = this quantile of the accepted replicates' distances [0.5] */
  quantile?: number;
  /** maximum generations including generation 0 [20] */
  maxGenerations?: number;
  /**
   * proposals simulated per round of a generation; absent: adaptive, each round sized from the
   * acceptance so far (the previous generation's for the first round) to find the particles still
   * needed with about 20% to spare. The result does not depend on it; only `simulations` does.
   */
  roundSize?: number;
  /** proposals a generation may use before it stops short [100 x particles] */
  maxProposalsPerGeneration?: number;
  /** a generation stopped short is kept when it has at least this many particles [ceil(particles / 2)] */
  minParticles?: number;
  /** probability that the kernel keeps a `choice` parameter's value (else redraws from its prior) [0.7] */
  choiceKeep?: number;
  /** local-linear regression adjustment of the final population [true] */
  regression?: boolean;
  /** posterior predictive simulations with fresh history seeds [400] */
  predictiveDraws?: number;
  /** central probability of the Poisson prediction interval used for coverage [0.9] */
  poissonLevel?: number;
  /** called with each generation's report as soon as it is complete (progress; no effect on the result) */
  onGeneration?: (report: GenerationReport) => void;
}

/** What one generation did. */
export interface GenerationReport {
  generation: number;
  /** distance allowed outside each interval, in observation scales (Infinity for generation 0) */
  tolerance: number;
  /** parameter vectors proposed and simulated */
  proposals: number;
  /** proposals with a positive score, kept as particles */
  particles: number;
  /** particles / proposals */
  acceptanceRate: number;
  /** mean replicate score over all proposals' replicates (share meeting every observation) */
  replicateAcceptance: number;
  simulations: number;
  /** Kish effective sample size of the generation's normalised weights */
  ess: number;
  /** true when the proposal budget ran out before `particles` were found */
  short: boolean;
}

/** One replicate history of a final particle. */
export interface ReplicateRecord {
  historySeed: number;
  /** acceptance score in [0, 1]: every interval met x the Poisson likelihood ratios */
  score: number;
  /** one statistic per observation */
  statistics: number[];
}

/** A particle of the final population. */
export interface ParticleRecord {
  theta: number[];
  /** normalised importance weight */
  weight: number;
  /** the replicates with a positive score (those that met every interval), in replicate order */
  accepted: ReplicateRecord[];
}

/** Mean, sd and quantiles of a (weighted) sample or distribution. */
export interface Summary {
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
}

/** Prior versus posterior of one parameter. */
export interface ParameterReport {
  path: string;
  prior: Summary;
  /** the weighted final population (the replayable posterior) */
  posterior: Summary;
  /** after regression adjustment (null when off or not possible) */
  adjusted: Summary | null;
  /** (posterior mean - prior mean) / prior sd */
  shift: number;
  /** posterior 5-95% width / prior 5-95% width */
  narrowing: number;
}

/** Posterior predictive coverage of one observation. */
export interface CoverageReport {
  observation: string;
  /** share of posterior predictive simulations (fresh history seeds) within the observation */
  coverage: number;
  /**
   * sd of the statistic across history seeds at fixed parameters: the final population's
   * within-particle sd over all its replicates, pooled with the particle weights
   */
  historySd: number;
  /**
   * the coverage a perfect posterior could reach given that history noise: 2 Phi(width / (2 historySd)) - 1
   * for a two-sided interval (a normal statistic centred in it), 1 for a one-sided one; null for a Poisson count
   */
  ceiling: number | null;
}

/** The regression adjustment's fit. */
export interface AdjustmentRecord {
  /** observations used as regressors (those with a target) */
  regressors: string[];
  /** per parameter, the slope on each regressor's standardised deviation (parameter's working scale) */
  slopes: number[][];
  /** adjusted parameter rows, one per accepted replicate (particle order, then replicate order) */
  rows: number[][];
  /** normalised weights of the rows: particle weight x replicate share x Epanechnikov kernel */
  weights: number[];
}

/** The result of abcSmc. */
export interface AbcSmcResult {
  parameters: string[];
  observations: string[];
  replicates: number;
  seed: number;
  generations: GenerationReport[];
  /** tolerance of the final population (0: every interval exactly) */
  finalTolerance: number;
  /** why the sequence ended: "done" (tolerance 0 reached), "budget" or "generations" */
  stopReason: "done" | "budget" | "generations";
  /** Kish effective sample size of the final weights */
  ess: number;
  simulations: number;
  population: ParticleRecord[];
  adjustment: AdjustmentRecord | null;
  summary: ParameterReport[];
  posteriorPredictive: CoverageReport[];
  /** share of predictive simulations meeting every observation at once */
  jointCoverage: number;
}
