/**
 * Posterior samples and posterior predictive checks. A replayable posterior sample is
 * (theta, history seed of an accepted replicate): particles by weight (systematic resampling),
 * then a replicate with probability proportional to its score. Predictive coverage simulates
 * posterior draws with FRESH history seeds (never one of the draw's calibration replicates)
 * and counts, per observation, how often the statistic falls within it.
 */
import { keyedHash32, keyedUniform, streamId } from "../../random/keyed.js";
import { normalCdf } from "../../random/math.js";
import { predictiveChecks } from "./observations.js";
import type { Particle } from "./smc.js";
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
 * Per observation, the sd of its statistic across history seeds at fixed parameters: the
 * within-particle variance of each particle's replicates (finite values, n - 1 denominator),
 * averaged with the particle weights (in particle order); NaN when no particle has 2 finite values.
 */
export function historySds(observations: readonly CalibrationObservation[], population: readonly Particle[], weights: readonly number[]): number[] {
  return observations.map((_, j) => {
    let s = 0;
    let sw = 0;
    population.forEach((p, i) => {
      const xs = p.replicates.map((r) => r.statistics[j]).filter((x) => Number.isFinite(x));
      if (xs.length < 2) return;
      let m = 0;
      for (const x of xs) m += x;
      m /= xs.length;
      let v = 0;
      for (const x of xs) v += (x - m) * (x - m);
      s += (weights[i] * v) / (xs.length - 1);
      sw += weights[i];
    });
    return sw > 0 ? Math.sqrt(s / sw) : NaN;
  });
}

/** Coverage a perfect posterior could reach for an observation given the statistic's history sd. */
export function coverageCeiling(o: CalibrationObservation, historySd: number): number | null {
  if (o.kind === "poisson") return null;
  if (o.min === undefined || o.max === undefined) return 1;
  if (!(historySd > 0)) return Number.isNaN(historySd) ? NaN : 1;
  return 2 * normalCdf((o.max - o.min) / (2 * historySd)) - 1;
}

/**
 * Coverage per observation (share of predictive statistics within it, Poisson observations by
 * poissonMeanInterval at `poissonLevel`) and the share within every observation at once; each
 * report also carries the observation's history sd and coverage ceiling (`sds`, one per observation).
 */
export function predictiveCoverage(
  observations: readonly CalibrationObservation[],
  statistics: readonly Float64Array[],
  poissonLevel: number,
  sds: readonly number[],
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
    perObservation: observations.map((o, j) => ({
      observation: o.id,
      coverage: n > 0 ? hits[j] / n : NaN,
      historySd: sds[j],
      ceiling: coverageCeiling(o, sds[j]),
    })),
    joint: n > 0 ? joint / n : NaN,
  };
}

/** The replayable posterior of a result as a predictive source (rows, weights, seeds used). */
export function populationSource(result: Pick<AbcSmcResult, "population">, allSeeds: readonly (readonly number[])[]): PredictiveSource {
  return { rows: result.population.map((p) => p.theta), weights: result.population.map((p) => p.weight), usedSeeds: allSeeds };
}
