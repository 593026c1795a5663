/**
 * Latin hypercube design (McKay, Beckman and Conover 1979), seeded and deterministic: one point
 * per stratum per dimension, strata matched across dimensions by keyed random permutations.
 */
import type { DesignPoints } from "./design.js";
import { assertFactors, type Factor, keyedPermutation, mapUnitPoints, seededUniforms } from "./factors.js";

/**
 * Latin hypercube sample of n points (McKay, Beckman and Conover 1979): in each dimension j,
 * point i lies in stratum perm_j(i) of n equal strata, at (perm_j(i) + U_ij) / n, with the
 * permutations and the U_ij keyed draws of `seed` (independent across dimensions). With
 * `centred`, U_ij = 0.5 (stratum midpoints).
 */
export function latinHypercubeUnit(n: number, dims: number, seed: number, centred = false): number[][] {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`latinHypercube: n must be a positive integer, got ${n}`);
  const permDraw = seededUniforms(seed, "lhs-permutation");
  const jitter = seededUniforms(seed, "lhs-jitter");
  const perms = Array.from({ length: dims }, (_, j) => keyedPermutation(n, permDraw, j));
  return Array.from({ length: n }, (_, i) => perms.map((perm, j) => (perm[i] + (centred ? 0.5 : jitter(j, i))) / n));
}

/** Latin hypercube design of n points over the factors (see latinHypercubeUnit). */
export function latinHypercube(factors: readonly Factor[], n: number, seed: number, centred = false): DesignPoints {
  assertFactors(factors);
  return { factors: factors.map((f) => f.name), points: mapUnitPoints(factors, latinHypercubeUnit(n, factors.length, seed, centred)) };
}
