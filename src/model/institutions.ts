/**
 * Institutions: schools, top medical institutions and platforms. Promotion brings institution
 * leads; each chooses the district against elsewhere by a binary logit on the kind's constant,
 * infrastructure and services; signed ones open after a lag, then add graduates to the talent
 * pool, capacity spill-overs, health-service demand and start-ups (MODEL.md "Agents").
 */
import { exp, keyedUniform, poisson } from "../random/index.js";
import { yearOf } from "./factors.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./state.js";
import { SOURCE, STREAM, agentKey } from "./streams.js";

/** Probability that an institution lead of kind k chooses the district this quarter. */
export function institutionChoiceProbability(p: ModelParams, s: ModelState, kind: number): number {
  const park = p.kind.homePark[kind];
  const b = p.choice;
  const v = b.locationConstant + p.kind.utilityConstant[kind] + b.infrastructure * s.infrastructure[park] + b.services * s.services[park];
  return 1 / (1 + exp(-v));
}

/** Generates and decides this quarter's institution leads, opens institutions whose lag ended, and refreshes their per-park effects. */
export function stepInstitutions(p: ModelParams, s: ModelState, seed: number): void {
  const q = s.quarter;
  const teams = p.schedule.teams[yearOf(q)];
  for (let kind = 0; kind < p.kinds.ids.length; kind++) {
    const rate = teams * p.kind.leadsPerTeamQuarter[kind];
    if (rate <= 0) continue;
    const n = poisson(rate, keyedUniform(seed, STREAM.institutionCount, kind, q, 0));
    const prob = institutionChoiceProbability(p, s, kind);
    for (let k = 0; k < n; k++) {
      s.institutionLeads += 1;
      if (keyedUniform(seed, STREAM.institutionChoice, agentKey(SOURCE.promotion, 255, kind, q, k), q, 0) < prob) {
        s.institutions.add(kind, p.kind.homePark[kind], p.kind.openingLag[kind], true);
        s.attractedKind[kind] += 1;
      }
    }
  }
  const inst = s.institutions;
  s.parkGraduatesPerYear.fill(0);
  s.parkSpilloverPerYear.fill(0);
  s.parkHealthDemand.fill(0);
  s.institutionStartupsPerYear = 0;
  for (let k = 0; k < inst.count; k++) {
    if (!inst.open[k]) {
      if (--inst.openLeft[k] > 0) continue;
      inst.open[k] = 1;
    }
    const kind = inst.kind[k];
    const park = inst.park[k];
    s.parkGraduatesPerYear[park] += p.kind.graduatesPerYear[kind];
    s.parkSpilloverPerYear[park] += p.kind.spilloverPerYear[kind];
    s.parkHealthDemand[park] += p.kind.healthDemand[kind];
    s.institutionStartupsPerYear += p.kind.startupsPerYear[kind];
  }
}
