/**
 * Observations of a calibration: checks of the spec, the scale of each observation, a replicate's
 * distance outside the intervals and its acceptance score, and the predictive "within" test.
 * Interval observations are met when the statistic lies in [min, max]; at tolerance eps > 0
 * each interval is widened by eps scales on both sides. A Poisson observation scores
 * P(count | mu) / P(count | count) at every tolerance (it is a likelihood, not a tolerance).
 */
import { distributionIssues } from "../../random/distribution.js";
import { exp, ln } from "../../random/math.js";
import { quantileType7 } from "../statistics.js";
import type { CalibrationObservation, CalibrationSpec } from "./types.js";

/** The model contract: "at most about 10 parameters are calibrated"; the engine refuses more than this. */
export const MAX_CALIBRATED_PARAMETERS = 12;

/** Normal-consistency factor of the median absolute deviation. */
const MAD_TO_SD = 1.482602218505602;

/** Throws RangeError describing the first problem of a calibration spec. */
export function checkSpec(spec: CalibrationSpec): void {
  const { parameters, observations } = spec;
  if (parameters.length === 0) throw new RangeError("calibration: no parameters to calibrate");
  if (parameters.length > MAX_CALIBRATED_PARAMETERS) {
    throw new RangeError(`calibration: ${parameters.length} parameters; calibrate at most ${MAX_CALIBRATED_PARAMETERS} (the model contract: about 10), the rest keep their priors`);
  }
  const paths = new Set<string>();
  for (const p of parameters) {
    if (paths.has(p.path)) throw new RangeError(`calibration: parameter ${p.path} is listed twice`);
    paths.add(p.path);
    const issues = distributionIssues(p.prior);
    if (issues.length > 0) throw new RangeError(`calibration: prior of ${p.path}: ${issues.join("; ")}`);
  }
  if (observations.length === 0) throw new RangeError("calibration: no observations");
  const ids = new Set<string>();
  for (const o of observations) {
    if (!o.id || ids.has(o.id)) throw new RangeError(`calibration: observation id "${o.id}" is empty or repeated`);
    ids.add(o.id);
    if (o.kind === "poisson") {
      if (!Number.isInteger(o.count) || o.count < 0) throw new RangeError(`calibration: ${o.id}: count must be an integer >= 0`);
      continue;
    }
    const { min, max, target } = o;
    if (min === undefined && max === undefined) throw new RangeError(`calibration: ${o.id}: an interval needs min or max`);
    for (const [name, v] of [["min", min], ["max", max], ["target", target]] as const) {
      if (v !== undefined && !Number.isFinite(v)) throw new RangeError(`calibration: ${o.id}: ${name} must be finite`);
    }
    if (min !== undefined && max !== undefined && !(min <= max)) throw new RangeError(`calibration: ${o.id}: min must be <= max`);
    if (target !== undefined && ((min !== undefined && target < min) || (max !== undefined && target > max))) {
      throw new RangeError(`calibration: ${o.id}: target must lie within [min, max]`);
    }
  }
}

/** Median of finite values (NaN when there are none). */
function median(values: Float64Array): number {
  return values.length === 0 ? NaN : quantileType7(values, 0.5);
}

/**
 * Scale of each observation, used only to widen intervals in intermediate generations: the
 * MAD (x 1.4826) of the statistic over the given replicates (generation 0: the prior
 * predictive); when that is 0 or undefined, the interval's width, else its largest |bound|,
 * else 1. Poisson observations get 1 (unused).
 */
export function observationScales(observations: CalibrationObservation[], statistics: readonly Float64Array[]): number[] {
  return observations.map((o, j) => {
    if (o.kind === "poisson") return 1;
    const xs: number[] = [];
    for (const s of statistics) if (Number.isFinite(s[j])) xs.push(s[j]);
    const sorted = Float64Array.from(xs).sort();
    const m = median(sorted);
    const dev = Float64Array.from(xs, (x) => Math.abs(x - m)).sort();
    const mad = MAD_TO_SD * median(dev);
    if (mad > 0 && Number.isFinite(mad)) return mad;
    if (o.min !== undefined && o.max !== undefined && o.max > o.min) return o.max - o.min;
    const bound = Math.max(Math.abs(o.min ?? 0), Math.abs(o.max ?? 0));
    return bound > 0 ? bound : 1;
  });
}

/**
 * Distance of a replicate's statistics outside the intervals: the largest, over interval
 * observations, of (distance outside [min, max]) / scale; 0 when every interval is met;
 * Infinity when any statistic (a Poisson mean included) is not finite or a Poisson mean is < 0.
 */
export function replicateDistance(observations: CalibrationObservation[], scales: readonly number[], stats: Float64Array): number {
  let d = 0;
  for (let j = 0; j < observations.length; j++) {
    const o = observations[j];
    const x = stats[j];
    if (!Number.isFinite(x)) return Infinity;
    if (o.kind === "poisson") {
      if (x < 0) return Infinity;
      continue;
    }
    const out = o.min !== undefined && x < o.min ? o.min - x : o.max !== undefined && x > o.max ? x - o.max : 0;
    if (out > 0) d = Math.max(d, out / scales[j]);
  }
  return d;
}

/** P(count | mu) / P(count | mu = count): the Poisson likelihood scaled to 1 at its maximum. */
export function poissonRatio(count: number, mu: number): number {
  if (count === 0) return exp(-mu);
  if (!(mu > 0)) return 0;
  return exp(count * ln(mu / count) - mu + count);
}

/**
 * Acceptance score of one replicate at tolerance eps: 0 unless its distance is finite and
 * <= eps, else the product of the Poisson observations' ratios (1 without Poisson observations).
 */
export function replicateScore(observations: CalibrationObservation[], distance: number, eps: number, stats: Float64Array): number {
  if (!(distance <= eps) || distance === Infinity) return 0;
  let score = 1;
  for (let j = 0; j < observations.length; j++) {
    const o = observations[j];
    if (o.kind === "poisson") score *= poissonRatio(o.count, stats[j]);
  }
  return score;
}

/** Poisson CDF P(N <= k) for mean mu >= 0 (sum of the pmf from 0; for the small counts observed). */
function poissonCdf(k: number, mu: number): number {
  if (k < 0) return 0;
  let term = exp(-mu);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mu / i;
    sum += term;
  }
  return Math.min(1, sum);
}

/** Smallest mu in [lo, hi] where the increasing function f(mu) reaches level, by bisection. */
function bisect(f: (mu: number) => number, level: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (f(mid) < level) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The means mu for which an observed count k lies within the central `level` prediction
 * interval of Poisson(mu) (P(N <= k) >= a and P(N >= k) >= a, a = (1 - level) / 2): the exact
 * (Garwood) interval [mu_lo, mu_hi]; mu_lo = 0 for k = 0. Used for predictive coverage.
 */
export function poissonMeanInterval(count: number, level: number): [number, number] {
  if (!(level > 0 && level < 1)) throw new RangeError(`poissonMeanInterval: level must lie in (0, 1), got ${level}`);
  const a = (1 - level) / 2;
  const top = count + 40 * Math.sqrt(count + 1) + 40;
  const hi = bisect((mu) => 1 - poissonCdf(count, mu), 1 - a, 0, top);
  const lo = count === 0 ? 0 : bisect((mu) => 1 - poissonCdf(count - 1, mu), a, 0, top);
  return [lo, hi];
}

/**
 * Predictive test of each observation: an interval observation is met when the statistic lies
 * in [min, max]; a Poisson one when its mean lies in poissonMeanInterval(count, level).
 */
export function predictiveChecks(observations: CalibrationObservation[], level: number): ((x: number) => boolean)[] {
  return observations.map((o) => {
    if (o.kind === "poisson") {
      const [lo, hi] = poissonMeanInterval(o.count, level);
      return (x: number) => x >= lo && x <= hi;
    }
    return (x: number) => Number.isFinite(x) && (o.min === undefined || x >= o.min) && (o.max === undefined || x <= o.max);
  });
}
