/**
 * Step 5, the pipeline: signed projects wait for land (first signed, first served) and are
 * abandoned when their tier's patience runs out; construction takes a triangular lag drawn per
 * project and divided by the approval speed; realised investment is spent at the spend rate;
 * output ramps up to capacity (MODEL.md "One quarter" 5).
 */
import { keyedUniform, triangular } from "../random/index.js";
import { yearOf } from "./factors.js";
import type { ModelParams } from "./params.js";
import { LossReason, Stage, type ModelState } from "./state.js";
import { STREAM } from "./streams.js";

/** Construction lag of firm k in quarters (>= 1), drawn from its own key, scaled by approval speed. */
export function constructionLag(p: ModelParams, s: ModelState, seed: number, k: number): number {
  const i = s.firms.industry[k];
  const u = keyedUniform(seed, STREAM.leadLag, s.firms.key[k], 0, 0);
  const lag = triangular(p.industry.lagMin[i], p.industry.lagMode[i], p.industry.lagMax[i], u);
  return Math.max(1, Math.round(lag / p.schedule.approvalSpeed[yearOf(s.quarter)]));
}

/** Moves every project one quarter along the pipeline. */
export function stepPipeline(p: ModelParams, s: ModelState, seed: number): void {
  const f = s.firms;
  const spendQ = p.dynamics.spendRatePerYear / 4;
  const realisedRatio = p.dynamics.realisedInvestmentRatio;
  for (let k = 0; k < f.count; k++) {
    const stage = f.stage[k];
    if (stage === Stage.waitingLand) {
      const park = f.park[k];
      const need = f.landNeedMu[k];
      if (need <= s.landFreeMu[park]) {
        s.landFreeMu[park] -= need;
        s.landUsedMu[park] += need;
        f.landMu[k] += need;
        f.landNeedMu[k] = 0;
        f.stage[k] = Stage.building;
        f.buildLeft[k] = constructionLag(p, s, seed, k);
      } else if (++f.waited[k] > p.tier.landPatience[f.tier[k]]) {
        f.stage[k] = Stage.lostToLand;
        if (f.entrant[k]) s.leadsLost[LossReason.land] += 1;
      }
      continue;
    }
    if (stage === Stage.building || stage === Stage.ramping) {
      const target = f.investment[k] * realisedRatio;
      const spend = Math.min(Math.max(0, target - f.realised[k]), f.investment[k] * realisedRatio * spendQ);
      f.realised[k] += spend;
      s.realisedInvestmentQuarter += spend;
    }
    if (stage === Stage.building) {
      if (--f.buildLeft[k] <= 0) {
        f.stage[k] = Stage.ramping;
        s.firmsEntered += 1;
        f.ramp[k] = 1 / p.industry.rampQuarters[f.industry[k]];
      }
    } else if (stage === Stage.ramping) {
      f.ramp[k] = Math.min(1, f.ramp[k] + 1 / p.industry.rampQuarters[f.industry[k]]);
      if (f.ramp[k] >= 1) f.stage[k] = Stage.producing;
    }
  }
}
