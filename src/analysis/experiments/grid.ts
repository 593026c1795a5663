/**
 * Full factorial (grid) design: every combination of the factors' levels.
 */
import type { DesignPoints } from "./design.js";
import { assertFactors, type Factor, gridValue } from "./factors.js";

/** Default number of grid levels for range and distribution factors. */
export const DEFAULT_GRID_LEVELS = 5;

/**
 * Full factorial design: every combination of each factor's levels, the last factor varying
 * fastest (as itertools.product and BehaviorSpace). A levels factor uses its own levels; a
 * range or distribution factor uses `levels` grid values (see gridValue: ends included for a
 * range, stratum medians for a distribution). RangeError beyond 10^7 points.
 */
export function fullFactorial(factors: readonly Factor[], levels = DEFAULT_GRID_LEVELS): DesignPoints {
  assertFactors(factors);
  if (!Number.isInteger(levels) || levels < 1) throw new RangeError(`fullFactorial: levels must be an integer >= 1, got ${levels}`);
  const values = factors.map((f) => ("levels" in f ? [...f.levels] : Array.from({ length: levels }, (_, i) => gridValue(f, i, levels))));
  const total = values.reduce((n, v) => n * v.length, 1);
  if (total > 1e7) throw new RangeError(`fullFactorial: ${total} points is more than 10^7`);
  const points: number[][] = [];
  const index = new Array<number>(factors.length).fill(0);
  for (let p = 0; p < total; p++) {
    points.push(index.map((i, j) => values[j][i]));
    for (let j = factors.length - 1; j >= 0; j--) {
      index[j]++;
      if (index[j] < values[j].length) break;
      index[j] = 0;
    }
  }
  return { factors: factors.map((f) => f.name), points };
}
