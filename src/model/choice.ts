/**
 * Step 4, location choice: a multinomial logit among the industry's home park, the competitor
 * parks and staying out (utility 0) (MODEL.md "One quarter" 4). Competitors are valued with the
 * same terms from their aggregate state, once a quarter. A lead's choice is drawn by inverse
 * transform with its own keyed uniform u against the logit probabilities, district first: it
 * comes when u < P(district). A higher district utility therefore never loses a lead that a lower
 * one won with the same u, which is what "would it have come without the incentive" (deadweight)
 * and "would it have come with the incentive the budget could not pay" (lost to the budget) ask.
 * The logit assumes independence of irrelevant alternatives: a near substitute such as Tianfu
 * Bio-Town takes share from every alternative in proportion, not mostly from the district.
 */
import { exp, log1p } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./state.js";
import { yearOf } from "./factors.js";

/** Outcome of one choice: the district, a competitor, or staying out. */
export const Choice = { district: 0, competitor: 1, stayOut: 2 } as const;

/**
 * Recomputes each competitor's deterministic utility per industry for this quarter, and per
 * industry the logit weight of every alternative but the district: the sum over competitors of
 * exp(utility), plus 1 for staying out.
 */
export function refreshCompetitorUtility(p: ModelParams, s: ModelState): void {
  const I = p.industries.ids.length;
  const b = p.choice;
  const c = p.competitor;
  for (let k = 0; k < s.competitorOutput.length; k++) {
    const base =
      b.locationConstant +
      b.chainCompleteness * c.chainCompleteness[k] +
      b.talentSlack * c.talentSlack[k] +
      b.landReadiness * c.landReadiness[k] +
      b.infrastructure * c.infrastructure[k] +
      b.services * c.services[k] +
      b.incentive * c.incentiveShare[k] +
      b.landCost * c.landCost[k];
    for (let i = 0; i < I; i++) {
      const q = s.competitorOutput[k] * c.share[k * I + i];
      s.competitorUtility[k * I + i] = base + b.agglomeration * log1p(q) + b.anchorPresent * c.anchor[k * I + i];
    }
  }
  for (let i = 0; i < I; i++) {
    let sum = 1;
    for (let k = 0; k < s.competitorOutput.length; k++) sum += exp(s.competitorUtility[k * I + i]);
    s.outsideWeight[i] = sum;
  }
}

/** Talent slack of a park in [0, 1]: the share of its pool not demanded by potential output. */
export function talentSlack(s: ModelState, park: number): number {
  const pool = s.talentPool[park];
  return pool > 0 ? Math.max(0, 1 - s.talentDemand[park] / pool) : 0;
}

/**
 * Deterministic utility of the district's home park for a firm lead of industry i needing
 * `landNeed` 亩, before incentives.
 */
export function districtUtility(p: ModelParams, s: ModelState, industry: number, landNeed: number): number {
  const I = p.industries.ids.length;
  const park = p.industry.homePark[industry];
  const b = p.choice;
  const cell = park * I + industry;
  const landReady = landNeed > 0 ? Math.min(1, s.landFreeMu[park] / landNeed) : 1;
  return (
    b.locationConstant +
    b.districtConstant +
    b.chainCompleteness * s.chainCompleteness[industry] +
    b.agglomeration * log1p(s.parkIndustryOutput[cell]) +
    b.anchorPresent * (s.parkIndustryAnchors[cell] > 0 ? 1 : 0) +
    b.talentSlack * talentSlack(s, park) +
    b.landReadiness * landReady +
    b.infrastructure * s.infrastructure[park] +
    b.services * s.services[park] +
    b.landCost * p.schedule.landCost[yearOf(s.quarter)]
  );
}

/** Probability that a lead of industry i chooses the district when its utility there is v. */
export function districtProbability(s: ModelState, industry: number, v: number): number {
  const w = exp(v);
  return w / (w + s.outsideWeight[industry]);
}

/**
 * Where a lead that did not choose the district went, from the same uniform u: above
 * P(district), the remaining mass is split between the competitors and staying out (weight 1).
 */
export function outsideChoice(s: ModelState, industry: number, pDistrict: number, u: number): number {
  const rest = (u - pDistrict) / (1 - pDistrict);
  const total = s.outsideWeight[industry];
  return rest < (total - 1) / total ? Choice.competitor : Choice.stayOut;
}
