/**
 * Step 5, the pipeline, the first pass over the live firms (docs/model.md, "Industries and
 * agents"): approval (its lag / approval speed), construction for a triangular lag drawn per
 * project, realised investment spent evenly over it, incentive instalments from the quarter
 * spending starts, ramp-up to capacity, and the stationary shock drawn at the start of
 * production. The pass also sums potential output per industry (for the labour market) and
 * counts the anchors building or producing per cell.
 */
import { triangular } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { Stage } from "./state.js";
import { payInstalment, startPayments } from "./fiscal.js";
import { grantOutsideQueue } from "./land.js";

/** Construction quarters of firm k: fixed for a known event, else triangular from its own keyed draw (>= 1). */
export function constructionLag(p: ModelParams, s: ModelState, k: number): number {
  const f = s.firms;
  if (f.buildFixed[k] > 0) return f.buildFixed[k];
  const i = f.industry[k];
  const u = s.passes.leadLag.uniform(f.key[k], 0);
  return Math.max(1, Math.round(triangular(p.industry.lagMin[i], p.industry.lagMode[i], p.industry.lagMax[i], u)));
}

/** Construction starts: land of a known event, the lag, the spending per quarter, the first instalment. */
function startBuilding(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  if (f.requestMu[k] > 0 && f.queued[k] === 0) grantOutsideQueue(p, s, k);
  const lag = constructionLag(p, s, k);
  f.stage[k] = Stage.building;
  f.timer[k] = lag;
  f.spendPerQ[k] = (f.investment[k] * p.dynamics.realisedRatio) / lag;
  if (f.signedQ[k] >= p.historyQuarters) s.realisedTier[f.tier[k]] += 1;
  startPayments(p, s, k);
}

/** Production starts (ramp complete): the shock is drawn from its stationary distribution. */
function startProducing(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  f.stage[k] = Stage.producing;
  f.ramp[k] = 1;
  f.prodQ[k] = s.quarter;
  f.desired[k] = f.capacity[k];
  f.shock[k] = p.dynamics.shockSd * s.passes.shockEntry.normal(f.key[k], 1);
}

/** Moves every live project one quarter along the pipeline and sums potential output per industry. */
export function pipelinePass(p: ModelParams, s: ModelState): void {
  const f = s.firms;
  const live = s.live.items;
  const I = p.industries.ids.length;
  s.industryPotential.fill(0);
  s.cellAnchorsActive.fill(0);
  for (let r = 0; r < s.live.length; r++) {
    const k = live[r];
    let st = f.stage[k];
    if (st === Stage.lostToLand || st === Stage.waitingLand) continue;
    const paying = f.instalmentsLeft[k] > 0;
    if (st === Stage.approval) {
      if (f.timer[k] > 0) f.timer[k] -= 1;
      else startBuilding(p, s, k);
    } else if (st === Stage.building) {
      f.spent[k] += f.spendPerQ[k];
      if (f.signedQ[k] >= 0) s.realisedInvestment += f.spendPerQ[k];
      if (--f.timer[k] <= 0) {
        f.stage[k] = Stage.ramping;
        f.ramp[k] = 1 / p.industry.rampQuarters[f.industry[k]];
        s.firmsEntered += 1;
      }
    } else if (st === Stage.ramping) {
      f.ramp[k] += 1 / p.industry.rampQuarters[f.industry[k]];
      if (f.ramp[k] >= 1 - 1e-12) startProducing(p, s, k);
    }
    if (paying && f.instalmentsLeft[k] > 0) payInstalment(p, s, k);
    st = f.stage[k];
    if (st >= Stage.building && st <= Stage.producing && p.tier.anchor[f.tier[k]] === 1) s.cellAnchorsActive[f.park[k] * I + f.industry[k]] += 1;
    if (st === Stage.ramping || st === Stage.producing) {
      const pot = f.capacity[k] * f.ramp[k];
      f.potential[k] = pot;
      s.industryPotential[f.industry[k]] += pot;
    }
  }
  payOrphans(p, s);
}

/** Exited firms still paid their instalments (clawback off). */
function payOrphans(p: ModelParams, s: ModelState): void {
  const list = s.payees;
  let w = 0;
  for (let r = 0; r < list.length; r++) {
    const k = list.items[r];
    payInstalment(p, s, k);
    if (s.firms.instalmentsLeft[k] > 0) list.items[w++] = k;
  }
  list.length = w;
}
