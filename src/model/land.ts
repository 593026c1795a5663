/**
 * Land (docs/model.md, "Capacity, shocks and land"): a firm needs land share x capacity /
 * maximum 亩均 output. New projects and expansions share one first-come queue per park, served
 * whole from the park's free serviced land (start stock plus the yearly quota). The head of the
 * queue blocks those behind it; a request that has waited longer than its tier's patience lapses
 * (a project is then lost to land, an expansion is dropped and the firm stays at what its land
 * allows).
 */
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { Lever, LossReason, Stage } from "./state.js";
import { cancelCommitment } from "./fiscal.js";

/** Land a firm of `capacity` 亿元/yr needs in industry i at maximum 亩均 output, 亩. */
export function landNeedMu(p: ModelParams, industry: number, capacity: number): number {
  const perMu = p.industry.capacityPerMu[industry];
  return perMu === Infinity ? 0 : capacity / perMu;
}

/** Capacity the land held by firm k allows, 亿元/yr (Infinity for an industry that needs no land). */
export function landCapacity(p: ModelParams, s: ModelState, k: number): number {
  return s.firms.landMu[k] * p.industry.capacityPerMu[s.firms.industry[k]];
}

/** Puts a request of `mu` 亩 by firm k at the back of its park's queue. */
export function enqueueLand(s: ModelState, k: number, mu: number): void {
  s.firms.requestMu[k] = mu;
  enqueueRequest(s, k);
}

/** Puts firm k's request of firms.requestMu[k] 亩 at the back of its park's queue (enqueueLand with no double crossing the call). */
export function enqueueRequest(s: ModelState, k: number): void {
  const f = s.firms;
  const park = f.park[k];
  const mu = f.requestMu[k];
  f.queued[k] = 1;
  f.waited[k] = 0;
  s.queues[park].push(k);
  s.landQueueMu[park] += mu;
  s.landQueueRequests[park] += 1;
}

/** Moves `mu` 亩 of the park's free land to firm k (the caller checked it is free). */
export function grantLand(s: ModelState, k: number, mu: number): void {
  const park = s.firms.park[k];
  s.landFreeMu[park] -= mu;
  s.landUsedMu[park] += mu;
  s.firms.landMu[k] += mu;
}

/** Releases `mu` 亩 more serviced land in a park (quota, or a known event's special allocation). */
export function releaseLand(s: ModelState, park: number, mu: number): void {
  s.landFreeMu[park] += mu;
  s.landReleasedMu[park] += mu;
}

/**
 * Grants a known event its land outside the queue (it broke ground): what the park's free land
 * lacks is released for it as a special allocation, costed like the quota's land.
 */
export function grantOutsideQueue(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  const park = f.park[k];
  const mu = f.requestMu[k];
  const short = mu - s.landFreeMu[park];
  if (short > 0) {
    releaseLand(s, park, short);
    s.costQuarter[Lever.land] += short * p.costs.perServicedMu;
  }
  grantLand(s, k, mu);
  f.requestMu[k] = 0;
}

/** Returns firm k's land to its park's free land (exit). */
export function returnLand(s: ModelState, k: number): void {
  const park = s.firms.park[k];
  const mu = s.firms.landMu[k];
  s.landFreeMu[park] += mu;
  s.landUsedMu[park] -= mu;
  s.firms.landMu[k] = 0;
}

/** Approval quarters at this year's approval speed (>= 0). */
export function approvalQuarters(p: ModelParams, year: number): number {
  return Math.max(0, Math.round(p.dynamics.approvalLag / p.schedule.approvalSpeed[year]));
}

/** Serves one request: a project moves to approval, an expansion raises the firm's land. */
function serve(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  grantLand(s, k, f.requestMu[k]);
  f.queued[k] = 0;
  f.requestMu[k] = 0;
  if (f.stage[k] === Stage.waitingLand) {
    f.stage[k] = Stage.approval;
    f.timer[k] = approvalQuarters(p, Math.floor(s.quarter / 4));
  }
}

/** A request that waited past its tier's patience lapses. */
function lapse(p: ModelParams, s: ModelState, k: number): void {
  const f = s.firms;
  f.queued[k] = 0;
  if (f.stage[k] === Stage.waitingLand) {
    f.stage[k] = Stage.lostToLand;
    s.lostCount += 1;
    if (f.entrant[k]) s.leadsLost[LossReason.land] += 1;
    cancelCommitment(p, s, k);
  }
}

/** Serves every park's queue in order of arrival; counts waits; lapses requests past patience. */
export function serveLandQueues(p: ModelParams, s: ModelState): void {
  const f = s.firms;
  for (let park = 0; park < s.queues.length; park++) {
    const queue = s.queues[park];
    const items = queue.items;
    let write = 0;
    let blocked = false;
    let queueMu = 0;
    for (let r = 0; r < queue.length; r++) {
      const k = items[r];
      const st = f.stage[k];
      if (f.queued[k] === 0 || st === Stage.exited || st === Stage.lostToLand) {
        f.queued[k] = 0;
        continue;
      }
      const mu = f.requestMu[k];
      if (!blocked && mu <= s.landFreeMu[park]) {
        serve(p, s, k);
        continue;
      }
      blocked = true;
      f.waited[k] += 1;
      s.landWaitQuarters[park] += 1;
      if (f.waited[k] > p.tier.landPatience[f.tier[k]]) {
        lapse(p, s, k);
        continue;
      }
      items[write++] = k;
      queueMu += mu;
    }
    queue.length = write;
    s.landQueueMu[park] = queueMu;
    s.landQueueRequests[park] = write;
  }
}
