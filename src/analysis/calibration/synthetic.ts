/**
 * Synthetic-data check of a calibration (the model contract's property 13, second half): draw a "truth"
 * from the prior, simulate one history with it, build observations from that history's
 * statistics the way the real ones are built, calibrate, and see whether the posterior's
 * central interval covers the truth. Repeated over data sets, a calibrated method covers at
 * about the nominal rate; the contract asks for >= 70% at 90%. Works for any simulator (toy models
 * in fast tests, the real model in a slow test) and, like abcSmcSteps, as a job generator.
 */
import { keyedHash32, keyedStream, streamId } from "../../random/keyed.js";
import type { RandomStream } from "../../random/streams.js";
import { abcSmcSteps, type PredictiveFrom } from "./calibrate.js";
import { drawPrior } from "./prior.js";
import { CalibrationFailure } from "./smc.js";
import type { AbcSmcOptions, AbcSmcResult, CalibrationObservation, CalibrationParameter, Simulator, SimulationJob } from "./types.js";
import { weightedQuantiles } from "./weighted.js";

/** Builds a data set's observations from the statistics of its true history (stream for any noise, e.g. a Poisson count). */
export type ObservationsFor = (statistics: Float64Array, stream: RandomStream) => CalibrationObservation[];

/** Options of the synthetic check. */
export interface SyntheticOptions {
  /** synthetic data sets [20] */
  datasets?: number;
  /** central posterior probability of the intervals [0.9] */
  level?: number;
  seed: number;
  /** calibration options for every data set (its seed is derived from `seed` and the data set) */
  calibration: Omit<AbcSmcOptions, "seed">;
  /** interval from the replayable population or the regression-adjusted posterior ["adjusted"] */
  use?: PredictiveFrom;
}

/** One synthetic data set and its outcome. */
export interface SyntheticDataset {
  truth: number[];
  historySeed: number;
  observations: CalibrationObservation[];
  /** per parameter, the posterior's central interval (null when the calibration failed) */
  intervals: [number, number][] | null;
  covered: boolean[];
  /** the calibration's error message, when it failed (counts as not covering) */
  error?: string;
  finalTolerance?: number;
  ess?: number;
}

/** Coverage of the truth over the synthetic data sets. */
export interface SyntheticCoverage {
  level: number;
  /** per parameter path, the share of data sets whose interval covers the truth */
  perParameter: { path: string; coverage: number }[];
  /** share over all (data set, parameter) pairs */
  overall: number;
  datasets: SyntheticDataset[];
}

/** The central `level` interval of each parameter from a calibration result. */
export function posteriorIntervals(result: AbcSmcResult, level: number, use: PredictiveFrom): [number, number][] {
  const a = (1 - level) / 2;
  const adjusted = use === "adjusted" && result.adjustment !== null;
  const rows = adjusted ? result.adjustment!.rows : result.population.map((p) => p.theta);
  const weights = adjusted ? result.adjustment!.weights : result.population.map((p) => p.weight);
  return result.parameters.map((_, k) => {
    const [lo, hi] = weightedQuantiles(
      rows.map((r) => r[k]),
      weights,
      [a, 1 - a],
    );
    return [lo, hi];
  });
}

/** The synthetic check as a generator of job batches (see abcSmcSteps). */
export function* syntheticCoverageSteps(
  parameters: CalibrationParameter[],
  observationsFor: ObservationsFor,
  options: SyntheticOptions,
): Generator<SimulationJob[], SyntheticCoverage, Float64Array[]> {
  const n = options.datasets ?? 20;
  const level = options.level ?? 0.9;
  const use = options.use ?? "adjusted";
  const { seed } = options;
  const truthStreams = parameters.map((p) => streamId(`abc/synthetic/truth/${p.path}`));
  const datasets: SyntheticDataset[] = [];
  for (let d = 0; d < n; d++) {
    const truth = drawPrior(parameters, truthStreams, seed, d, 0);
    const historySeed = keyedHash32(seed, streamId("abc/synthetic/history"), d, 0, 0);
    const job = { theta: truth, historySeed };
    const [stats] = yield [job];
    const observations = observationsFor(stats, keyedStream(seed, streamId("abc/synthetic/observe"), d, 0));
    const calibrationSeed = keyedHash32(seed, streamId("abc/synthetic/calibration"), d, 0, 0);
    const base: SyntheticDataset = { truth: Array.from(truth), historySeed, observations, intervals: null, covered: parameters.map(() => false) };
    try {
      const result = yield* abcSmcSteps({ parameters, observations }, { ...options.calibration, seed: calibrationSeed });
      const intervals = posteriorIntervals(result, level, use);
      const covered = intervals.map(([lo, hi], k) => truth[k] >= lo && truth[k] <= hi);
      datasets.push({ ...base, intervals, covered, finalTolerance: result.finalTolerance, ess: result.ess });
    } catch (e) {
      if (!(e instanceof CalibrationFailure)) throw e;
      datasets.push({ ...base, error: e.message });
    }
  }
  const perParameter = parameters.map((p, k) => ({ path: p.path, coverage: datasets.filter((d) => d.covered[k]).length / n }));
  let hits = 0;
  for (const d of datasets) for (const c of d.covered) if (c) hits += 1;
  return { level, perParameter, overall: hits / (n * parameters.length), datasets };
}

/** Runs the synthetic check with a synchronous simulator. */
export function syntheticCoverage(
  parameters: CalibrationParameter[],
  simulate: Simulator,
  observationsFor: ObservationsFor,
  options: SyntheticOptions,
): SyntheticCoverage {
  const steps = syntheticCoverageSteps(parameters, observationsFor, options);
  let next = steps.next();
  while (!next.done) next = steps.next(next.value.map((job) => simulate(job.theta, job.historySeed)));
  return next.value;
}

/** Runs the synthetic check with an asynchronous executor (see abcSmcAsync). */
export async function syntheticCoverageAsync(
  parameters: CalibrationParameter[],
  observationsFor: ObservationsFor,
  options: SyntheticOptions,
  execute: (jobs: SimulationJob[]) => Promise<Float64Array[]>,
): Promise<SyntheticCoverage> {
  const steps = syntheticCoverageSteps(parameters, observationsFor, options);
  let next = steps.next();
  while (!next.done) next = steps.next(await execute(next.value));
  return next.value;
}
