/**
 * Quantiles of parameter distributions: the value below which a share p of draws falls. Used to
 * set parameters at a chosen quantile (stress tests, one-at-a-time sensitivity). Every family but
 * beta reuses its inverse-CDF sampler; beta inverts the regularised incomplete beta by bisection.
 */
import type { DistributionSpec } from "./distribution.js";
import { exp, lnGamma, ln } from "./math.js";
import { choice, lognormal, normal, triangular, truncatedLognormal, truncatedNormal, uniform } from "./samplers.js";

/** Continued fraction of the incomplete beta (modified Lentz), for x < (a + 1) / (a + b + 2). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const aa of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b): the Beta(a, b) CDF at x in [0, 1]. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * ln(x) + b * ln(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Quantile p in (0, 1) of a distribution spec. */
export function distributionQuantile(spec: DistributionSpec, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile probability must lie in (0, 1), got ${p}`);
  switch (spec.dist) {
    case "uniform":
      return uniform(spec.min, spec.max, p);
    case "normal":
      return spec.min !== undefined || spec.max !== undefined
        ? truncatedNormal(spec.mean, spec.sd, spec.min ?? -Infinity, spec.max ?? Infinity, p)
        : normal(spec.mean, spec.sd, p);
    case "lognormal":
      return spec.min !== undefined || spec.max !== undefined
        ? truncatedLognormal(spec.meanlog, spec.sdlog, Math.max(0, spec.min ?? 0), spec.max ?? Infinity, p)
        : lognormal(spec.meanlog, spec.sdlog, p);
    case "triangular":
      return triangular(spec.min, spec.mode, spec.max, p);
    case "choice":
      return choice(spec.values, spec.weights, p);
    case "beta": {
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < 100; k++) {
        const mid = (lo + hi) / 2;
        if (betaCdf(mid, spec.alpha, spec.beta) < p) lo = mid;
        else hi = mid;
      }
      const min = spec.min ?? 0;
      return min + ((spec.max ?? 1) - min) * ((lo + hi) / 2);
    }
  }
}
