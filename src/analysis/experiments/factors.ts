/**
 * Experiment factors and how a coordinate of the unit hypercube becomes a factor value: a range
 * maps linearly, a list of levels by equal-width bins, a distribution by its inverse CDF
 * (src/random distributionQuantile). Also the keyed uniforms every seeded design draws from.
 */
import { type DistributionSpec, distributionIssues } from "../../random/distribution.js";
import { distributionQuantile } from "../../random/quantile.js";
import { keyedUniform, streamId } from "../../random/keyed.js";
import { deriveSeed } from "../../random/seeds.js";

/** A factor varied uniformly over [min, max] (in the parameter's own unit). */
export interface RangeFactor {
  name: string;
  range: readonly [number, number];
}
/** A factor taking one of a list of levels (a lever setting, a switch as 0/1). */
export interface LevelsFactor {
  name: string;
  levels: readonly number[];
}
/** A factor drawn from a distribution (the same specs as scenario files), sampled by inverse CDF. */
export interface DistributionFactor {
  name: string;
  distribution: DistributionSpec;
}
/** One factor of an experiment: a name and its domain. */
export type Factor = RangeFactor | LevelsFactor | DistributionFactor;

/** Smallest and largest coordinate handed to an inverse CDF (a sequence point may be exactly 0). */
const U_MIN = 1.1102230246251565e-16;
const U_MAX = 1 - 1.1102230246251565e-16;

/** Problems with a factor list as messages (empty when valid): names unique, domains valid. */
export function factorIssues(factors: readonly Factor[]): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  if (factors.length === 0) issues.push("need at least one factor");
  factors.forEach((f, i) => {
    const at = `factor ${i} (${f.name})`;
    if (typeof f.name !== "string" || f.name === "") issues.push(`factor ${i}: name must be a non-empty string`);
    else if (seen.has(f.name)) issues.push(`${at}: duplicate name`);
    seen.add(f.name);
    if ("range" in f) {
      const [lo, hi] = f.range;
      if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo <= hi)) issues.push(`${at}: range must be finite with min <= max`);
    } else if ("levels" in f) {
      if (f.levels.length === 0) issues.push(`${at}: levels must be non-empty`);
      if (!f.levels.every((v) => Number.isFinite(v))) issues.push(`${at}: levels must be finite numbers`);
    } else if ("distribution" in f) {
      for (const m of distributionIssues(f.distribution)) issues.push(`${at}: ${m}`);
    } else {
      issues.push(`${at}: needs a range, levels or a distribution`);
    }
  });
  return issues;
}

/** Throws RangeError listing the factor list's issues, if any. */
export function assertFactors(factors: readonly Factor[]): void {
  const issues = factorIssues(factors);
  if (issues.length > 0) throw new RangeError(`invalid factors: ${issues.join("; ")}`);
}

/**
 * Value of a factor at unit coordinate u in [0, 1]: range min + u (max - min); levels[i] with
 * i = floor(u L) (u = 1 gives the last level); a distribution's quantile at u, with u first
 * clamped to [2^-53, 1 - 2^-53] so a sequence point at exactly 0 or 1 stays finite.
 */
export function unitToValue(factor: Factor, u: number): number {
  if ("range" in factor) return factor.range[0] + u * (factor.range[1] - factor.range[0]);
  if ("levels" in factor) {
    const n = factor.levels.length;
    return factor.levels[Math.min(n - 1, Math.max(0, Math.floor(u * n)))];
  }
  return distributionQuantile(factor.distribution, u < U_MIN ? U_MIN : u > U_MAX ? U_MAX : u);
}

/**
 * Value of grid level i of p (0-based) for designs on a p-level grid (full factorial, Morris):
 * a range at min + (max - min) i / (p - 1) (its midpoint when p = 1); a levels factor at
 * unitToValue(i / (p - 1)); a distribution at its quantile (i + 0.5) / p, the median of the
 * i-th of p equal-probability strata, so unbounded distributions stay finite.
 */
export function gridValue(factor: Factor, i: number, p: number): number {
  if ("distribution" in factor) return distributionQuantile(factor.distribution, (i + 0.5) / p);
  return unitToValue(factor, p === 1 ? 0.5 : i / (p - 1));
}

/** Maps each row of unit coordinates to factor values (rows x factors, in factor order). */
export function mapUnitPoints(factors: readonly Factor[], unit: readonly (readonly number[])[]): number[][] {
  return unit.map((row) => factors.map((f, j) => unitToValue(f, row[j])));
}

/** Throws RangeError unless seed is a non-negative safe integer. */
function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
}

/**
 * A keyed source of uniforms in (0, 1) for one purpose of a seeded design or estimator:
 * draw(key, index) = keyedUniform(deriveSeed(seed, 0), streamId("experiments/" + purpose), key, 0,
 * index). A pure function of its arguments, so results never depend on call order.
 */
export function seededUniforms(seed: number, purpose: string): (key: number, index: number) => number {
  checkSeed(seed);
  const runSeed = deriveSeed(seed, 0);
  const stream = streamId(`experiments/${purpose}`);
  return (key, index) => keyedUniform(runSeed, stream, key, 0, index);
}

/** A uniformly random permutation of 0 .. n-1 (Fisher-Yates) drawn from draw(key, step). */
export function keyedPermutation(n: number, draw: (key: number, index: number) => number, key: number): number[] {
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(draw(key, i) * (i + 1));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm;
}
