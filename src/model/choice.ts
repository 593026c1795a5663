/**
 * Step 4, location choice: a multinomial logit among the industry's home park, the competitor
 * parks and staying out (utility 0), drawn as the arg-max of utility plus keyed Gumbel noise
 * (MODEL.md "One quarter" 4). Competitors are valued with the same terms from their aggregate
 * state. The logit assumes independence of irrelevant alternatives: a near substitute such as
 * Tianfu Bio-Town takes share from every alternative in proportion, not mostly from the district.
 */
import { keyedUniform, ln, log1p } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./state.js";
import { STREAM } from "./streams.js";
import { yearOf } from "./factors.js";

/** Outcome of one choice: the district, a competitor, or staying out. */
export const Choice = { district: 0, competitor: 1, stayOut: 2 } as const;

/** Recomputes each competitor's deterministic utility per industry for this quarter. */
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

/** Gumbel noise from a keyed uniform: -ln(-ln u). */
function gumbel(seed: number, key: number, q: number, alt: number): number {
  return -ln(-ln(keyedUniform(seed, STREAM.leadChoice, key, q, alt)));
}

/** Noise of the district alternative for a lead. */
export function districtNoise(seed: number, key: number, q: number): number {
  return gumbel(seed, key, q, 0);
}

/**
 * Best utility plus noise among the competitors and staying out for a lead of industry i;
 * returns it and writes in `outcome[0]` Choice.competitor or Choice.stayOut for the winner.
 */
export function bestOutside(p: ModelParams, s: ModelState, seed: number, key: number, industry: number, outcome: Int32Array): number {
  const I = p.industries.ids.length;
  const C = s.competitorOutput.length;
  const q = s.quarter;
  let best = gumbel(seed, key, q, C + 1);
  outcome[0] = Choice.stayOut;
  for (let k = 0; k < C; k++) {
    const v = s.competitorUtility[k * I + industry] + gumbel(seed, key, q, k + 1);
    if (v > best) {
      best = v;
      outcome[0] = Choice.competitor;
    }
  }
  return best;
}
