/**
 * Step 4, location choice (docs/model.md, "Leads and location choice"): a nested logit over the
 * district's home park, the competitor parks (each in a nest with a dissimilarity in (0, 1]) and
 * staying out (utility 0, its own nest). Competitors are valued with the district's terms on
 * their own state, once a quarter. A lead comes when its keyed uniform u < P(district); above
 * it, the same u picks a competitor or staying out by inverse transform, district first, so a
 * higher district utility never loses a lead that a lower one won with the same u.
 */
import { exp, ln, log1p } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { competitorIndustryOutput } from "./world.js";
import { yearOf } from "./factors.js";

/**
 * Recomputes each competitor's utility per industry, its weight exp(V / lambda) in its nest,
 * each nest's sum and inclusive term sum^lambda, and per industry the other nests' total.
 */
export function refreshChoice(p: ModelParams, s: ModelState): void {
  const I = p.industries.ids.length;
  const N = p.choice.nests.ids.length;
  const b = p.choice;
  const c = p.competitor;
  s.nestSum.fill(0);
  for (let k = 0; k < s.competitorBase.length; k++) {
    const lambda = b.lambda[c.nest[k]];
    const base =
      b.locationConstant + b.chainCompleteness * c.chainCompleteness[k] + b.wage * c.wageLn[k] + b.landReadiness * c.landReadiness[k] +
      b.infrastructure * c.infrastructure[k] + b.services * c.services[k] + b.incentive * c.incentiveShare[k] + b.landCost * c.landCost[k];
    for (let i = 0; i < I; i++) {
      const anchor = c.anchor[k * I + i] > 0 || s.competitorWonAnchors[k * I + i] > 0 ? 1 : 0;
      const v = base + b.agglomeration * log1p(competitorIndustryOutput(p, s, k, i)) + b.anchorPresent * anchor;
      s.competitorUtility[k * I + i] = v;
      const w = exp(v / lambda);
      s.competitorWeight[k * I + i] = w;
      s.nestSum[c.nest[k] * I + i] += w;
    }
  }
  for (let n = 0; n < N; n++)
    for (let i = 0; i < I; i++) {
      const sum = s.nestSum[n * I + i];
      s.nestPow[n * I + i] = sum > 0 ? exp(b.lambda[n] * ln(sum)) : 0;
    }
  for (let i = 0; i < I; i++) {
    let other = 0;
    for (let n = 0; n < N; n++) if (n !== b.districtNest) other += s.nestPow[n * I + i];
    s.otherNests[i] = other;
  }
}

/** Land readiness of a park for a project needing `need` 亩: (free land - queue) / need, at most 1. */
export function landReadiness(s: ModelState, park: number, need: number): number {
  return need > 0 ? Math.min(1, (s.landFreeMu[park] - s.landQueueMu[park]) / need) : 1;
}

/** Utility of the district's home park for a firm lead of industry i needing `landNeed` 亩, before incentives. */
export function districtUtility(p: ModelParams, s: ModelState, industry: number, landNeed: number): number {
  const I = p.industries.ids.length;
  const park = p.industry.homePark[industry];
  const b = p.choice;
  const cell = park * I + industry;
  return (
    b.locationConstant +
    b.districtConstant +
    b.chainCompleteness * s.chainCompleteness[industry] +
    b.agglomeration * log1p(s.cellOutput[cell]) +
    b.anchorPresent * (s.cellAnchorsActive[cell] > 0 ? 1 : 0) +
    b.wage * s.wageGapLn[p.industry.market[industry]] +
    b.landReadiness * landReadiness(s, park, landNeed) +
    b.infrastructure * s.infrastructure[park] +
    b.services * s.services[park] +
    b.landCost * p.schedule.landCost[yearOf(s.quarter)]
  );
}

/**
 * Tables the terms of districtUtility that stay fixed while the quarter's leads are decided (cell
 * output, anchors, chain completeness, wage, infrastructure, services, land cost; only land
 * readiness moves as projects queue), for leadUtility. Call at the start of the quarter's leads.
 */
export function prepareLeadUtility(p: ModelParams, s: ModelState): void {
  const I = p.industries.ids.length;
  const b = p.choice;
  const landCost = b.landCost * p.schedule.landCost[yearOf(s.quarter)];
  for (let i = 0; i < I; i++) {
    const park = p.industry.homePark[i];
    const cell = park * I + i;
    // The same terms in the same order as districtUtility, up to land readiness.
    s.leadUtilityTerms[i * 4] =
      b.locationConstant +
      b.districtConstant +
      b.chainCompleteness * s.chainCompleteness[i] +
      b.agglomeration * log1p(s.cellOutput[cell]) +
      b.anchorPresent * (s.cellAnchorsActive[cell] > 0 ? 1 : 0) +
      b.wage * s.wageGapLn[p.industry.market[i]];
    s.leadUtilityTerms[i * 4 + 1] = b.infrastructure * s.infrastructure[park];
    s.leadUtilityTerms[i * 4 + 2] = b.services * s.services[park];
    s.leadUtilityTerms[i * 4 + 3] = landCost;
  }
}

/** districtUtility from the terms prepareLeadUtility tabled this quarter: the same value, added in the same order. */
export function leadUtility(p: ModelParams, s: ModelState, industry: number, landNeed: number): number {
  const t = s.leadUtilityTerms;
  const j = industry * 4;
  return t[j] + p.choice.landReadiness * landReadiness(s, p.industry.homePark[industry], landNeed) + t[j + 1] + t[j + 2] + t[j + 3];
}

/**
 * Slots of s.choiceScratch: the last districtChoice's kept terms (exp(v / lambda), the nest's
 * inclusive sum, its term sum^lambda), and the values passed to and from the bodies below. The
 * exported functions are small wrappers that V8 inlines; their bodies, too large to inline, take
 * and return no double (a double crossing a call is boxed: a heap allocation per lead).
 */
const SLOT = { e: 0, inclusive: 1, nestTerm: 2, v: 3, probability: 4, u: 5 } as const;
/** Length of s.choiceScratch. */
export const CHOICE_SCRATCH = 6;

/** P(district) for a lead of industry i whose utility there is v (nested logit; staying out has weight 1). */
export function districtProbability(p: ModelParams, s: ModelState, industry: number, v: number): number {
  const sc = s.choiceScratch;
  sc[SLOT.v] = v;
  districtInScratch(p, s, industry, false);
  return sc[SLOT.probability];
}

/** districtProbability, keeping exp(v / lambda), the inclusive sum and its term in s.choiceScratch for outsideChoiceAfter. */
export function districtChoice(p: ModelParams, s: ModelState, industry: number, v: number): number {
  const sc = s.choiceScratch;
  sc[SLOT.v] = v;
  districtInScratch(p, s, industry, true);
  return sc[SLOT.probability];
}

/** The body of districtProbability (keep false) and districtChoice (keep true), for the utility in the scratch's v slot. */
function districtInScratch(p: ModelParams, s: ModelState, industry: number, keep: boolean): void {
  const I = p.industries.ids.length;
  const d = p.choice.districtNest;
  const lambda = p.choice.lambda[d];
  const sc = s.choiceScratch;
  const e = exp(sc[SLOT.v] / lambda);
  const inclusive = e + s.nestSum[d * I + industry];
  const nestTerm = exp(lambda * ln(inclusive));
  if (keep) {
    sc[SLOT.e] = e;
    sc[SLOT.inclusive] = inclusive;
    sc[SLOT.nestTerm] = nestTerm;
  }
  sc[SLOT.probability] = (e / inclusive) * (nestTerm / (1 + s.otherNests[industry] + nestTerm));
}

/**
 * Where a lead of industry i with district utility v and uniform u >= P(district) goes: the index
 * of the competitor that wins it, or -1 for staying out. Cumulates the alternatives after the
 * district: the district's nest, then the other nests in order, staying out last.
 */
export function outsideChoice(p: ModelParams, s: ModelState, industry: number, v: number, u: number): number {
  districtChoice(p, s, industry, v);
  return outsideChoiceAfter(p, s, industry, u);
}

/** outsideChoice for the utility of the last districtChoice (its terms in s.choiceScratch, not recomputed). */
export function outsideChoiceAfter(p: ModelParams, s: ModelState, industry: number, u: number): number {
  s.choiceScratch[SLOT.u] = u;
  return outsideInScratch(p, s, industry);
}

/** The body of outsideChoiceAfter, for the uniform in the scratch's u slot. */
function outsideInScratch(p: ModelParams, s: ModelState, industry: number): number {
  const I = p.industries.ids.length;
  const N = p.choice.nests.ids.length;
  const d = p.choice.districtNest;
  const sc = s.choiceScratch;
  const e = sc[SLOT.e];
  const inclusive = sc[SLOT.inclusive];
  const dTerm = sc[SLOT.nestTerm];
  const u = sc[SLOT.u];
  const den = 1 + s.otherNests[industry] + dTerm;
  let cum = (e / inclusive) * (dTerm / den);
  for (let n = 0; n < N; n++) {
    const nestMass = n === d ? dTerm / den : s.nestPow[n * I + industry] / den;
    const within = n === d ? inclusive : s.nestSum[n * I + industry];
    if (within <= 0) continue;
    for (let k = 0; k < s.competitorBase.length; k++) {
      if (p.competitor.nest[k] !== n) continue;
      cum += (s.competitorWeight[k * I + industry] / within) * nestMass;
      if (u < cum) return k;
    }
  }
  return -1;
}
