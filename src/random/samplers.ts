/**
 * Samplers driven by uniforms u in (0, 1), so they work with keyed draws (keyedUniform) and
 * sequential streams alike. Continuous ones are inverse CDFs, monotone non-decreasing in u.
 * Gamma and beta need a variable number of uniforms and take a RandomStream instead.
 */
import { exp, ln, log1p, normalCdf, normalQuantile } from "./math.js";
import type { RandomStream } from "./streams.js";

export { poisson, POISSON_SEQUENTIAL_MAX_RATE } from "./poisson.js";

/** x clamped to [lo, hi]. */
function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Uniform on [min, max]: min + (max − min)·u. */
export function uniform(min: number, max: number, u: number): number {
  return min + (max - min) * u;
}

/** Bernoulli: true with probability p in [0, 1] (u < p). */
export function bernoulli(p: number, u: number): boolean {
  return u < p;
}

/** Exponential waiting time with `rate` events per unit time (> 0): −log1p(−u)/rate, in [0, ∞). */
export function exponential(rate: number, u: number): number {
  return -log1p(-u) / rate;
}

/** Normal(mean, sd) by inverse CDF: mean + sd·Φ⁻¹(u); sd >= 0. */
export function normal(mean: number, sd: number, u: number): number {
  return mean + sd * normalQuantile(u);
}

/** Lognormal with log-mean meanlog and log-sd sdlog >= 0: exp(normal(meanlog, sdlog, u)), in (0, ∞). */
export function lognormal(meanlog: number, sdlog: number, u: number): number {
  return exp(normal(meanlog, sdlog, u));
}

/**
 * Normal(mean, sd) truncated to [lo, hi] (±Infinity allowed; lo <= hi, sd >= 0, RangeError
 * otherwise) by inverse CDF on the restricted probability range [Φ(a), Φ(b)]; when the whole
 * interval lies above the mean it works with the mirrored lower tail, so intervals far out
 * in a tail stay accurate. If the interval has no representable mass (more than ~37 sd
 * away) it returns the bound nearest the mean. The result is always within [lo, hi].
 */
export function truncatedNormal(mean: number, sd: number, lo: number, hi: number, u: number): number {
  if (!(sd >= 0) || !(lo <= hi)) {
    throw new RangeError(`truncatedNormal: need sd >= 0 and lo <= hi, got sd=${sd}, [${lo}, ${hi}]`);
  }
  if (sd === 0 || lo === hi) return clamp(mean, lo, hi);
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  let z: number;
  if (a > 0) {
    // Mirror: -Z is normal truncated to [-b, -a], a lower-tail interval; use 1 - u to keep z increasing in u.
    const pl = normalCdf(-b);
    const ph = normalCdf(-a);
    if (!(ph > pl)) return lo;
    z = -normalQuantile(pl + (1 - u) * (ph - pl));
  } else {
    const pl = normalCdf(a);
    const ph = normalCdf(b);
    if (!(ph > pl)) return b < 0 ? hi : lo;
    z = normalQuantile(pl + u * (ph - pl));
  }
  return clamp(mean + sd * z, lo, hi);
}

/**
 * Lognormal(meanlog, sdlog) truncated to [lo, hi] with 0 <= lo <= hi (hi may be Infinity;
 * RangeError otherwise): exp of the normal truncated to [ln lo, ln hi]; result within [lo, hi].
 */
export function truncatedLognormal(meanlog: number, sdlog: number, lo: number, hi: number, u: number): number {
  if (!(lo >= 0) || !(lo <= hi)) {
    throw new RangeError(`truncatedLognormal: need 0 <= lo <= hi, got [${lo}, ${hi}]`);
  }
  if (lo === hi) return lo;
  const x = exp(truncatedNormal(meanlog, sdlog, ln(lo), ln(hi), u));
  return clamp(x, lo, hi);
}

/**
 * Triangular(min, mode, max) by inverse CDF (min <= mode <= max): min + sqrt(u·(max−min)·(mode−min))
 * below F(mode) = (mode−min)/(max−min), max − sqrt((1−u)·(max−min)·(max−mode)) above.
 */
export function triangular(min: number, mode: number, max: number, u: number): number {
  const width = max - min;
  if (!(width > 0)) return min;
  if (u * width < mode - min) return min + Math.sqrt(u * width * (mode - min));
  return max - Math.sqrt((1 - u) * width * (max - mode));
}

/**
 * One of `values`: equally likely when `weights` is undefined, else with probability
 * weights[i]/sum (weights >= 0 with a positive sum, same length; RangeError otherwise).
 * Linear scan of the cumulative weights, monotone in u.
 */
export function choice<T>(values: readonly T[], weights: readonly number[] | undefined, u: number): T {
  const n = values.length;
  if (n === 0) throw new RangeError("choice: values must not be empty");
  if (weights === undefined) return values[Math.min(n - 1, Math.floor(u * n))];
  if (weights.length !== n) throw new RangeError("choice: weights and values differ in length");
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || w === Infinity) throw new RangeError(`choice: weight ${i} is not finite and >= 0`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError("choice: weights sum to 0");
  const target = u * total;
  let cum = 0;
  let last = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    cum += weights[i];
    last = i;
    if (target < cum) return values[i];
  }
  return values[last];
}

/**
 * ln of a Gamma(shape, 1) variate (shape > 0, RangeError otherwise) from a stream:
 * Marsaglia–Tsang (2000) squeeze/rejection with normals by inverse CDF, and for shape < 1
 * the boost Gamma(shape) = Gamma(shape + 1)·U^(1/shape), kept in log space so tiny shapes
 * do not underflow. Uses a variable number of uniforms.
 */
export function lnGammaVariate(shape: number, stream: RandomStream): number {
  if (!(shape > 0) || shape === Infinity) throw new RangeError(`gamma: shape must be finite and > 0, got ${shape}`);
  if (shape < 1) return lnGammaVariate(shape + 1, stream) + ln(stream.next()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(stream.next());
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = stream.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return ln(d * v);
    const lnV = ln(v);
    if (ln(u) < 0.5 * x2 + d * (1 - v + lnV)) return ln(d * v);
  }
}

/** Gamma(shape, scale) variate (mean shape·scale; shape, scale > 0) from a stream. */
export function gammaVariate(shape: number, scale: number, stream: RandomStream): number {
  return scale * exp(lnGammaVariate(shape, stream));
}

/**
 * Beta(alpha, beta) variate in [0, 1] (alpha, beta > 0) from a stream: G1/(G1 + G2) with
 * G1 ~ Gamma(alpha), G2 ~ Gamma(beta) drawn in that order, computed as 1/(1 + exp(ln G2 − ln G1)).
 */
export function beta(alpha: number, betaShape: number, stream: RandomStream): number {
  const lnG1 = lnGammaVariate(alpha, stream);
  const lnG2 = lnGammaVariate(betaShape, stream);
  return 1 / (1 + exp(lnG2 - lnG1));
}
