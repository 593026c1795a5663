/**
 * Local start-ups (docs/model.md, "Industries and agents"): they form without a location choice
 * (entrepreneurs rarely move: Zhang 2003), per 10,000 workers of each park and industry, plus
 * the start-ups of the park's open institutions and of the guidance fund, spread over cells by
 * employment. They sign in the start-up tier, with no incentive, and queue for land like any
 * project.
 */
import { poisson } from "../random/index.js";
import { yearOf } from "./factors.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { COUNT_SLOT, SOURCE, agentKeyAt, agentKeyBase } from "./streams.js";
import { leadInvestments, reserveLeadDraws, type LeadDraws } from "./leads.js";
import { requestSite, signProject } from "./signing.js";

/** Expected start-ups of each cell this quarter, into `out` (P x I). */
export function startupRates(p: ModelParams, s: ModelState, out: Float64Array): void {
  const I = p.industries.ids.length;
  const P = p.parks.ids.length;
  let district = 0;
  for (let c = 0; c < s.cellEmployment.length; c++) district += s.cellEmployment[c];
  const fund = (p.schedule.guidanceFund[yearOf(s.quarter)] / 4) * p.startupsPerFundYi;
  for (let park = 0; park < P; park++) {
    let parkJobs = 0;
    for (let i = 0; i < I; i++) parkJobs += s.cellEmployment[park * I + i];
    const institutions = s.institutionStartups[park] / 4;
    for (let i = 0; i < I; i++) {
      const c = park * I + i;
      const jobs = s.cellEmployment[c];
      out[c] =
        (jobs / 1e4) * p.dynamics.startupsPer10kQ +
        (parkJobs > 0 ? (institutions * jobs) / parkJobs : 0) +
        (district > 0 ? (fund * jobs) / district : 0);
    }
  }
}

/** Forms this quarter's start-ups (keys by park x industry, quarter and order; rates: scratch, one value per cell; d: the step's lead draw buffers). */
export function stepStartups(p: ModelParams, s: ModelState, rates: Float64Array, d: LeadDraws): void {
  const t = p.tier.startupTier;
  if (t < 0) return;
  const I = p.industries.ids.length;
  startupRates(p, s, rates);
  for (let c = 0; c < rates.length; c++) {
    if (rates[c] <= 0) continue;
    const i = c % I;
    const park = Math.floor(c / I);
    const base = agentKeyBase(SOURCE.startup, park, i, s.quarter);
    const n = poisson(rates[c], s.passes.startupCount.uniform(agentKeyAt(base, COUNT_SLOT), 0));
    s.firms.reserve(n);
    reserveLeadDraws(d, n);
    for (let k = 0; k < n; k++) d.keys[k] = agentKeyAt(base, k);
    leadInvestments(p, s, t, d.keys, n, d.investment);
    for (let k = 0; k < n; k++) {
      const f = signProject(p, s, t, i, park, d.keys[k], d.investment[k], 0, false);
      s.startups += 1;
      requestSite(p, s, f);
    }
  }
}
