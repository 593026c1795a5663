/**
 * Steps 3 and 4, firm leads and their fate (docs/model.md, "Leads and location choice"). Each
 * (tier, industry) prospect pool of M groups searches at h a year x market index; the teams'
 * time is split (zero-sum) over chain work, tiers and institution kinds, and industries;
 * leads a quarter = (M - groups signed with the district) x h/4 x (1 - exp(-E/E_t)). Supplier
 * leads follow the anchors building or producing along the chain matrix, saturating in chain
 * work. Counts are Poisson by inverse transform; the k-th lead of (tier, industry, quarter) has
 * the same key in every scenario. Before history.anchorLeadsFrom the anchor process only sums
 * its expected signings (mu).
 */
import { exp, poisson } from "../random/index.js";
import { districtChoice, districtProbability, districtUtility, leadUtility, outsideChoiceAfter, prepareLeadUtility } from "./choice.js";
import { yearOf } from "./factors.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { LossReason } from "./state.js";
import { COUNT_SLOT, SOURCE, agentKey, agentKeyAt, agentKeyBase } from "./streams.js";
import { landNeedMu } from "./land.js";
import { projectCapacity, requestSite, signProject } from "./signing.js";
import { competitorWins } from "./world.js";

/** Team-years a year on group g (a tier, then the institution kinds) in year y: teams x (1 - chain share) x normalised weight. */
export function groupEffort(p: ModelParams, y: number, g: number): number {
  const G = p.tiers.ids.length + p.kinds.ids.length;
  let total = 0;
  for (let j = 0; j < G; j++) total += p.schedule.effort[y * G + j];
  return total > 0 ? (p.schedule.teams[y] * (1 - p.schedule.chainShare[y]) * p.schedule.effort[y * G + g]) / total : 0;
}

/** Team-years a year on the pool (tier t, industry i): the tier's effort split over its eligible industries by targeting weight. */
export function poolEffort(p: ModelParams, y: number, t: number, i: number): number {
  const I = p.industries.ids.length;
  if (p.tier.pool[t * I + i] <= 0) return 0;
  let total = 0;
  for (let j = 0; j < I; j++) if (p.tier.pool[t * I + j] > 0) total += p.schedule.targeting[y * I + j];
  return total > 0 ? (groupEffort(p, y, t) * p.schedule.targeting[y * I + i]) / total : 0;
}

/** Expected promotion leads of pool (t, i) this quarter. */
export function poolLeadRate(p: ModelParams, s: ModelState, t: number, i: number): number {
  const I = p.industries.ids.length;
  const left = Math.max(0, p.tier.pool[t * I + i] - s.signedGroups[t * I + i]);
  if (left === 0) return 0;
  const e = poolEffort(p, yearOf(s.quarter), t, i);
  return left * p.tier.searchRateQ[t] * s.marketIndex[i] * (1 - exp(-e / p.tier.effortScale[t]));
}

/** Expected supplier leads of industry i this quarter (all tiers): anchors building or producing x searches x chain-work saturation. */
export function supplierLeadRate(p: ModelParams, s: ModelState, i: number): number {
  const I = p.industries.ids.length;
  const y = yearOf(s.quarter);
  let anchors = 0;
  for (let j = 0; j < I; j++) {
    const a = p.chain[i * I + j];
    if (a <= 0) continue;
    for (let park = 0; park < p.parks.ids.length; park++) anchors += a * s.cellAnchorsActive[park * I + j];
  }
  const e = p.schedule.teams[y] * p.schedule.chainShare[y];
  return anchors * p.attraction.supplierSearchesQ * (1 - exp(-e / p.attraction.chainEffortScale));
}

/** Signed investment of a lead of tier t with key `key`, 亿元 (lognormal, its own keyed draw). */
export function leadInvestment(p: ModelParams, s: ModelState, t: number, key: number): number {
  return exp(p.tier.investmentLnMedian[t] + p.tier.investmentSdlog[t] * s.passes.leadInvestment.normal(key, 0));
}

/** leadInvestment of the n leads of tier t with keys keys[0..n), 亿元, into out: the draws in KeyedPass.normals (none boxed). */
export function leadInvestments(p: ModelParams, s: ModelState, t: number, keys: Uint32Array, n: number, out: Float64Array): void {
  s.passes.leadInvestment.normals(keys, n, 0, out);
  const median = p.tier.investmentLnMedian[t];
  const sd = p.tier.investmentSdlog[t];
  for (let j = 0; j < n; j++) out[j] = exp(median + sd * out[j]);
}

/** The keyed draws of a group of leads, by lead index: scratch of the step, grown by doubling between loops. */
export interface LeadDraws {
  keys: Uint32Array;
  /** signed investment, 亿元 */
  investment: Float64Array;
  /** the location choice's uniform */
  choice: Float64Array;
  /** the district's utility without incentive, set as each lead is decided */
  utility: Float64Array;
}

/** Allocates lead draw buffers for `n` leads (at least 64). */
export function allocateLeadDraws(n = 64): LeadDraws {
  const size = Math.max(64, n);
  return { keys: new Uint32Array(size), investment: new Float64Array(size), choice: new Float64Array(size), utility: new Float64Array(size) };
}

/** Makes the buffers hold `n` leads (doubling). */
export function reserveLeadDraws(d: LeadDraws, n: number): void {
  if (n <= d.keys.length) return;
  let size = d.keys.length;
  while (size < n) size *= 2;
  Object.assign(d, allocateLeadDraws(size));
}

/** The keys (agentKeyAt(base, j)), investments and choice uniforms of the n leads of a group of tier t, into d. */
function drawLeads(p: ModelParams, s: ModelState, t: number, base: number, n: number, d: LeadDraws): void {
  reserveLeadDraws(d, n);
  for (let j = 0; j < n; j++) d.keys[j] = agentKeyAt(base, j);
  leadInvestments(p, s, t, d.keys, n, d.investment);
  s.passes.leadChoice.uniforms(d.keys, n, 0, d.choice);
}

/** Share of a lead's signed investment the district's incentive offers to tier t this year. */
function incentiveShareOf(p: ModelParams, s: ModelState, t: number): number {
  return p.tier.incentiveShare[t] * p.schedule.incentiveLevel[yearOf(s.quarter)];
}

/**
 * Decides lead j of a group of (tier, industry) in d: signs it or counts its loss. The
 * district's probability is computed at the utility that decides (with the incentive when it is
 * affordable); at the other utility only when a count needs it (deadweight, budget loss). The
 * common outcomes (a competitor wins, the lead stays out) are decided here; signing and the
 * budget loss are separate functions taking no double, so that this one stays small enough for
 * V8 to inline its callees (a double crossing a call is a heap allocation).
 */
function decideLead(p: ModelParams, s: ModelState, t: number, i: number, j: number, d: LeadDraws): void {
  const investment = d.investment[j];
  const v0 = leadUtility(p, s, i, landNeedMu(p, i, projectCapacity(p, t, investment)));
  d.utility[j] = v0;
  const share = incentiveShareOf(p, s, t);
  const affordable = share * investment <= s.budgetLeft;
  const u = d.choice[j];
  s.leads += 1;
  if (u < districtChoice(p, s, i, affordable ? v0 + p.choice.incentive * share : v0)) {
    signLead(p, s, t, i, j, d, affordable);
    return;
  }
  if (!affordable && lostToBudget(p, s, t, i, j, d)) return;
  const c = outsideChoiceAfter(p, s, i, u);
  if (c < 0) {
    s.leadsLost[LossReason.stayOut] += 1;
    return;
  }
  s.leadsLost[LossReason.competitor] += 1;
  const lag = Math.round(p.industry.lagMode[i] + p.dynamics.approvalLag);
  competitorWins(s, c, i, p.industries.ids.length, projectCapacity(p, t, investment) * (1 - p.dynamics.voidShare), p.tier.anchor[t] === 1, lag);
}

/** Lead j of d chose the district: it signs (with the incentive when affordable), requests its site, and counts as incentivised and deadweight. */
function signLead(p: ModelParams, s: ModelState, t: number, i: number, j: number, d: LeadDraws, affordable: boolean): void {
  const investment = d.investment[j];
  const cost = incentiveShareOf(p, s, t) * investment;
  const k = signProject(p, s, t, i, p.industry.homePark[i], d.keys[j], investment, affordable && cost > 0 ? cost : 0, true);
  requestSite(p, s, k);
  if (affordable && cost > 0) {
    s.incentivised += 1;
    if (d.choice[j] < districtProbability(p, s, i, d.utility[j])) s.deadweight += 1;
  }
}

/** Whether lead j of d, whose incentive the budget cannot afford, would have chosen the district with it: then counts a budget loss. */
function lostToBudget(p: ModelParams, s: ModelState, t: number, i: number, j: number, d: LeadDraws): boolean {
  if (!(d.choice[j] < districtProbability(p, s, i, d.utility[j] + p.choice.incentive * incentiveShareOf(p, s, t)))) return false;
  s.leadsLost[LossReason.budget] += 1;
  return true;
}

/** Probability that a typical anchor lead of industry i (median investment, incentive offered) chooses the district now. */
function typicalAnchorProbability(p: ModelParams, s: ModelState, t: number, i: number): number {
  const investment = exp(p.tier.investmentLnMedian[t]);
  const v = districtUtility(p, s, i, landNeedMu(p, i, projectCapacity(p, t, investment)));
  return districtProbability(p, s, i, v + p.choice.incentive * incentiveShareOf(p, s, t));
}

/** Poisson count of a (source, group, industry) this quarter by inverse transform. */
function count(s: ModelState, source: number, g: number, i: number, rate: number): number {
  if (rate <= 0) return 0;
  return poisson(rate, s.passes.leadCount.uniform(agentKey(source, g, i, s.quarter, COUNT_SLOT), 0));
}

/** Generates this quarter's firm leads and decides each one, in a fixed order (d: the step's lead draw buffers). */
export function stepLeads(p: ModelParams, s: ModelState, d: LeadDraws): void {
  const q = s.quarter;
  const I = p.industries.ids.length;
  const T = p.tiers.ids.length;
  prepareLeadUtility(p, s);
  for (let i = 0; i < I; i++) {
    const supplierRate = supplierLeadRate(p, s, i);
    for (let t = 0; t < T; t++) {
      if (p.tier.isStartup[t] || p.tier.eligible[t * I + i] === 0) continue;
      const rate = poolLeadRate(p, s, t, i);
      if (p.tier.anchor[t] === 1 && q < p.anchorLeadsFromQ) {
        s.anchorMu += rate * typicalAnchorProbability(p, s, t, i);
        continue;
      }
      const nPromo = count(s, SOURCE.promotion, t, i, rate);
      const nSupplier = count(s, SOURCE.supplier, t, i, supplierRate * p.tier.supplierShare[t]);
      s.firms.reserve(nPromo + nSupplier);
      drawLeads(p, s, t, agentKeyBase(SOURCE.promotion, t, i, q), nPromo, d);
      for (let j = 0; j < nPromo; j++) decideLead(p, s, t, i, j, d);
      drawLeads(p, s, t, agentKeyBase(SOURCE.supplier, t, i, q), nSupplier, d);
      for (let j = 0; j < nSupplier; j++) decideLead(p, s, t, i, j, d);
    }
  }
}
