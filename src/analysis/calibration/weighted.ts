/**
 * Weighted-sample statistics for ABC-SMC: log-weight normalisation, Kish effective sample
 * size, weighted mean, variance and quantiles, systematic resampling. Sums run in index order,
 * so equal inputs give bit-identical outputs.
 */
import { exp } from "../../random/math.js";
import type { Summary } from "./types.js";

/** Normalised weights exp(lw_i - max) / sum from log weights (−Infinity allowed; RangeError if all are). */
export function normaliseLogWeights(logWeights: readonly number[]): number[] {
  let max = -Infinity;
  for (const lw of logWeights) if (lw > max) max = lw;
  if (!(max > -Infinity) || max === Infinity) throw new RangeError(`normaliseLogWeights: the largest log weight is ${max}`);
  const w = logWeights.map((lw) => exp(lw - max));
  let sum = 0;
  for (const x of w) sum += x;
  return w.map((x) => x / sum);
}

/** Normalises non-negative weights to sum 1 (RangeError when they sum to 0 or are not finite). */
export function normaliseWeights(weights: readonly number[]): number[] {
  let sum = 0;
  for (const x of weights) sum += x;
  if (!(sum > 0) || sum === Infinity) throw new RangeError(`normaliseWeights: weights sum to ${sum}`);
  return weights.map((x) => x / sum);
}

/** Kish's effective sample size (sum w)^2 / sum w^2 of non-negative weights (0 when all are 0). */
export function kishEss(weights: readonly number[]): number {
  let s = 0;
  let s2 = 0;
  for (const w of weights) {
    s += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** Weighted mean sum w_i x_i / sum w_i. */
export function weightedMean(xs: readonly number[], weights: readonly number[]): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < xs.length; i++) {
    s += weights[i] * xs[i];
    sw += weights[i];
  }
  return s / sw;
}

/** Weighted variance sum w_i (x_i - mean)^2 / sum w_i (the weighted empirical distribution's variance). */
export function weightedVariance(xs: readonly number[], weights: readonly number[]): number {
  const m = weightedMean(xs, weights);
  let s = 0;
  let sw = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i] - m;
    s += weights[i] * d * d;
    sw += weights[i];
  }
  return s / sw;
}

/**
 * Weighted quantiles at each p in [0, 1]: the inverse of the weighted empirical CDF, i.e. the
 * smallest x whose cumulative weight (values sorted ascending, ties in index order) reaches
 * p x total. Zero-weight values are never returned.
 */
export function weightedQuantiles(xs: readonly number[], weights: readonly number[], ps: readonly number[]): number[] {
  const order = xs.map((_, i) => i).filter((i) => weights[i] > 0);
  if (order.length === 0) throw new RangeError("weightedQuantiles: no positive weight");
  order.sort((a, b) => xs[a] - xs[b] || a - b);
  let total = 0;
  for (const i of order) total += weights[i];
  return ps.map((p) => {
    const target = p * total;
    let cum = 0;
    for (const i of order) {
      cum += weights[i];
      if (cum >= target) return xs[i];
    }
    return xs[order[order.length - 1]];
  });
}

/** Mean, sd and 5/50/95% quantiles of a weighted sample. */
export function weightedSummary(xs: readonly number[], weights: readonly number[]): Summary {
  const [p5, p50, p95] = weightedQuantiles(xs, weights, [0.05, 0.5, 0.95]);
  return { mean: weightedMean(xs, weights), sd: Math.sqrt(weightedVariance(xs, weights)), p5, p50, p95 };
}

/**
 * Systematic resampling: `count` indices drawn with probabilities proportional to the
 * weights, using the points (k + u) / count for one uniform u in (0, 1); ascending.
 */
export function systematicResample(weights: readonly number[], count: number, u: number): number[] {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) throw new RangeError("systematicResample: weights sum to 0");
  const out: number[] = [];
  let i = 0;
  let cum = weights[0];
  for (let k = 0; k < count; k++) {
    const target = ((k + u) / count) * total;
    while (cum < target && i < weights.length - 1) {
      i++;
      cum += weights[i];
    }
    out.push(i);
  }
  return out;
}

/**
 * Index drawn with probability proportional to weight from the running sums of `weights`
 * (first index whose cumulative weight exceeds u x total; zero weights are never picked).
 */
export function pickIndex(cumulative: Float64Array, u: number): number {
  const target = u * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Running sums of the weights, in index order. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const c = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i];
    c[i] = s;
  }
  return c;
}
