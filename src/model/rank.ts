/**
 * The national park ranking (docs/model.md, "Targets"): a composite index, one function of every
 * park's state (ln(1 + output), ln(1 + firms), yearly output growth, ln(1 + anchor groups
 * present), weights judgement), over a field of the district's park, the named competitors and
 * synthetic parks up to the ranking's size.
 */
import { exp, log1p } from "../random/index.js";
import type { ModelParams } from "./params.js";

/** A park's state for the index: output (亿元/yr), firms, growth on the year before (share), anchor groups. */
export interface ParkState {
  output: number;
  firms: number;
  growth: number;
  anchors: number;
}

/** The composite index of a park's state. */
export function rankIndex(w: ModelParams["rank"]["weights"], x: ParkState): number {
  return w.output * log1p(x.output) + w.firms * log1p(x.firms) + w.growth * x.growth + w.anchors * log1p(x.anchors);
}

/** Synthetic park k's state in year y (0 = the history's first year): its base output on its own growth path. */
export function syntheticState(p: ModelParams, k: number, y: number): ParkState {
  const syn = p.rank.synthetic;
  const output = syn.output0[k] * exp((y + 1) * syn.growthLn[k]);
  return { output, firms: output * p.rank.firmsPerOutput, growth: syn.growth[k], anchors: output * p.rank.anchorsPerOutput };
}

/** Number of parks in the field, the ranked park included. */
export function fieldSize(p: ModelParams): number {
  return 1 + p.competitors.ids.length + p.rank.synthetic.output0.length;
}

/** Rank (1 = first) of a park with state `own` among the named competitors' states and the synthetic parks in year y. */
export function rankOf(p: ModelParams, own: ParkState, competitors: readonly ParkState[], y: number): number {
  const w = p.rank.weights;
  const mine = rankIndex(w, own);
  let better = 0;
  for (const c of competitors) if (rankIndex(w, c) > mine) better += 1;
  for (let k = 0; k < p.rank.synthetic.output0.length; k++) if (rankIndex(w, syntheticState(p, k, y)) > mine) better += 1;
  return 1 + better;
}
