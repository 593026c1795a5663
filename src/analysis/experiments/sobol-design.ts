/**
 * Sobol' sequence design: the first n points of the (optionally scrambled) Sobol' sequence,
 * one dimension per factor, mapped to factor values.
 */
import type { DesignPoints } from "./design.js";
import { assertFactors, type Factor, mapUnitPoints } from "./factors.js";
import { sobolSequence } from "./sobol-sequence.js";

/** Options of sobolDesign. */
export interface SobolDesignOptions {
  /** Scramble (linear matrix scramble + digital shift) seeded by the design seed; default true. */
  scramble?: boolean;
  /** Points of the sequence to skip first (default 0). */
  skip?: number;
}

/**
 * The first n points of the Sobol' sequence over the factors (one dimension per factor);
 * scrambled with `seed` unless options.scramble is false (then `seed` is unused and the first
 * point is the origin). Take n a power of two for the sequence's balance properties.
 */
export function sobolDesign(factors: readonly Factor[], n: number, seed: number, options: SobolDesignOptions = {}): DesignPoints {
  assertFactors(factors);
  const unit = sobolSequence(n, factors.length, {
    skip: options.skip ?? 0,
    scrambleSeed: options.scramble === false ? undefined : seed,
  });
  return { factors: factors.map((f) => f.name), points: mapUnitPoints(factors, unit) };
}
