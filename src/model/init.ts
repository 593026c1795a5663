/**
 * The state at the start of the history (docs/model.md, "Time", "Labour market"): existing
 * firms (each group's output split among its firms with the tier's lognormal spread) running at
 * the target utilisation u*, projects signed or building, institutions, land held at least at
 * what the firms need at maximum 亩均 output, and the labour market in equilibrium at the
 * metropolitan wage: w*_i and the relative wages pi_i follow from u*, and the supply N_0 clears
 * at w = w_C.
 */
import { KeyedPass, exp, normalQuantile, pow } from "../random/index.js";
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { FirmStore, IndexList, InstitutionStore, Stage } from "./state.js";
import type { FirmDraws } from "./production.js";
import { CHOICE_SCRATCH } from "./choice.js";
import { Passes, SOURCE, STREAM, agentKey } from "./streams.js";
import { refreshAggregates } from "./aggregates.js";
import { enqueueLand, landNeedMu } from "./land.js";

function addInitialFirms(p: ModelParams, firms: FirmStore): void {
  const pass = new KeyedPass().reset(p.historySeed, STREAM.initialFirms, 0);
  const entry = new KeyedPass().reset(p.historySeed, STREAM.shockEntry, 0);
  const uStar = p.dynamics.uStar;
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
      const i = firms.add(park, ind, tier, Stage.producing, key, -1);
      const w = exp(sd * normalQuantile(pass.uniform(key, 0)));
      firms.capacity[i] = w;
      firms.shock[i] = p.dynamics.shockSd * normalQuantile(entry.uniform(key, 0));
      total += w;
    }
    for (let i = first; i < firms.count; i++) {
      const k = (g.output * firms.capacity[i]) / total / uStar;
      firms.capacity[i] = k;
      firms.desired[i] = k;
      firms.ramp[i] = 1;
      firms.potential[i] = k;
      firms.prevPotential[i] = k;
      firms.landMu[i] = landNeedMu(p, ind, k);
      firms.prodQ[i] = -1;
    }
  });
}

function addProjects(p: ModelParams, s: ModelState): void {
  const firms = s.firms;
  p.initialState.projects.forEach((pr, k) => {
    const park = p.parks.index.get(pr.park)!;
    const ind = p.industries.index.get(pr.industry)!;
    const tier = p.tiers.index.get(pr.tier)!;
    const building = pr.stage === "building";
    const i = firms.add(park, ind, tier, building ? Stage.building : Stage.waitingLand, agentKey(SOURCE.project, tier, ind, 0, k), -1);
    firms.entrant[i] = 0;
    firms.capacity[i] = pr.capacity;
    firms.desired[i] = pr.capacity;
    firms.investment[i] = pr.investment;
    firms.landMu[i] = pr.landMu;
    if (building) {
      const left = Math.max(1, Math.round(pr.remainingBuildQuarters));
      firms.timer[i] = left;
      firms.spendPerQ[i] = (pr.investment * p.dynamics.realisedRatio) / left;
    } else {
      const need = Math.max(0, landNeedMu(p, ind, pr.capacity) - pr.landMu);
      if (need > 0) enqueueLand(s, i, need);
      else firms.stage[i] = Stage.approval;
    }
  });
}

/**
 * Gives each park's initial firms its land in use in proportion to what their capacity needs at
 * maximum 亩均 output, never less than that need, so that land used equals the sum of the firms'
 * land and no firm starts short of land.
 */
function shareInitialLand(p: ModelParams, s: ModelState): void {
  const f = s.firms;
  const P = p.parks.ids.length;
  const need = new Float64Array(P);
  const held = new Float64Array(P);
  for (let k = 0; k < f.count; k++) (f.stage[k] === Stage.producing ? need : held)[f.park[k]] += f.landMu[k];
  for (let park = 0; park < P; park++) {
    const input = p.initialState.parks[p.parks.ids[park]].landUsedMu - held[park];
    const scale = need[park] > 0 ? Math.max(1, input / need[park]) : 1;
    for (let k = 0; k < f.count; k++) if (f.park[k] === park && f.stage[k] === Stage.producing) f.landMu[k] *= scale;
    s.landUsedMu[park] = need[park] * scale + held[park];
  }
}

/**
 * The labour market at the start: every industry at u*, w = w_C. w*_i = w_C u*^((1-beta)/beta),
 * pi_i = beta a_i / w*_i, and the supply N_0 is the demand at w_C.
 */
function initLabour(p: ModelParams, s: ModelState): void {
  const I = p.industries.ids.length;
  const M = p.markets.ids.length;
  const uStar = p.dynamics.uStar;
  const persons = new Float64Array(M);
  s.fullEfficiency.fill(0);
  const fullPersons = new Float64Array(I);
  const f = s.firms;
  for (let k = 0; k < f.count; k++) if (f.stage[k] === Stage.producing) fullPersons[f.industry[k]] += f.potential[k] / p.industry.outputPerWorker0[f.industry[k]];
  for (let i = 0; i < I; i++) {
    const m = p.industry.market[i];
    const beta = p.industry.beta[i];
    const wStar = p.labour.wageStart[m] * pow(uStar, (1 - beta) / beta);
    s.wStar0[i] = wStar;
    s.relativeWage[i] = (beta * p.industry.outputPerWorker0[i] * 1e4) / wStar;
    const employed = fullPersons[i] * pow(uStar, 1 / beta);
    s.labourDemand[m] += s.relativeWage[i] * employed;
    persons[m] += employed;
  }
  for (let m = 0; m < M; m++) {
    s.supplyBase[m] = s.labourDemand[m];
    s.labourSupply[m] = s.labourDemand[m];
    s.efficiencyPerPerson[m] = persons[m] > 0 ? s.labourDemand[m] / persons[m] : 1;
    s.wage[m] = p.labour.wageStart[m];
    s.wageC[m] = p.labour.wageStart[m];
  }
}

/** Agent stores of a finished run that the next run may take over (they hold no results: every slot it uses is written first). */
export interface AgentBuffers {
  firms: FirmStore;
  live: IndexList;
  /** the production pass's per-firm draw buffers (scratch; allocated when absent) */
  draws?: FirmDraws;
}

/** Builds the state at the start of the history for one run (in `buffers`' stores when given; they must no longer be used by their run). */
export function initialState(p: ModelParams, projectionSeed: number, buffers?: AgentBuffers): ModelState {
  const P = p.parks.ids.length;
  const I = p.industries.ids.length;
  const T = p.tiers.ids.length;
  const K = p.kinds.ids.length;
  const C = p.competitors.ids.length;
  const M = p.markets.ids.length;
  const N = p.choice.nests.ids.length;
  const f64 = (n: number) => new Float64Array(n);
  let maxLag = 0;
  for (let i = 0; i < I; i++) maxLag = Math.max(maxLag, Math.ceil(p.industry.lagMax[i]));
  const pendingWidth = maxLag + Math.ceil(p.dynamics.approvalLag) + 2;
  const parkStock = (f: (s: ModelParams["initialState"]["parks"][string]) => number) => Float64Array.from(p.parks.ids.map((id) => f(p.initialState.parks[id])));
  const refYear = Math.max(0, p.historyQuarters / 4 - 1);
  // Room for the initial firms and as many entrants again, so the store rarely grows during the run.
  const initialFirms = p.initialState.firms.reduce((n, g) => n + Math.round(g.count), 0) + p.initialState.projects.length;
  const slots = Math.max(1024, 2 * initialFirms);
  const s: ModelState = {
    quarter: 0, projectionSeed, passes: new Passes(), firms: buffers ? buffers.firms.clear(slots) : new FirmStore(slots), live: buffers ? buffers.live.clear() : new IndexList(slots),
    queues: p.parks.ids.map(() => new IndexList(64)), payees: new IndexList(16), institutions: new InstitutionStore(),
    marketIndex: f64(I).fill(1), marketLnRing: f64(I * 4), demandGrowthLn: f64(I), healthDemand: f64(I), healthRing: f64(I * 4),
    productivity: Float64Array.from(p.industry.outputPerWorker0), wageC: f64(M),
    competitorBase: Float64Array.from(p.competitor.output0), competitorWon: f64(C * I), competitorWonAnchors: f64(C * I), competitorWonFirms: f64(C),
    competitorPending: f64(C * I * pendingWidth), competitorPendingAnchors: f64(C * I * pendingWidth), competitorPendingFirms: f64(C * I * pendingWidth), pendingWidth,
    landFreeMu: parkStock((x) => x.landFreeMu), landUsedMu: f64(P), landQueueMu: f64(P), landQueueRequests: f64(P), landReleasedMu: f64(P),
    landWaitQuarters: f64(P), infrastructure: f64(P), services: f64(P),
    infrastructureRef: p.schedule.infrastructure.slice(refYear * P, refYear * P + P), servicesRef: p.schedule.services.slice(refYear * P, refYear * P + P),
    spillover: f64(P), graduates: f64(P), institutionStartups: f64(P), parkHealthDemand: f64(P),
    supplyBase: f64(M), supplyAdded: f64(M), efficiencyPerPerson: f64(M), relativeWage: f64(I), wStar0: f64(I), wage: f64(M),
    labourDemand: f64(M), labourSupply: f64(M), wageGapLn: f64(M), fullEfficiency: f64(I), utilisation: f64(I).fill(p.dynamics.uStar),
    prevUtilisation: f64(I).fill(p.dynamics.uStar), utilRing: f64(I * 4).fill(p.dynamics.uStar), uBar: f64(I).fill(p.dynamics.uStar),
    exitQ: f64(I * T * 2), growthBase: f64(P * I),
    cellOutput: f64(P * I), cellOutputPrev: f64(P * I), cellPotential: f64(P * I), cellGrowthLn: f64(P * I), cellEmployment: f64(P * I),
    cellValueAdded: f64(P * I), cellOperating: f64(P * I), cellAnchorsActive: f64(P * I), cellAnchorsPresent: f64(P * I), cellPendingExit: f64(P * I),
    cellFlows: f64(P * I * 4), industryOutput: f64(I), industryPotential: f64(I), chainCompleteness: f64(I),
    competitorUtility: f64(C * I), competitorWeight: f64(C * I), nestSum: f64(N * I), nestPow: f64(N * I), otherNests: f64(I),
    leadUtilityTerms: f64(I * 4), choiceScratch: f64(CHOICE_SCRATCH),
    budgetLeft: 0, signedGroups: f64(T * I), signedKind: f64(K), anchorMu: 0, leads: 0, leadsLost: f64(4), incentivised: 0, deadweight: 0,
    startups: 0, institutionLeads: 0, signedTier: f64(T), voidTier: f64(T), realisedTier: f64(T), attractedKind: f64(K),
    costQuarter: f64(9), accounts: f64(4), localTaxQuarter: 0, signedInvestment: 0, realisedInvestment: 0,
    firmsPark: f64(P), firmsTier: f64(T), firmsStage: f64(8), firmsOfSize: f64(P), presentTier: f64(T), presentKind: f64(K),
    firmsEntered: 0, firmsExited: 0, voidCount: 0, lostCount: 0, clearingResidual: 0,
  };
  for (let i = 0; i < I; i++) for (let j = 0; j < 4; j++) s.marketLnRing[i * 4 + j] = ((j - 3) * p.industry.marketTrendLn[i]) / 4;
  addInitialFirms(p, s.firms);
  addProjects(p, s);
  shareInitialLand(p, s);
  for (let park = 0; park < P; park++) s.landReleasedMu[park] = s.landFreeMu[park] + s.landUsedMu[park];
  for (const g of p.initialState.institutions) {
    const kind = p.kinds.index.get(g.kind)!;
    const park = p.parks.index.get(g.park)!;
    for (let k = 0; k < Math.round(g.count); k++) s.institutions.add(kind, park, 0, -1);
  }
  const f = s.firms;
  for (let k = 0; k < f.count; k++) {
    if (f.stage[k] >= Stage.waitingLand && f.stage[k] <= Stage.producing) s.live.push(k);
    if (f.stage[k] === Stage.producing) s.firmsEntered += 1;
  }
  initLabour(p, s);
  refreshAggregates(p, s, true);
  s.cellOutputPrev.set(s.cellOutput);
  return s;
}

/** Park outputs of a state, 亿元/yr. */
export function parkOutput(p: ModelParams, s: ModelState): Float64Array {
  const I = p.industries.ids.length;
  const out = new Float64Array(p.parks.ids.length);
  for (let c = 0; c < s.cellOutput.length; c++) out[Math.floor(c / I)] += s.cellOutput[c];
  return out;
}
