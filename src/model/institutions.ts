/**
 * Institutions (docs/model.md, "Industries and agents"): schools, top medical institutions and
 * platforms. Each kind's prospect pool is reached by its share of the teams' time like a firm
 * pool; a lead chooses the district against elsewhere by a binary logit on the kind's constant,
 * infrastructure and services; a signed institution opens after its lag, then adds graduates,
 * a spill-over on its park's capacity growth (bounded per park: S_max (1 - exp(-sum s_k / S_max))),
 * health-service demand and start-ups.
 */
import { exp, poisson } from "../random/index.js";
import { yearOf } from "./factors.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { COUNT_SLOT, SOURCE, agentKey } from "./streams.js";
import { groupEffort } from "./leads.js";

/** Probability that an institution lead of kind k chooses the district this quarter. */
export function institutionChoiceProbability(p: ModelParams, s: ModelState, kind: number): number {
  const park = p.kind.homePark[kind];
  const b = p.choice;
  const v = b.locationConstant + p.kind.utilityConstant[kind] + b.infrastructure * s.infrastructure[park] + b.services * s.services[park];
  return 1 / (1 + exp(-v));
}

/** Expected leads of institution kind k this quarter. */
export function institutionLeadRate(p: ModelParams, s: ModelState, kind: number): number {
  const left = Math.max(0, p.kind.pool[kind] - s.signedKind[kind]);
  if (left === 0) return 0;
  const e = groupEffort(p, yearOf(s.quarter), p.tiers.ids.length + kind);
  return left * p.kind.searchRateQ[kind] * (1 - exp(-e / p.kind.effortScale[kind]));
}

/** The bounded spill-over of a park with institutions' spill-overs summing to `sum` (log points per year). */
export function boundedSpillover(sum: number, max: number): number {
  return max > 0 ? max * (1 - exp(-sum / max)) : 0;
}

/** Generates and decides this quarter's institution leads, opens institutions whose lag ended, and refreshes their per-park effects. */
export function stepInstitutions(p: ModelParams, s: ModelState): void {
  const q = s.quarter;
  const K = p.kinds.ids.length;
  for (let kind = 0; kind < K; kind++) {
    const rate = institutionLeadRate(p, s, kind);
    if (rate <= 0) continue;
    const n = poisson(rate, s.passes.institutionCount.uniform(agentKey(SOURCE.institution, kind, 0, q, COUNT_SLOT), 0));
    const prob = institutionChoiceProbability(p, s, kind);
    for (let k = 0; k < n; k++) {
      s.institutionLeads += 1;
      if (s.passes.institutionChoice.uniform(agentKey(SOURCE.institution, kind, 0, q, k), 0) < prob) {
        s.institutions.add(kind, p.kind.homePark[kind], p.kind.openingLag[kind], q);
        s.signedKind[kind] += 1;
        if (q >= p.historyQuarters) s.attractedKind[kind] += 1;
      }
    }
  }
  refreshInstitutionEffects(p, s);
}

/** Opens institutions whose lag ended; sums graduates, spill-overs, health demand and start-ups per park. */
function refreshInstitutionEffects(p: ModelParams, s: ModelState): void {
  const inst = s.institutions;
  const P = p.parks.ids.length;
  const I = p.industries.ids.length;
  s.graduates.fill(0);
  s.spillover.fill(0);
  s.parkHealthDemand.fill(0);
  s.institutionStartups.fill(0);
  s.presentKind.fill(0);
  for (let k = 0; k < inst.count; k++) {
    if (!inst.open[k]) {
      if (--inst.openLeft[k] > 0) continue;
      inst.open[k] = 1;
    }
    const kind = inst.kind[k];
    const park = inst.park[k];
    s.graduates[park] += p.kind.graduatesPerYear[kind];
    s.spillover[park] += p.kind.spilloverPerYear[kind];
    s.parkHealthDemand[park] += p.kind.healthDemand[kind];
    s.institutionStartups[park] += p.kind.startupsPerYear[kind];
    if (inst.signedQ[k] >= p.historyQuarters) s.presentKind[kind] += 1;
  }
  for (let park = 0; park < P; park++) s.spillover[park] = boundedSpillover(s.spillover[park], p.dynamics.spilloverMax);
  // A park's health demand goes to its health-service industries, equally.
  s.healthDemand.fill(0);
  for (let park = 0; park < P; park++) {
    let n = 0;
    for (let i = 0; i < I; i++) if (p.industry.healthService[i] && p.industry.homePark[i] === park) n += 1;
    for (let i = 0; i < I; i++) if (p.industry.healthService[i] && p.industry.homePark[i] === park) s.healthDemand[i] = s.parkHealthDemand[park] / n;
  }
}
