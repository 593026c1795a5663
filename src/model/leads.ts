/**
 * Step 3, lead generation, and the fate of each lead: promotion leads (teams x leads per team x
 * targeting x market index), supplier leads induced by producing anchors along the chain matrix,
 * local start-ups; each firm lead chooses (choice.ts), may be lost to a competitor, to staying
 * out or to the budget, and otherwise signs (MODEL.md "One quarter" 3 and 4).
 */
import { exp, keyedUniform, normalQuantile, poisson } from "../random/index.js";
import { Choice, districtProbability, districtUtility, outsideChoice, refreshCompetitorUtility } from "./choice.js";
import { yearOf } from "./factors.js";
import { landNeedMu } from "./init.js";
import type { ModelParams } from "./params.js";
import { LossReason, Stage, type ModelState } from "./state.js";
import { SOURCE, STREAM, agentKey } from "./streams.js";

/** Capacity at full output (亿元/yr) of a project with signed investment `investment` 亿元 of tier t. */
export function projectCapacity(p: ModelParams, tier: number, investment: number): number {
  const d = p.dynamics;
  return Math.min(investment * d.realisedInvestmentRatio * d.capitalTurnover, p.tier.capacityMax[tier]);
}

/** Adds a signed project to the firm store: it waits for land, or builds at once if it needs none. */
export function signProject(p: ModelParams, s: ModelState, tier: number, industry: number, key: number, investment: number): number {
  const park = p.industry.homePark[industry];
  const f = s.firms;
  const k = f.add(park, industry, tier, Stage.waitingLand, key, s.quarter);
  f.investment[k] = investment;
  f.capacity[k] = projectCapacity(p, tier, investment);
  f.landNeedMu[k] = landNeedMu(p, industry, f.capacity[k]);
  f.buildLeft[k] = -1;
  s.signedInvestmentQuarter += investment;
  return k;
}

/** Books an incentive commitment of `amount` 亿元, paid in equal quarterly parts over the payment years. */
function commitIncentive(p: ModelParams, s: ModelState, amount: number): void {
  const n = p.attraction.paymentYears * 4;
  for (let j = 0; j < n; j++) s.incentivePayments[s.quarter + j] += amount / n;
  s.budgetLeft -= amount;
}

/** Decides one firm lead of (tier, industry) with key `key`; signs it or counts its loss. */
function decideLead(p: ModelParams, s: ModelState, seed: number, tier: number, industry: number, key: number): void {
  const q = s.quarter;
  const investment = exp(p.tier.investmentLnMedian[tier] + p.tier.investmentSdlog[tier] * normalQuantile(keyedUniform(seed, STREAM.leadInvestment, key, 0, 0)));
  const need = landNeedMu(p, industry, projectCapacity(p, tier, investment));
  const v0 = districtUtility(p, s, industry, need);
  const share = p.tier.incentiveShare[tier] * p.schedule.incentiveLevel[yearOf(q)];
  const cost = share * investment;
  const affordable = cost <= s.budgetLeft;
  const u = keyedUniform(seed, STREAM.leadChoice, key, q, 0);
  const p0 = districtProbability(s, industry, v0);
  const pIncentive = districtProbability(s, industry, v0 + p.choice.incentive * share);
  const withIncentive = u < pIncentive;
  const without = u < p0;
  s.leads += 1;
  if (affordable ? withIncentive : without) {
    if (affordable && cost > 0) {
      commitIncentive(p, s, cost);
      s.incentivised += 1;
      if (without) s.deadweight += 1;
    }
    signProject(p, s, tier, industry, key, investment);
    s.attractedTier[tier] += 1;
  } else if (!affordable && withIncentive) {
    s.leadsLost[LossReason.budget] += 1;
  } else {
    s.leadsLost[outsideChoice(s, industry, affordable ? pIncentive : p0, u) === Choice.competitor ? LossReason.competitor : LossReason.stayOut] += 1;
  }
}

/** Number of leads of a source for (tier, industry) this quarter: Poisson by inverse transform. */
function leadCount(seed: number, source: number, tier: number, industry: number, q: number, rate: number): number {
  if (rate <= 0) return 0;
  return poisson(rate, keyedUniform(seed, STREAM.leadCount, agentKey(source, tier, industry, q, 0xffff), q, 0));
}

/** Producing anchors in the district per industry, into `out`. */
function districtAnchors(p: ModelParams, s: ModelState, out: Float64Array): void {
  const I = p.industries.ids.length;
  out.fill(0);
  for (let c = 0; c < s.parkIndustryAnchors.length; c++) out[c % I] += s.parkIndustryAnchors[c];
}

/** Generates this quarter's firm leads and start-ups and decides each one, in a fixed order. */
export function stepLeads(p: ModelParams, s: ModelState, seed: number, anchors: Float64Array): void {
  const q = s.quarter;
  const y = yearOf(q);
  const I = p.industries.ids.length;
  const T = p.tiers.ids.length;
  refreshCompetitorUtility(p, s);
  districtAnchors(p, s, anchors);
  let supplierShareTotal = 0;
  for (let t = 0; t < T; t++) if (!p.tier.inducesSuppliers[t] && !p.tier.isStartup[t]) supplierShareTotal += p.tier.leadShare[t];
  const promotionRate = p.schedule.teams[y] * p.attraction.leadsPerTeamQuarter;
  const supplierRate = p.attraction.supplierLeadsPerAnchorQuarter * p.schedule.chainTargeting[y];
  for (let t = 0; t < T; t++) {
    if (p.tier.isStartup[t]) continue;
    const supplierTierShare = p.tier.inducesSuppliers[t] || supplierShareTotal === 0 ? 0 : p.tier.leadShare[t] / supplierShareTotal;
    for (let i = 0; i < I; i++) {
      const nPromo = leadCount(seed, SOURCE.promotion, t, i, q, promotionRate * p.tier.leadShare[t] * p.industry.targeting[i] * s.marketIndex[i]);
      let induced = 0;
      for (let j = 0; j < I; j++) induced += p.chain[i * I + j] * anchors[j];
      const nSupplier = leadCount(seed, SOURCE.supplier, t, i, q, supplierRate * supplierTierShare * induced);
      s.firms.reserve(nPromo + nSupplier);
      for (let k = 0; k < nPromo; k++) decideLead(p, s, seed, t, i, agentKey(SOURCE.promotion, t, i, q, k));
      for (let k = 0; k < nSupplier; k++) decideLead(p, s, seed, t, i, agentKey(SOURCE.supplier, t, i, q, k));
    }
  }
  stepStartups(p, s, seed);
}

/**
 * Start-ups form locally (entrepreneurs rarely move: Zhang 2003) from institutions, the
 * guidance fund and the talent pool, spread over industries by the targeting weights; they sign
 * without a location choice or incentive, in the first start-up tier.
 */
function stepStartups(p: ModelParams, s: ModelState, seed: number): void {
  const q = s.quarter;
  const tier = p.tier.isStartup.indexOf(1);
  if (tier < 0) return;
  let pool = 0;
  for (let k = 0; k < s.talentPool.length; k++) pool += s.talentPool[k];
  const rate =
    s.institutionStartupsPerYear / 4 +
    (p.schedule.guidanceFund[yearOf(q)] / 4) * p.factors.startupsPerFundYi +
    ((pool / 1e4) * p.factors.startupsPerTenThousandTalent) / 4;
  for (let i = 0; i < p.industries.ids.length; i++) {
    const n = leadCount(seed, SOURCE.startup, tier, i, q, rate * p.industry.targeting[i]);
    s.firms.reserve(n);
    for (let k = 0; k < n; k++) {
      const key = agentKey(SOURCE.startup, tier, i, q, k);
      const investment = exp(p.tier.investmentLnMedian[tier] + p.tier.investmentSdlog[tier] * normalQuantile(keyedUniform(seed, STREAM.leadInvestment, key, 0, 0)));
      signProject(p, s, tier, i, key, investment);
      s.startups += 1;
    }
  }
}
