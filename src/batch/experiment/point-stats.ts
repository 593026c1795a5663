/**
 * An outcome's statistic at one design point over its completed replications, with a 95%
 * interval of replication noise: a probability (Wilson), a mean (t), or a quantile (type 7,
 * with the distribution-free order-statistic interval). Sums run in replication order.
 */
import { RunningMoments, meanInterval, quantileType7, wilsonInterval } from "../../analysis/statistics.js";
import type { ResolvedOutcome } from "./outcomes.js";

/** A point's statistic and its interval; null where it cannot be computed (no runs, too few for an interval). */
export interface PointStat {
  value: number | null;
  low: number | null;
  high: number | null;
}

/** P(X <= j) for X ~ Binomial(n, p), j = 0..n, by the recursion of the probabilities (no powers). */
function binomialCdf(n: number, p: number): number[] {
  const pmf = new Array<number>(n + 1).fill(0);
  let p0 = 1;
  for (let i = 0; i < n; i++) p0 *= 1 - p;
  pmf[0] = p0;
  for (let j = 1; j <= n; j++) pmf[j] = (pmf[j - 1] * (n - j + 1) * p) / (j * (1 - p));
  const cdf: number[] = [];
  let s = 0;
  for (const x of pmf) cdf.push((s += x));
  return cdf;
}

/**
 * The distribution-free 95% interval of the q-quantile from n sorted values: the order
 * statistics X(l) and X(u) (1-based) with l the largest index such that P(Bin(n, q) <= l - 1)
 * <= 0.025 and u the smallest with P(Bin(n, q) <= u - 1) >= 0.975; null when n is too small
 * for either end.
 */
export function quantileInterval(sorted: readonly number[], q: number): [number, number] | null {
  const n = sorted.length;
  if (n === 0 || q <= 0 || q >= 1) return null;
  const cdf = binomialCdf(n, q);
  let l = 0;
  for (let j = 1; j <= n; j++) if (cdf[j - 1] <= 0.025) l = j;
  let u = 0;
  for (let j = n; j >= 1; j--) if (cdf[j - 1] >= 0.975) u = j;
  return l >= 1 && u >= 1 && l <= u ? [sorted[l - 1], sorted[u - 1]] : null;
}

/** The outcome's statistic over one point's run values (NaN marks a failed run). */
export function pointStat(outcome: ResolvedOutcome, values: ArrayLike<number>): PointStat {
  const ok: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) ok.push(values[i]);
  const n = ok.length;
  if (n === 0) return { value: null, low: null, high: null };
  if (outcome.binary) {
    let met = 0;
    for (const x of ok) met += x;
    const [low, high] = wilsonInterval(met, n);
    return { value: met / n, low, high };
  }
  if (outcome.statistic === "mean") {
    const m = new RunningMoments();
    for (const x of ok) m.add(x);
    const ci = meanInterval(m);
    return { value: m.mean, low: ci ? ci[0] : null, high: ci ? ci[1] : null };
  }
  const q = outcome.statistic.quantile;
  const sorted = ok.sort((a, b) => a - b);
  const ci = quantileInterval(sorted, q);
  return { value: quantileType7(sorted, q), low: ci ? ci[0] : null, high: ci ? ci[1] : null };
}
