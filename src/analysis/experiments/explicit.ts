/**
 * Explicit design: points given as a CSV-like matrix (the parsed rows of a design file),
 * checked against the factors' domains.
 */
import type { DesignPoints } from "./design.js";
import { assertFactors, type Factor, unitToValue } from "./factors.js";

/** A CSV-like matrix of points: column names and rows of values (numbers or numeric text). */
export interface PointMatrix {
  columns: readonly string[];
  rows: readonly (readonly (number | string)[])[];
}

/** True when value lies in the factor's domain (range, one of the levels, the distribution's support). */
function inDomain(factor: Factor, value: number): boolean {
  if ("range" in factor) return value >= factor.range[0] && value <= factor.range[1];
  if ("levels" in factor) return factor.levels.includes(value);
  const d = factor.distribution;
  if (d.dist === "choice") return d.values.includes(value);
  // Support of the continuous families: the quantiles at the clamped ends bound every design point.
  return value >= unitToValue(factor, 0) && value <= unitToValue(factor, 1);
}

/**
 * Explicit design from a matrix with one column per factor (any order, extra columns an
 * error): rows reordered into factor order, numeric text parsed, every value checked to be
 * finite and within its factor's domain (range, levels, or the distribution's support up to
 * its 2^-53 and 1 - 2^-53 quantiles). RangeError naming row and column otherwise.
 */
export function explicitDesign(factors: readonly Factor[], matrix: PointMatrix): DesignPoints {
  assertFactors(factors);
  const names = factors.map((f) => f.name);
  const extra = matrix.columns.filter((c) => !names.includes(c));
  const missing = names.filter((n) => !matrix.columns.includes(n));
  if (extra.length > 0 || missing.length > 0 || matrix.columns.length !== names.length) {
    throw new RangeError(`explicitDesign: columns must be the factors once each (missing: ${missing.join(", ") || "none"}; unknown: ${extra.join(", ") || "none"})`);
  }
  const order = names.map((n) => matrix.columns.indexOf(n));
  const points = matrix.rows.map((row, r) => {
    if (row.length !== names.length) throw new RangeError(`explicitDesign: row ${r + 1} has ${row.length} values, expected ${names.length}`);
    return order.map((c, j) => {
      const raw = row[c];
      const v = typeof raw === "number" ? raw : raw.trim() === "" ? NaN : Number(raw);
      if (!Number.isFinite(v)) throw new RangeError(`explicitDesign: row ${r + 1}, ${names[j]}: not a finite number (${String(raw)})`);
      if (!inDomain(factors[j], v)) throw new RangeError(`explicitDesign: row ${r + 1}, ${names[j]}: ${v} is outside the factor's domain`);
      return v;
    });
  });
  return { factors: names, points };
}
