/**
 * The design layer's common types and one entry point, buildDesign(factors, spec, seed), so an
 * experiment runner only turns its file's design block into a DesignSpec and gets the points.
 */
import { explicitDesign, type PointMatrix } from "./explicit.js";
import type { Factor } from "./factors.js";
import { fullFactorial } from "./grid.js";
import { latinHypercube } from "./latin-hypercube.js";
import { type MorrisDesign, morrisDesign } from "./morris-design.js";
import { type SaltelliDesign, saltelliDesign } from "./saltelli.js";
import { sobolDesign } from "./sobol-design.js";

/** What every design returns: factor names and one row of factor values per point. */
export interface DesignPoints {
  /** Factor names, the column order of `points`. */
  factors: string[];
  /** One row per point, values in factor order (each in the factor's own unit). */
  points: number[][];
}

/** A design method and its options, as an experiment file would state them. */
export type DesignSpec =
  | { method: "grid"; levels?: number }
  | { method: "lhs"; n: number; centred?: boolean }
  | { method: "sobol"; n: number; scramble?: boolean; skip?: number }
  | { method: "saltelli"; n: number; secondOrder?: boolean; scramble?: boolean; skip?: number }
  | { method: "morris"; trajectories: number; levels?: number; candidates?: number }
  | { method: "explicit"; matrix: PointMatrix };

/** A built design: the points, tagged with their method; Saltelli and Morris carry their layout. */
export type Design =
  | (DesignPoints & { method: "grid" | "lhs" | "sobol" | "explicit" })
  | SaltelliDesign
  | MorrisDesign;

/** Builds the design a spec describes over the factors; seeded methods use `seed` (a non-negative integer). */
export function buildDesign(factors: readonly Factor[], spec: DesignSpec, seed: number): Design {
  switch (spec.method) {
    case "grid":
      return { method: "grid", ...fullFactorial(factors, spec.levels) };
    case "lhs":
      return { method: "lhs", ...latinHypercube(factors, spec.n, seed, spec.centred ?? false) };
    case "sobol":
      return { method: "sobol", ...sobolDesign(factors, spec.n, seed, { scramble: spec.scramble, skip: spec.skip }) };
    case "saltelli":
      return saltelliDesign(factors, spec.n, seed, { secondOrder: spec.secondOrder, scramble: spec.scramble, skip: spec.skip });
    case "morris":
      return morrisDesign(factors, { trajectories: spec.trajectories, levels: spec.levels, candidates: spec.candidates }, seed);
    case "explicit":
      return { method: "explicit", ...explicitDesign(factors, spec.matrix) };
  }
}
