/**
 * A signing (docs/model.md, "Industries and agents"): the project's capacity (realised
 * investment x capital turnover, at most the tier's plant size), its incentive commitment, the
 * void draw (with probability p_void it is paper only: no land, spending or incentive), and its
 * land request in the park's queue. Counts of signings feed the targets (signed, void).
 */
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { Stage } from "./state.js";
import { approvalQuarters, enqueueLand, landNeedMu } from "./land.js";
import { cancelCommitment, commit } from "./fiscal.js";
import { yearOf } from "./factors.js";

/** Capacity at full output (亿元/yr) of a project of tier t with signed investment `investment` 亿元. */
export function projectCapacity(p: ModelParams, tier: number, investment: number): number {
  const d = p.dynamics;
  return Math.min(investment * d.realisedRatio * d.capitalTurnover, p.tier.capacityMax[tier]);
}

/**
 * Signs a project of tier t in industry i in `park` with key `key`, commits `incentive` 亿元 and,
 * when it may be void, draws whether it is (then its commitment is cancelled and it never joins
 * the live firms). Returns the firm's index; a live project still needs its land (requestSite).
 */
export function signProject(p: ModelParams, s: ModelState, t: number, i: number, park: number, key: number, investment: number, incentive: number, mayBeVoid: boolean): number {
  const f = s.firms;
  const k = f.add(park, i, t, Stage.waitingLand, key, s.quarter);
  const I = p.industries.ids.length;
  const projection = s.quarter >= p.historyQuarters;
  f.investment[k] = investment;
  s.signedGroups[t * I + i] += 1;
  s.signedInvestment += investment;
  if (projection) s.signedTier[t] += 1;
  if (incentive > 0) commit(p, s, k, incentive);
  if (mayBeVoid && s.passes.leadVoid.uniform(key, 0) < p.dynamics.voidShare) {
    f.stage[k] = Stage.void;
    s.voidCount += 1;
    if (projection) s.voidTier[t] += 1;
    cancelCommitment(p, s, k);
    return k;
  }
  const cap = projectCapacity(p, t, investment);
  f.capacity[k] = cap;
  f.desired[k] = cap;
  s.live.push(k);
  return k;
}

/** A signed project's site: its land request joins the park's queue, or it goes to approval when it needs no land. */
export function requestSite(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  if (f.stage[k] === Stage.void) return;
  const need = landNeedMu(p, f.industry[k], f.capacity[k]);
  if (need > 0) enqueueLand(s, k, need);
  else {
    f.stage[k] = Stage.approval;
    f.timer[k] = approvalQuarters(p, yearOf(s.quarter));
  }
}
