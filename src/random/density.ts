/**
 * Log densities of parameter distribution specs (for importance weights, e.g. ABC-SMC's
 * prior / proposal ratio). Continuous kinds give the log of the probability density with respect
 * to Lebesgue measure, including the truncation's renormalisation; `choice` gives the log of the
 * probability mass (counting measure). Outside the support the result is −Infinity. Degenerate
 * specs (zero width or zero sd) are point masses: log mass 0 at the point, −Infinity elsewhere.
 */
import { distributionIssues, type DistributionSpec } from "./distribution.js";
import { exp, ln, lnGamma, normalMass } from "./math.js";

/** ln(sqrt(2 pi)). */
const LN_SQRT_2PI = 0.91893853320467274178;

/** Log density of Normal(0, 1) at z. */
function lnStdNormal(z: number): number {
  return -0.5 * z * z - LN_SQRT_2PI;
}

/** Log density of a Normal(mean, sd) truncated to [lo, hi] (±Infinity allowed) at x; sd > 0. */
function lnTruncatedNormal(x: number, mean: number, sd: number, lo: number, hi: number): number {
  if (!(x >= lo && x <= hi)) return -Infinity;
  const z = (x - mean) / sd;
  const base = lnStdNormal(z) - ln(sd);
  if (lo === -Infinity && hi === Infinity) return base;
  const mass = normalMass((lo - mean) / sd, (hi - mean) / sd);
  return mass > 0 ? base - ln(mass) : -Infinity;
}

/** 0 when x equals the point, −Infinity otherwise (a degenerate spec's log mass). */
function pointMass(x: number, point: number): number {
  return x === point ? 0 : -Infinity;
}

/**
 * Log density (log mass for `choice`) of the spec at x; −Infinity outside the support and for
 * NaN. RangeError when the spec is invalid. Beta densities at a bound with alpha < 1 (or beta
 * < 1) are +Infinity, as the density is.
 */
export function distributionLogDensity(spec: DistributionSpec, x: number): number {
  const issues = distributionIssues(spec);
  if (issues.length > 0) throw new RangeError(`invalid ${spec.dist} distribution: ${issues.join("; ")}`);
  if (Number.isNaN(x)) return -Infinity;
  switch (spec.dist) {
    case "uniform": {
      if (spec.min === spec.max) return pointMass(x, spec.min);
      return x >= spec.min && x <= spec.max ? -ln(spec.max - spec.min) : -Infinity;
    }
    case "normal": {
      const lo = spec.min ?? -Infinity;
      const hi = spec.max ?? Infinity;
      if (spec.sd === 0 || lo === hi) return pointMass(x, Math.min(hi, Math.max(lo, spec.mean)));
      return lnTruncatedNormal(x, spec.mean, spec.sd, lo, hi);
    }
    case "lognormal": {
      const lo = Math.max(0, spec.min ?? 0);
      const hi = spec.max ?? Infinity;
      if (spec.sdlog === 0 || lo === hi) return pointMass(x, lo === hi ? lo : Math.min(hi, Math.max(lo, exp(spec.meanlog))));
      if (!(x > 0)) return -Infinity;
      const y = ln(x);
      const logLo = lo > 0 ? ln(lo) : -Infinity;
      const logHi = hi === Infinity ? Infinity : ln(hi);
      if (!(x >= lo && x <= hi)) return -Infinity;
      return lnTruncatedNormal(y, spec.meanlog, spec.sdlog, logLo, logHi) - y;
    }
    case "triangular": {
      const { min, mode, max } = spec;
      const width = max - min;
      if (!(width > 0)) return pointMass(x, min);
      if (!(x >= min && x <= max)) return -Infinity;
      if (x < mode) return ln(2 * (x - min)) - ln(width * (mode - min));
      if (x > mode) return ln(2 * (max - x)) - ln(width * (max - mode));
      return ln(2 / width);
    }
    case "beta": {
      const lo = spec.min ?? 0;
      const hi = spec.max ?? 1;
      const width = hi - lo;
      if (!(width > 0)) return pointMass(x, lo);
      if (!(x >= lo && x <= hi)) return -Infinity;
      const z = (x - lo) / width;
      const { alpha: a, beta: b } = spec;
      const lnB = lnGamma(a) + lnGamma(b) - lnGamma(a + b);
      const left = a === 1 ? 0 : (a - 1) * ln(z);
      const right = b === 1 ? 0 : (b - 1) * ln(1 - z);
      return left + right - lnB - ln(width);
    }
    case "choice": {
      const { values, weights } = spec;
      let total = 0;
      let hit = 0;
      for (let i = 0; i < values.length; i++) {
        const w = weights === undefined ? 1 : weights[i];
        total += w;
        if (values[i] === x) hit += w;
      }
      return hit > 0 ? ln(hit / total) : -Infinity;
    }
  }
}

/** Density (mass for `choice`) of the spec at x: exp of distributionLogDensity. */
export function distributionDensity(spec: DistributionSpec, x: number): number {
  return exp(distributionLogDensity(spec, x));
}
