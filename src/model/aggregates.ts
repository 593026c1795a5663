/**
 * Step 9, the aggregates through which agents interact (no pairwise loops): output per
 * industry, chain completeness, each cell's growth of ln(1 + output), the past year's
 * utilisation per industry, the local tax of the quarter.
 */
import { log1p } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { Stage } from "./state.js";
import { personsPerPotential } from "./labour.js";

/**
 * Chain completeness of each industry in [0, 1] from district output by industry (docs/model.md,
 * "Industries and agents"). With a[i][j] the share of j's local inputs from i, the supplier
 * link i -> j is covered by Q_i / (Q_i + a_ij Q_j) (one half when local supply just equals the
 * need, towards 1 when it exceeds it), the customer link j -> k by a_jk Q_k / (a_jk Q_k + Q_j).
 * Completeness is the a-weighted mean coverage of the supplier side and of the customer side,
 * averaged over the sides that have links; 0 for an industry with no links.
 */
export function chainCompleteness(a: Float64Array, industryOutput: Float64Array, out: Float64Array): void {
  const I = industryOutput.length;
  for (let j = 0; j < I; j++) {
    const qj = industryOutput[j];
    let supW = 0, sup = 0, cusW = 0, cus = 0;
    for (let i = 0; i < I; i++) {
      const aij = a[i * I + j];
      if (aij > 0) {
        const qi = industryOutput[i];
        const den = qi + aij * qj;
        supW += aij;
        sup += den > 0 ? (aij * qi) / den : 0;
      }
      const ajk = a[j * I + i];
      if (ajk > 0) {
        const demand = ajk * industryOutput[i];
        const den = demand + qj;
        cusW += ajk;
        cus += den > 0 ? (ajk * demand) / den : 0;
      }
    }
    const sides = (supW > 0 ? 1 : 0) + (cusW > 0 ? 1 : 0);
    out[j] = sides === 0 ? 0 : ((supW > 0 ? sup / supW : 0) + (cusW > 0 ? cus / cusW : 0)) / sides;
  }
}

/** Cell sums straight from the firm store (the initial state, before any pass). */
function sumCellsFromFirms(p: ModelParams, s: ModelState): void {
  const I = p.industries.ids.length;
  const f = s.firms;
  for (const a of [s.cellOutput, s.cellPotential, s.cellEmployment, s.cellValueAdded, s.cellOperating, s.cellAnchorsPresent, s.cellAnchorsActive]) a.fill(0);
  for (let k = 0; k < f.count; k++) {
    const st = f.stage[k];
    const cell = f.park[k] * I + f.industry[k];
    if (st >= Stage.building && st <= Stage.producing && p.tier.anchor[f.tier[k]] === 1) s.cellAnchorsActive[cell] += 1;
    if (st !== Stage.producing && st !== Stage.ramping) continue;
    const i = f.industry[k];
    const pot = f.capacity[k] * f.ramp[k];
    s.cellOutput[cell] += pot * s.utilisation[i];
    s.cellPotential[cell] += pot;
    s.cellEmployment[cell] += pot * personsPerPotential(p, s, i);
    s.cellValueAdded[cell] += pot * s.utilisation[i] * p.industry.valueAddedRatio[i];
    s.cellOperating[cell] += 1;
    if (p.tier.anchor[f.tier[k]] === 1) s.cellAnchorsPresent[cell] += 1;
  }
}

/** Recomputes the aggregates after the quarter's firm pass (or from the firm store at the start). */
export function refreshAggregates(p: ModelParams, s: ModelState, fromFirms = false): void {
  const I = p.industries.ids.length;
  if (fromFirms) sumCellsFromFirms(p, s);
  s.industryOutput.fill(0);
  let tax = 0;
  for (let c = 0; c < s.cellOutput.length; c++) {
    const i = c % I;
    s.industryOutput[i] += s.cellOutput[c];
    tax += s.cellOutput[c] * p.industry.taxRatio[i];
    s.cellGrowthLn[c] = log1p(s.cellOutput[c]) - log1p(s.cellOutputPrev[c]);
  }
  // Local tax of the quarter, 亿元: annualised output / 4 x tax ratio x the district's share.
  s.localTaxQuarter = (tax / 4) * p.costs.localTaxShare;
  chainCompleteness(p.chain, s.industryOutput, s.chainCompleteness);
  const slot = s.quarter % 4;
  for (let i = 0; i < I; i++) {
    s.utilRing[i * 4 + slot] = s.utilisation[i];
    s.uBar[i] = (s.utilRing[i * 4] + s.utilRing[i * 4 + 1] + s.utilRing[i * 4 + 2] + s.utilRing[i * 4 + 3]) / 4;
  }
  if (fromFirms) s.cellGrowthLn.fill(0);
}
