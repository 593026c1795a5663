/**
 * Batch statistics over runs: type-7 quantiles, Wilson intervals for probabilities, streaming
 * means with Student-t intervals, and paired comparisons of two scenarios run on the same seeds
 * (common random numbers). Pure functions of their inputs; sums are taken in array (run) order,
 * so results are bit-identical for the same input order.
 */
import { betaCdf } from "../random/quantile.js";
import { normalQuantile } from "../random/math.js";

/** The two-sided 95% standard normal quantile Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/**
 * Quantile p in [0, 1] of values sorted ascending (not checked), Hyndman-Fan type 7 (R's default,
 * numpy's "linear", pandas' default): h = (n-1)p, x[⌊h⌋] + (h-⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]), rounded as
 * numpy rounds it (for a fraction t >= 0.5 it computes b - (b-a)(1-t)), so numpy.quantile and
 * pandas reproduce the result bit for bit. Throws on no values or p outside [0, 1].
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantileType7: no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileType7: p must lie in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const a = sorted[j];
  if (j + 1 >= n) return a;
  const b = sorted[j + 1];
  if (a === b) return a;
  const t = h - j;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Type-7 quantiles (see quantileType7) of unsorted values at each p; sorts a copy, throws on NaN. */
export function quantilesType7(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) {
    if (Number.isNaN(sorted[i])) throw new RangeError(`quantilesType7: value ${i} is NaN`);
  }
  sorted.sort();
  return ps.map((p) => quantileType7(sorted, p));
}

/**
 * Wilson score interval [lo, hi] for a binomial proportion successes/n (integers, 0 <= successes
 * <= n); z defaults to the two-sided 95% normal quantile. n = 0 gives [0, 1]; the bounds are
 * exactly 0 when successes = 0 and exactly 1 when successes = n.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: need integers 0 <= successes <= n, got ${successes} of ${n}`);
  }
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}

/** Cache of Student-t quantiles keyed by "p:df" (they are asked for at a few levels only). */
const tCache = new Map<string, number>();

/**
 * Student-t quantile t_p(df) for p in (0, 1) and df > 0 (Infinity gives the normal quantile).
 * For df <= T_EXACT_MAX_DF: bisection on the regularised incomplete beta (betaCdf), using
 * P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2), exact up to floating point (about 1e-13 relative);
 * above it, the Cornish-Fisher expansion in 1/df to the 1/df⁴ term (Abramowitz & Stegun
 * 26.7.5), whose error there is below 1e-12 for p in [1e-6, 1 - 1e-6]. t_0.975(1) = 12.7062.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must lie in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile: df must be > 0, got ${df}`);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (df > T_EXACT_MAX_DF) return tCornishFisher(p, df);
  const key = `${p}:${df}`;
  const cached = tCache.get(key);
  if (cached !== undefined) return cached;
  const upper = p > 0.5 ? 1 - p : p; // one-sided tail area beyond |t|
  const twoTail = 2 * upper;
  let t: number;
  if (twoTail <= 0.5) {
    // Solve I_x(df/2, 1/2) = twoTail for x = df/(df+t²) (small x: accurate in the tails).
    const x = bisect((v) => betaCdf(v, df / 2, 0.5) - twoTail);
    t = Math.sqrt((df * (1 - x)) / x);
  } else {
    // Solve I_y(1/2, df/2) = 1 - twoTail for y = t²/(df+t²) (small y: accurate near the centre).
    const y = bisect((v) => betaCdf(v, 0.5, df / 2) - (1 - twoTail));
    t = Math.sqrt((df * y) / (1 - y));
  }
  const result = p > 0.5 ? t : -t;
  tCache.set(key, result);
  return result;
}

/** Largest df for which tQuantile inverts the incomplete beta; above it, Cornish-Fisher. */
export const T_EXACT_MAX_DF = 1000;

/** Cornish-Fisher expansion of the t quantile in powers of 1/df (Abramowitz & Stegun 26.7.5). */
function tCornishFisher(p: number, df: number): number {
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const v = 1 / df;
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)));
}

/** Root in (0, 1) of an increasing function f by bisection to the last representable midpoint. */
function bisect(f: (v: number) => number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 2000; k++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

/**
 * Streaming mean and variance (Welford 1962), values added in call order (callers add in run
 * order, so the result is bit-identical whatever executor produced the runs). Non-finite values
 * throw: a run that produced one is a failed run and is never aggregated.
 */
export class RunningMoments {
  /** Number of values added. */
  n = 0;
  private m = 0;
  private s = 0;

  /** Adds one finite value. */
  add(x: number): this {
    if (!Number.isFinite(x)) throw new RangeError(`RunningMoments.add: value must be finite, got ${x}`);
    this.n++;
    const d = x - this.m;
    this.m += d / this.n;
    this.s += d * (x - this.m);
    return this;
  }

  /** Mean of the values (NaN when none were added). */
  get mean(): number {
    return this.n === 0 ? NaN : this.m;
  }

  /** Sample variance with the n-1 divisor (NaN when n < 2). */
  get variance(): number {
    return this.n < 2 ? NaN : this.s / (this.n - 1);
  }

  /** Sample standard deviation sqrt(variance) (NaN when n < 2). */
  get sd(): number {
    return Math.sqrt(this.variance);
  }
}

/**
 * Two-sided Student-t confidence interval [lo, hi] for the mean at the given level:
 * mean ± t_{(1+level)/2}(n-1)·sd/sqrt(n); null when n < 2 (no spread estimate; write empty cells).
 */
export function meanInterval(m: RunningMoments, level = 0.95): [number, number] | null {
  if (!(level > 0 && level < 1)) throw new RangeError(`meanInterval: level must lie in (0, 1), got ${level}`);
  if (m.n < 2) return null;
  const half = tQuantile((1 + level) / 2, m.n - 1) * Math.sqrt(m.variance / m.n);
  return [m.mean - half, m.mean + half];
}

/** Paired mean difference of two scenarios over the same seeds; lo, hi and sdDiff are null when n < 2. */
export interface PairedDifference {
  /** mean of a[i] - b[i] */
  mean: number;
  /** lower bound of the t-interval for the mean difference */
  lo: number | null;
  /** upper bound of the t-interval for the mean difference */
  hi: number | null;
  /** sample standard deviation (n-1) of the differences */
  sdDiff: number | null;
  /** number of pairs */
  n: number;
}

/** Checks that two paired arrays have the same, non-zero length. */
function checkPaired(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string): number {
  if (a.length !== b.length) throw new RangeError(`${what}: paired arrays differ in length (${a.length} vs ${b.length})`);
  if (a.length === 0) throw new RangeError(`${what}: no pairs`);
  return a.length;
}

/** Mean of a[i] - b[i] with its Student-t interval at `level` (differences added in index order). */
export function pairedMeanDifference(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): PairedDifference {
  const n = checkPaired(a, b, "pairedMeanDifference");
  const m = new RunningMoments();
  for (let i = 0; i < n; i++) m.add(a[i] - b[i]);
  const ci = meanInterval(m, level);
  return { mean: m.mean, lo: ci ? ci[0] : null, hi: ci ? ci[1] : null, sdDiff: n < 2 ? null : m.sd, n };
}

/** Difference of paired proportions with its confidence interval. */
export interface PairedProportionDifference {
  /** share of a true minus share of b true */
  diff: number;
  /** lower confidence bound, >= -1 */
  lo: number;
  /** upper confidence bound, <= 1 */
  hi: number;
}

/**
 * Interval for the difference of paired proportions P(a) - P(b), Newcombe (1998) method 10
 * ("Improved confidence intervals for the difference between binomial proportions based on
 * paired data", Statistics in Medicine 17:2635-2650): square-and-add of the Wilson intervals
 * (l1, u1) of P(a) and (l2, u2) of P(b), with the correlation phi of the paired 2x2 table
 * (both true A, only a B, only b C, neither D; N pairs):
 * lo = diff - sqrt((p1-l1)² - 2phi(p1-l1)(u2-p2) + (u2-p2)²),
 * hi = diff + sqrt((p2-l2)² - 2phi(p2-l2)(u1-p1) + (u1-p1)²),
 * phi = C'/sqrt((A+B)(C+D)(A+C)(B+D)) with Newcombe's corrected numerator C' = AD-BC-N/2 when
 * AD-BC > N/2, 0 when 0 <= AD-BC <= N/2, AD-BC when negative; phi = 0 when a margin is empty.
 * Reproduces the Fagerland-Lydersen-Laake worked example (Cavo 2012: -0.1186 to -0.0046).
 * No pairs gives diff 0 and [-1, 1].
 */
export function newcombePairedInterval(a: readonly boolean[], b: readonly boolean[], z = Z95): PairedProportionDifference {
  if (a.length !== b.length) throw new RangeError(`newcombePairedInterval: paired arrays differ in length (${a.length} vs ${b.length})`);
  const n = a.length;
  if (n === 0) return { diff: 0, lo: -1, hi: 1 };
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] && b[i]) both++;
    else if (a[i]) onlyA++;
    else if (b[i]) onlyB++;
  }
  const neither = n - both - onlyA - onlyB;
  const x1 = both + onlyA;
  const x2 = both + onlyB;
  const p1 = x1 / n;
  const p2 = x2 / n;
  const diff = (onlyA - onlyB) / n;
  const [l1, u1] = wilsonInterval(x1, n, z);
  const [l2, u2] = wilsonInterval(x2, n, z);
  const denom = x1 * (n - x1) * x2 * (n - x2);
  let phi = 0;
  if (denom > 0) {
    const cross = both * neither - onlyA * onlyB;
    const corrected = cross > n / 2 ? cross - n / 2 : cross >= 0 ? 0 : cross;
    phi = corrected / Math.sqrt(denom);
  }
  const dl1 = p1 - l1;
  const du2 = u2 - p2;
  const dl2 = p2 - l2;
  const du1 = u1 - p1;
  const lo = diff - Math.sqrt(Math.max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2));
  const hi = diff + Math.sqrt(Math.max(0, dl2 * dl2 - 2 * phi * dl2 * du1 + du1 * du1));
  return { diff, lo: Math.max(-1, lo), hi: Math.min(1, hi) };
}

/**
 * Variance reduction from pairing (common random numbers): 1 - Var(a-b) / (Var a + Var b)
 * (sample variances, n-1); 1 for identical arrays, about 0 for independent ones. Null when
 * n < 2 or both arrays are constant (no variance to reduce).
 */
export function varianceReduction(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const n = checkPaired(a, b, "varianceReduction");
  if (n < 2) return null;
  const ma = new RunningMoments();
  const mb = new RunningMoments();
  const md = new RunningMoments();
  for (let i = 0; i < n; i++) {
    ma.add(a[i]);
    mb.add(b[i]);
    md.add(a[i] - b[i]);
  }
  const sum = ma.variance + mb.variance;
  return sum > 0 ? 1 - md.variance / sum : null;
}
