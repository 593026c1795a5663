/**
 * The state at the start of the horizon: existing firms (each group's output split among its
 * firms with the tier's lognormal spread), projects signed or building, institutions, and the
 * parks' land and talent stocks (MODEL.md "Agents": the initial state).
 */
import { exp, keyedUniform, normalQuantile } from "../random/index.js";
import type { ModelParams } from "./params.js";
import { FirmStore, InstitutionStore, Stage, type ModelState } from "./state.js";
import { STREAM, SOURCE, agentKey } from "./streams.js";
import { refreshAggregates } from "./aggregates.js";

/** Age given to firms of the initial state, quarters before the start (treated as mature). */
const MATURE_ENTRY_QUARTER = -1000;

/** Land a firm of `capacity` 亿元/yr needs in industry i, 亩. */
export function landNeedMu(p: ModelParams, industry: number, capacity: number): number {
  return (capacity * 1e4 * p.industry.landNeedShare[industry]) / p.industry.maxOutputPerMuWan[industry];
}

function addInitialFirms(p: ModelParams, seed: number, firms: FirmStore): void {
  p.initialState.firms.forEach((g, gi) => {
    const park = p.parks.index.get(g.park)!;
    const ind = p.industries.index.get(g.industry)!;
    const tier = p.tiers.index.get(g.tier)!;
    const n = Math.round(g.count);
    if (n === 0) return;
    const sd = p.tier.investmentSdlog[tier];
    const first = firms.count;
    let total = 0;
    for (let k = 0; k < n; k++) {
      const key = agentKey(SOURCE.initial, gi, ind, 0, k);
      const i = firms.add(park, ind, tier, Stage.producing, key, MATURE_ENTRY_QUARTER);
      const w = exp(sd * normalQuantile(keyedUniform(seed, STREAM.initialFirms, key, 0, 0)));
      firms.capacity[i] = w;
      total += w;
    }
    for (let i = first; i < firms.count; i++) {
      firms.capacity[i] = (g.output * firms.capacity[i]) / total;
      firms.ramp[i] = 1;
      firms.output[i] = firms.capacity[i];
      firms.prevOutput[i] = firms.capacity[i];
      firms.landMu[i] = landNeedMu(p, ind, firms.capacity[i]);
    }
  });
}

function addProjects(p: ModelParams, firms: FirmStore): void {
  p.initialState.projects.forEach((pr, k) => {
    const park = p.parks.index.get(pr.park)!;
    const ind = p.industries.index.get(pr.industry)!;
    const tier = p.tiers.index.get(pr.tier)!;
    const building = pr.stage === "building";
    const i = firms.add(park, ind, tier, building ? Stage.building : Stage.waitingLand, agentKey(SOURCE.project, tier, ind, 0, k), MATURE_ENTRY_QUARTER);
    firms.entrant[i] = 0;
    firms.capacity[i] = pr.capacity;
    firms.investment[i] = pr.investment;
    firms.landMu[i] = pr.landMu;
    firms.landNeedMu[i] = building ? 0 : Math.max(0, landNeedMu(p, ind, pr.capacity) - pr.landMu);
    firms.buildLeft[i] = building ? Math.round(pr.remainingBuildQuarters) : -1;
  });
}

/**
 * Gives the initial firms of each park the park's land in use (less the projects' land), in
 * proportion to the land their capacity needs at the industry's 亩均 output, so that land used
 * always equals the sum of the firms' land.
 */
function shareInitialLand(p: ModelParams, firms: FirmStore, landUsed: Float64Array): void {
  const P = p.parks.ids.length;
  const need = new Float64Array(P);
  const projects = new Float64Array(P);
  for (let k = 0; k < firms.count; k++) {
    if (firms.entryQuarter[k] !== MATURE_ENTRY_QUARTER) continue;
    if (firms.stage[k] === Stage.producing) need[firms.park[k]] += firms.landMu[k];
    else projects[firms.park[k]] += firms.landMu[k];
  }
  for (let park = 0; park < P; park++) {
    const available = Math.max(0, landUsed[park] - projects[park]);
    landUsed[park] = available + projects[park];
    const scale = need[park] > 0 ? available / need[park] : 0;
    for (let k = 0; k < firms.count; k++)
      if (firms.park[k] === park && firms.stage[k] === Stage.producing) firms.landMu[k] *= scale;
  }
}

/** Builds the state at the start of the horizon for one run. */
export function initialState(p: ModelParams, seed: number): ModelState {
  const P = p.parks.ids.length;
  const I = p.industries.ids.length;
  const firms = new FirmStore(1024);
  addInitialFirms(p, seed, firms);
  addProjects(p, firms);
  const institutions = new InstitutionStore();
  for (const g of p.initialState.institutions) {
    const kind = p.kinds.index.get(g.kind)!;
    const park = p.parks.index.get(g.park)!;
    for (let k = 0; k < Math.round(g.count); k++) institutions.add(kind, park, 0, false);
  }
  const parkStock = (f: (s: ModelParams["initialState"]["parks"][string]) => number) =>
    Float64Array.from(p.parks.ids.map((id) => f(p.initialState.parks[id])));
  const state: ModelState = {
    quarter: 0,
    firms,
    institutions,
    marketIndex: new Float64Array(I).fill(1),
    marketGrowthLn: new Float64Array(I),
    competitorOutput: Float64Array.from(p.competitor.output0),
    competitorOutputYearAgo: Float64Array.from(p.competitor.output0),
    landFreeMu: parkStock((s) => s.landFreeMu),
    landUsedMu: parkStock((s) => s.landUsedMu),
    talentPool: parkStock((s) => Math.min(s.talentPool, s.housingCapacity)),
    housing: parkStock((s) => s.housingCapacity),
    talentDemand: new Float64Array(P),
    infrastructure: new Float64Array(P),
    services: new Float64Array(P),
    parkIndustryOutput: new Float64Array(P * I),
    parkIndustryOutputPrev: new Float64Array(P * I),
    parkIndustryAnchors: new Float64Array(P * I),
    industryOutput: new Float64Array(I),
    chainCompleteness: new Float64Array(I),
    parkGraduatesPerYear: new Float64Array(P),
    parkSpilloverPerYear: new Float64Array(P),
    parkHealthDemand: new Float64Array(P),
    institutionStartupsPerYear: 0,
    cellGrowthLn: new Float64Array(P * I),
    competitorUtility: new Float64Array(p.competitors.ids.length * I),
    outsideWeight: new Float64Array(I),
    budgetLeft: 0,
    attractedTier: new Float64Array(p.tiers.ids.length),
    attractedKind: new Float64Array(p.kinds.ids.length),
    leads: 0,
    leadsLost: new Float64Array(4),
    firmsEntered: 0,
    firmsExited: 0,
    startups: 0,
    institutionLeads: 0,
    incentivised: 0,
    deadweight: 0,
    costQuarter: new Float64Array(8),
    incentivePayments: new Float64Array(p.quarters + 4 * p.attraction.paymentYears + 4),
    entrantOutput: 0,
    exitOutput: 0,
    signedInvestmentQuarter: 0,
    realisedInvestmentQuarter: 0,
  };
  shareInitialLand(p, firms, state.landUsedMu);
  for (let k = 0; k < firms.count; k++) if (firms.stage[k] === Stage.producing) state.firmsEntered += 1;
  refreshAggregates(p, state);
  state.parkIndustryOutputPrev.set(state.parkIndustryOutput);
  return state;
}
