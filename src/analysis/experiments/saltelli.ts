/**
 * Saltelli's sampling scheme for Sobol' indices (Saltelli 2002; Saltelli et al. 2010), laid out
 * as SALib's sobol.sample does: from a 2k-dimensional Sobol' sequence, A = its first k columns,
 * B = the last k; AB_i is A with column i taken from B; BA_i is B with column i from A.
 */
import type { DesignPoints } from "./design.js";
import { assertFactors, type Factor, mapUnitPoints } from "./factors.js";
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from "./sobol-sequence.js";

/** Options of saltelliDesign. */
export interface SaltelliOptions {
  /** Also build BA_i for second-order indices (default false). */
  secondOrder?: boolean;
  /** Scramble the base Sobol' sequence with the design seed (default true, as SALib >= 1.4.6). */
  scramble?: boolean;
  /** Points of the base sequence to skip first (default 0). */
  skip?: number;
}

/** A Saltelli design: points plus the layout the Sobol' index estimators read it by. */
export interface SaltelliDesign extends DesignPoints {
  method: "saltelli";
  /** Base sample size N (rows of A and of B). */
  n: number;
  /** True when the BA_i blocks are present. */
  secondOrder: boolean;
}

/** Rows per base sample: A, AB_1..AB_k, (BA_1..BA_k,) B. */
export function saltelliStride(k: number, secondOrder: boolean): number {
  return secondOrder ? 2 * k + 2 : k + 2;
}

/**
 * Saltelli design with base sample n over k factors: n (k + 2) points, or n (2k + 2) with
 * secondOrder, grouped by base row j as A_j, AB_1j, ..., AB_kj, [BA_1j, ..., BA_kj,] B_j (the
 * order of SALib's sobol.sample, so its analyse step reads the same output vector). Needs
 * 2k <= 256 (the Sobol' table); take n a power of two.
 */
export function saltelliDesign(factors: readonly Factor[], n: number, seed: number, options: SaltelliOptions = {}): SaltelliDesign {
  assertFactors(factors);
  const k = factors.length;
  if (2 * k > SOBOL_MAX_DIMENSIONS) throw new RangeError(`saltelliDesign: at most ${SOBOL_MAX_DIMENSIONS / 2} factors, got ${k}`);
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`saltelliDesign: n must be an integer >= 2, got ${n}`);
  const secondOrder = options.secondOrder ?? false;
  const base = sobolSequence(n, 2 * k, {
    skip: options.skip ?? 0,
    scrambleSeed: options.scramble === false ? undefined : seed,
  });
  const unit: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, k);
    const b = row.slice(k);
    unit.push(a);
    for (let i = 0; i < k; i++) unit.push(a.map((v, j) => (j === i ? b[j] : v)));
    if (secondOrder) for (let i = 0; i < k; i++) unit.push(b.map((v, j) => (j === i ? a[j] : v)));
    unit.push(b);
  }
  return { method: "saltelli", factors: factors.map((f) => f.name), points: mapUnitPoints(factors, unit), n, secondOrder };
}
