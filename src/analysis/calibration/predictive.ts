/**
 * Posterior samples and posterior predictive checks. A replayable posterior sample is
 * (theta, history seed of an accepted replicate): particles by weight (systematic resampling),
 * then a replicate with probability proportional to its score. Predictive coverage simulates
 * posterior draws with FRESH history seeds (never one of the draw's calibration replicates)
 * and counts, per observation, how often the statistic falls within it.
 */
import { keyedHash32, keyedUniform, streamId } from "../../random/keyed.js";
import { predictiveChecks } from "./observations.js";
import type { AbcSmcResult, CalibrationObservation, CoverageReport, ParticleRecord, SimulationJob } from "./types.js";
import { cumulativeWeights, pickIndex, systematicResample } from "./weighted.js";

/** A posterior sample that a projection can replay: parameters and a history seed. */
export interface PosteriorSample {
  theta: number[];
  historySeed: number;
}

/**
 * `count` replayable posterior samples from a result: particles by systematic resampling of the
 * weights (one uniform keyed by seed), then for each an accepted replicate drawn with
 * probability proportional to its score (keyed by seed and sample index). Deterministic.
 */
export function posteriorSamples(population: readonly ParticleRecord[], count: number, seed: number): PosteriorSample[] {
  const pick = streamId("abc/samples/particle");
  const rep = streamId("abc/samples/replicate");
  const particles = systematicResample(population.map((p) => p.weight), count, keyedUniform(seed, pick, 0, 0, 0));
  return particles.map((i, n) => {
    const p = population[i];
    const r = pickIndex(cumulativeWeights(p.accepted.map((a) => a.score)), keyedUniform(seed, rep, n, 0, 0));
    return { theta: p.theta.slice(), historySeed: p.accepted[r].historySeed };
  });
}

/** Posterior draws for the predictive check: parameter rows with the seeds they must avoid. */
export interface PredictiveSource {
  rows: readonly (readonly number[])[];
  weights: readonly number[];
  /** per row, history seeds already used for it in calibration */
  usedSeeds: readonly (readonly number[])[];
}

/**
 * `draws` predictive jobs: rows by systematic resampling, each with a fresh history seed
 * keyedHash32(seed, "abc/predictive/history", n, 0, attempt), the first attempt whose seed is
 * not one of the row's calibration seeds.
 */
export function predictiveJobs(source: PredictiveSource, draws: number, seed: number): SimulationJob[] {
  const historyStream = streamId("abc/predictive/history");
  const picks = systematicResample(source.weights, draws, keyedUniform(seed, streamId("abc/predictive/pick"), 0, 0, 0));
  return picks.map((i, n) => {
    const used = source.usedSeeds[i];
    let historySeed = keyedHash32(seed, historyStream, n, 0, 0);
    for (let attempt = 1; used.includes(historySeed); attempt++) historySeed = keyedHash32(seed, historyStream, n, 0, attempt);
    return { theta: Float64Array.from(source.rows[i]), historySeed };
  });
}

/**
 * Coverage per observation (share of predictive statistics within it, Poisson observations by
 * poissonMeanInterval at `poissonLevel`) and the share within every observation at once.
 */
export function predictiveCoverage(
  observations: readonly CalibrationObservation[],
  statistics: readonly Float64Array[],
  poissonLevel: number,
): { perObservation: CoverageReport[]; joint: number } {
  const checks = predictiveChecks([...observations], poissonLevel);
  const hits = observations.map(() => 0);
  let joint = 0;
  for (const s of statistics) {
    let all = true;
    checks.forEach((within, j) => {
      if (within(s[j])) hits[j] += 1;
      else all = false;
    });
    if (all) joint += 1;
  }
  const n = statistics.length;
  return {
    perObservation: observations.map((o, j) => ({ observation: o.id, coverage: n > 0 ? hits[j] / n : NaN })),
    joint: n > 0 ? joint / n : NaN,
  };
}

/** The replayable posterior of a result as a predictive source (rows, weights, seeds used). */
export function populationSource(result: Pick<AbcSmcResult, "population">, allSeeds: readonly (readonly number[])[]): PredictiveSource {
  return { rows: result.population.map((p) => p.theta), weights: result.population.map((p) => p.weight), usedSeeds: allSeeds };
}
