/**
 * Statistics for the keyed generator's battery (test/random/keyed-battery.test.ts): each test
 * statistic is turned into an approximately standard normal z (tests may use Math.*).
 */
import { probit } from "simple-statistics";

/** Two-sided |z| bound with false-alarm probability `alpha` for a standard normal z. */
export function zBound(alpha: number): number {
  return probit(1 - alpha / 2);
}

/** z of a chi-square statistic with `df` degrees of freedom (Wilson–Hilferty cube-root transform). */
export function chiSquareZ(chi: number, df: number): number {
  const v = 2 / (9 * df);
  return (Math.cbrt(chi / df) - (1 - v)) / Math.sqrt(v);
}

/** Chi-square statistic of integer counts against equal expected counts. */
export function chiSquareEqual(counts: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  const expected = n / counts.length;
  let chi = 0;
  for (let i = 0; i < counts.length; i++) chi += ((counts[i] - expected) * (counts[i] - expected)) / expected;
  return chi;
}

/** z of the chi-square of uniforms `us` over `bins` equal bins (df = bins - 1). */
export function uniformityZ(us: ArrayLike<number>, bins: number): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < us.length; i++) counts[Math.floor(us[i] * bins)]++;
  return chiSquareZ(chiSquareEqual(counts), bins - 1);
}

/**
 * z of the serial (pairs) test: the pairs (xs[i], ys[i]) counted on a bins x bins grid,
 * chi-square against independence of two uniforms (df = bins² - 1).
 */
export function pairsZ(xs: ArrayLike<number>, ys: ArrayLike<number>, bins: number): number {
  const counts = new Float64Array(bins * bins);
  for (let i = 0; i < xs.length; i++) counts[Math.floor(xs[i] * bins) * bins + Math.floor(ys[i] * bins)]++;
  return chiSquareZ(chiSquareEqual(counts), bins * bins - 1);
}

/** z of the Pearson correlation r of n pairs of independent uniforms: r·sqrt(n). */
export function correlationZ(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i];
    sy += ys[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return (sxy / Math.sqrt(sxx * syy)) * Math.sqrt(n);
}

/** The 52-bit integer k behind a keyed uniform u = (k + 0.5)·2^-52 (exact: u carries k + 0.5 in its 53-bit significand). */
export const bits52 = (u: number): number => u * 4503599627370496 - 0.5;
/** High 32 bits of a 52-bit integer k. */
export const high32 = (k: number): number => Math.floor(k / 1048576);
/** Low 20 bits of a 52-bit integer k. */
export const low20 = (k: number): number => k % 1048576;

/** Adds to counts[o] (o = 0..51, bit 0 the lowest of k) the bits in which the 52-bit integers of u and v differ. */
export function countFlips(u: number, v: number, counts: Float64Array): void {
  const ku = bits52(u);
  const kv = bits52(v);
  const dl = low20(ku) ^ low20(kv);
  const dh = (high32(ku) ^ high32(kv)) >>> 0;
  for (let o = 0; o < 20; o++) counts[o] += (dl >>> o) & 1;
  for (let o = 0; o < 32; o++) counts[20 + o] += (dh >>> o) & 1;
}

/** Adds to counts[o] the bits of u's 52-bit integer that are 1. */
export function countOnes(u: number, counts: Float64Array): void {
  const k = bits52(u);
  const l = low20(k);
  const h = high32(k);
  for (let o = 0; o < 20; o++) counts[o] += (l >>> o) & 1;
  for (let o = 0; o < 32; o++) counts[20 + o] += (h >>> o) & 1;
}

/** Summary of many binomial(n, 1/2) counts: the largest |z| and the z of their chi-square (df = cells). */
export function halfProbabilityZ(counts: ArrayLike<number>, n: number): { maxAbsZ: number; chiZ: number } {
  let maxAbsZ = 0;
  let chi = 0;
  const sd = Math.sqrt(n) / 2;
  for (let i = 0; i < counts.length; i++) {
    const z = (counts[i] - n / 2) / sd;
    maxAbsZ = Math.max(maxAbsZ, Math.abs(z));
    chi += z * z;
  }
  return { maxAbsZ, chiZ: chiSquareZ(chi, counts.length) };
}
