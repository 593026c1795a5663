/**
 * Aggregates through which agents interact (no pairwise loops): output per park and industry,
 * producing anchors per park and industry, and each industry's chain completeness.
 */
import type { ModelParams } from "./params.js";
import { Stage, type ModelState } from "./state.js";

/**
 * Chain completeness of each industry in [0, 1] from district output by industry (MODEL.md
 * "Industries and the chain"). With a[i][j] the share of j's local inputs from i, the supplier
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

/** Recomputes output and producing anchors per park and industry, and chain completeness. */
export function refreshAggregates(p: ModelParams, s: ModelState): void {
  const I = p.industries.ids.length;
  const f = s.firms;
  s.parkIndustryOutput.fill(0);
  s.parkIndustryAnchors.fill(0);
  for (let k = 0; k < f.count; k++) {
    const st = f.stage[k];
    if (st !== Stage.producing && st !== Stage.ramping) continue;
    const cell = f.park[k] * I + f.industry[k];
    s.parkIndustryOutput[cell] += f.output[k];
    if (st === Stage.producing && p.tier.inducesSuppliers[f.tier[k]] === 1) s.parkIndustryAnchors[cell] += 1;
  }
  const byIndustry = s.industryOutput;
  byIndustry.fill(0);
  for (let c = 0; c < s.parkIndustryOutput.length; c++) byIndustry[c % I] += s.parkIndustryOutput[c];
  chainCompleteness(p.chain, byIndustry, s.chainCompleteness);
}
