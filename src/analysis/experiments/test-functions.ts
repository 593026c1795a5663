/**
 * Analytic test problems of sensitivity analysis with their exact Sobol' indices: Ishigami and
 * Homma (1990) on [-pi, pi]^3 and Sobol's G function on [0, 1]^k (Saltelli and Sobol' 1995).
 */
import { pow, sin } from "../../random/math.js";
import type { RangeFactor } from "./factors.js";

/** pi to double precision (Math.PI is outside the allowed Math members). */
export const PI = 3.141592653589793;

/** Exact first-order and total indices, one entry per input in order. */
export interface AnalyticIndices {
  S1: number[];
  ST: number[];
}

/** Ishigami function sin x1 + a sin^2 x2 + b x3^4 sin x1 (defaults a = 7, b = 0.1). */
export function ishigami(x: readonly number[], a = 7, b = 0.1): number {
  const s1 = sin(x[0]);
  const s2 = sin(x[1]);
  const x3 = x[2] * x[2];
  return s1 + a * s2 * s2 + b * x3 * x3 * s1;
}

/** The Ishigami inputs x1, x2, x3, each uniform on [-pi, pi]. */
export function ishigamiFactors(): RangeFactor[] {
  return ["x1", "x2", "x3"].map((name) => ({ name, range: [-PI, PI] as const }));
}

/**
 * Exact indices of Ishigami with uniform inputs on [-pi, pi]: V1 = (1 + b pi^4 / 5)^2 / 2,
 * V2 = a^2 / 8, V13 = b^2 pi^8 (1/18 - 1/50), V = V1 + V2 + V13; S1 = (V1, V2, 0) / V,
 * ST = (V1 + V13, V2, V13) / V (Ishigami and Homma 1990; Sobol' and Levitan 1999).
 */
export function ishigamiIndices(a = 7, b = 0.1): AnalyticIndices {
  const pi4 = pow(PI, 4);
  const pi8 = pi4 * pi4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) * (1 + (b * pi4) / 5);
  const v2 = (a * a) / 8;
  const v13 = b * b * pi8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Sobol's G function: product over i of (|4 x_i - 2| + a_i) / (1 + a_i), x in [0, 1]^k. */
export function sobolG(x: readonly number[], a: readonly number[]): number {
  let g = 1;
  for (let i = 0; i < a.length; i++) g *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}

/** The G function's inputs x1 .. xk, each uniform on [0, 1]. */
export function sobolGFactors(k: number): RangeFactor[] {
  return Array.from({ length: k }, (_, i) => ({ name: `x${i + 1}`, range: [0, 1] as const }));
}

/**
 * Exact indices of the G function: V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1,
 * S1_i = V_i / V, ST_i = V_i prod_{j != i} (1 + V_j) / V (products in input order).
 */
export function sobolGIndices(a: readonly number[]): AnalyticIndices {
  const vi = a.map((ai) => 1 / (3 * (1 + ai) * (1 + ai)));
  let prod = 1;
  for (const v of vi) prod *= 1 + v;
  const v = prod - 1;
  const others = vi.map((_, i) => {
    let p = 1;
    for (let j = 0; j < vi.length; j++) if (j !== i) p *= 1 + vi[j];
    return p;
  });
  return { S1: vi.map((x) => x / v), ST: vi.map((x, i) => (x * others[i]) / v) };
}
