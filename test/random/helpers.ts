/** Shared statistics helpers for the random tests (tests may use Math.*; src may not). */

/** Sample moments with the standard errors of the mean and of the variance. */
export interface Moments {
  n: number;
  mean: number;
  variance: number;
  /** standard error of the mean */
  seMean: number;
  /** standard error of the sample variance, sqrt((m4 - var^2) / n) */
  seVariance: number;
}

/** Mean, variance and their standard errors of xs. */
export function moments(xs: ArrayLike<number>): Moments {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return {
    n,
    mean,
    variance,
    seMean: Math.sqrt(variance / n),
    seVariance: Math.sqrt(Math.max(m4 - variance * variance, 0) / n),
  };
}

/** Fills an array with n draws of f(i). */
export function sample(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/** Fraction of xs that satisfy pred. */
export function fraction(xs: ArrayLike<number>, pred: (x: number) => boolean): number {
  let c = 0;
  for (let i = 0; i < xs.length; i++) if (pred(xs[i])) c++;
  return c / xs.length;
}

/** Standard error of a proportion p estimated from n draws. */
export function seProportion(p: number, n: number): number {
  return Math.sqrt((p * (1 - p)) / n);
}

/** Pearson correlation of two equal-length series. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ma = moments(a).mean;
  const mb = moments(b).mean;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Chi-square statistic of uniforms in [0, 1) over `bins` equal bins. */
export function chiSquareUniform(us: ArrayLike<number>, bins: number): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < us.length; i++) counts[Math.floor(us[i] * bins)]++;
  const expected = us.length / bins;
  let chi = 0;
  for (const c of counts) chi += ((c - expected) * (c - expected)) / expected;
  return chi;
}

/** Upper bound for a chi-square statistic with `df` degrees of freedom: df + 5 standard deviations. */
export function chiSquareBound(df: number): number {
  return df + 5 * Math.sqrt(2 * df);
}

/** Kolmogorov–Smirnov distance between the sample us and Uniform(0, 1). */
export function ksUniform(us: ArrayLike<number>): number {
  const sorted = Float64Array.from(us).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    d = Math.max(d, (i + 1) / n - sorted[i], sorted[i] - i / n);
  }
  return d;
}

/** KS bound with false-alarm probability about 1e-6: sqrt(ln(2/1e-6) / (2n)). */
export function ksBound(n: number): number {
  return Math.sqrt(Math.log(2e6) / (2 * n));
}

/** Smallest and largest of xs (no argument spreading, safe for large samples). */
export function range(xs: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < lo) lo = xs[i];
    if (xs[i] > hi) hi = xs[i];
  }
  return [lo, hi];
}
