/**
 * Step 1, the world around the district (docs/model.md, "One quarter" 1): national market
 * indices (log drift ln(1+g)/4 - s^2/8 and quarterly sd s/2, so the index's mean grows at g),
 * demand growth over the past year, output per worker and the metropolitan wage on their
 * trends, competitors' base output paths and the capacity of district leads they won arriving.
 */
import { exp, ln } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";

/** Moves markets, productivity, the metropolitan wage and the competitors by one quarter. */
export function stepWorld(p: ModelParams, s: ModelState): void {
  const q = s.quarter;
  const I = p.industries.ids.length;
  const slot = q % 4;
  const pass = s.passes.market;
  for (let i = 0; i < I; i++) {
    const d = p.industry.marketDriftQ[i] + p.industry.marketVolQ[i] * pass.normal(i, 0);
    s.marketIndex[i] *= exp(d);
    const lnNow = ln(s.marketIndex[i]);
    const yearAgo = s.marketLnRing[i * 4 + slot];
    s.marketLnRing[i * 4 + slot] = lnNow;
    let g = lnNow - yearAgo;
    if (p.industry.healthService[i]) {
      const rise = s.healthDemand[i] - s.healthRing[i * 4 + slot];
      if (rise > 0 && s.industryOutput[i] > 0) g += ln(1 + rise / s.industryOutput[i]);
    }
    s.healthRing[i * 4 + slot] = s.healthDemand[i];
    s.demandGrowthLn[i] = g;
    s.productivity[i] = p.industry.outputPerWorker0[i] * exp(p.industry.productivityLnQ[i] * (q + 1));
  }
  for (let m = 0; m < s.wageC.length; m++) s.wageC[m] = p.labour.wageStart[m] * exp(p.labour.wageLnQ[m] * (q + 1));
  stepCompetitors(p, s);
}

/** Competitors' base outputs move on their paths; won capacity and anchors arrive after their lag. */
function stepCompetitors(p: ModelParams, s: ModelState): void {
  const I = p.industries.ids.length;
  const W = s.pendingWidth;
  const slot = s.quarter % W;
  const pass = s.passes.competitor;
  for (let c = 0; c < s.competitorBase.length; c++) {
    s.competitorBase[c] *= exp(p.competitor.driftQ[c] + p.competitor.volQ[c] * pass.normal(c, 0));
    for (let i = 0; i < I; i++) {
      const at = (c * I + i) * W + slot;
      const cap = s.competitorPending[at];
      if (cap > 0) {
        s.competitorWon[c * I + i] += cap;
        s.competitorWonFirms[c] += s.competitorPendingFirms[at];
        s.competitorWonAnchors[c * I + i] += s.competitorPendingAnchors[at];
        s.competitorPending[at] = 0;
        s.competitorPendingFirms[at] = 0;
        s.competitorPendingAnchors[at] = 0;
      }
    }
  }
}

/** Books a lead won by competitor c: its expected capacity (亿元/yr) arrives after `lag` quarters; an anchor counts then. */
export function competitorWins(s: ModelState, c: number, industry: number, I: number, capacity: number, anchor: boolean, lag: number): void {
  const W = s.pendingWidth;
  const at = (c * I + industry) * W + ((s.quarter + Math.min(W - 1, Math.max(1, lag))) % W);
  s.competitorPending[at] += capacity;
  s.competitorPendingFirms[at] += 1;
  if (anchor) s.competitorPendingAnchors[at] += 1;
}

/** Competitor c's output in industry i, 亿元/yr: its base path's share plus the capacity it won. */
export function competitorIndustryOutput(p: ModelParams, s: ModelState, c: number, i: number): number {
  const I = p.industries.ids.length;
  return s.competitorBase[c] * p.competitor.share[c * I + i] + s.competitorWon[c * I + i];
}
