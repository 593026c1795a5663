/**
 * Poisson counts by exact inverse transform: for a uniform u the result is the smallest k
 * with P(X <= k) >= u, so for a fixed u a larger rate never gives fewer events (the Poisson
 * CDF decreases in the rate), which keeps common random numbers monotone across scenarios.
 */
import { exp } from "./math.js";

/** Rates below this use the sequential search from k = 0 (O(rate) steps, faster than the window here). */
export const POISSON_SEQUENTIAL_MAX_RATE = 100;
/**
 * Above this u (1 − 2^-33) even small rates use the window method: its survival-function
 * search stays exact where the forward CDF sum of the sequential search has rounded to 1.
 */
const SEQUENTIAL_MAX_U = 1 - 1 / 8589934592;
/** Terms below this fraction of the running sum end a window side (mass left out < 1e-16 for rates up to 1e9). */
const TAIL_CUTOFF = 1e-20;

/**
 * Poisson(rate) count for uniform u in (0, 1) by inverse CDF; rate >= 0 and finite (events
 * per period; RangeError otherwise). Exact up to floating-point rounding of the CDF.
 * rate < 100 and u <= 1 − 2^-33: sequential search from k = 0 with p(k) = p(k−1)·rate/k,
 * p(0) = exp(−rate). Otherwise (rate >= 100, or u in the far upper tail): pmf ratios
 * r(k) = p(k)/p(mode) from the mode m = floor(rate) outwards until they fall below 1e-20 of
 * the sum (about ±9.5 standard deviations), normalised by their sum (no lnGamma rounding);
 * then an ascending CDF search from the bottom of the window when u <= F(m), or a descending
 * survival-function search from the top otherwise. O(sqrt(rate)) steps, no allocation.
 */
export function poisson(rate: number, u: number): number {
  if (!(rate >= 0) || rate === Infinity) throw new RangeError(`poisson: rate must be finite and >= 0, got ${rate}`);
  if (rate === 0) return 0;
  return rate < POISSON_SEQUENTIAL_MAX_RATE && u <= SEQUENTIAL_MAX_U ? poissonSequential(rate, u) : poissonWindow(rate, u);
}

/** Inverse CDF by summing the pmf from k = 0 (small rates). */
function poissonSequential(rate: number, u: number): number {
  let p = exp(-rate);
  let cdf = p;
  let k = 0;
  while (cdf < u) {
    k++;
    p = (p * rate) / k;
    const next = cdf + p;
    if (next === cdf) break; // far tail: u within rounding of 1
    cdf = next;
  }
  return k;
}

/** Inverse CDF from normalised pmf ratios in a window around the mode (large rates). */
function poissonWindow(rate: number, u: number): number {
  const mode = Math.floor(rate);
  const invRate = 1 / rate;
  // Lower side, mode down to kLow (r(mode) = 1).
  let lower = 1;
  let r = 1;
  let k = mode;
  while (k > 0) {
    r = r * k * invRate;
    k--;
    lower += r;
    if (r < lower * TAIL_CUTOFF) break;
  }
  const kLow = k;
  const rLow = r;
  // Upper side, mode + 1 up to kHigh.
  let upper = 0;
  r = 1;
  k = mode;
  for (;;) {
    k++;
    r = (r * rate) / k;
    upper += r;
    if (r < (lower + upper) * TAIL_CUTOFF) break;
  }
  const kHigh = k;
  const rHigh = r;
  const total = lower + upper;
  const target = u * total;
  if (target <= lower) {
    // Smallest k with F(k) >= u, accumulating from the bottom of the window.
    let cdf = rLow;
    let rk = rLow;
    k = kLow;
    while (cdf < target && k < mode) {
      k++;
      rk = (rk * rate) / k;
      cdf += rk;
    }
    return k;
  }
  // Smallest k with S(k) = P(X > k) <= 1 - u, accumulating S from the top of the window.
  const survival = (1 - u) * total;
  let acc = 0;
  let rk = rHigh;
  k = kHigh;
  while (k > mode + 1 && acc + rk <= survival) {
    acc += rk;
    rk = rk * k * invRate;
    k--;
  }
  return k;
}
