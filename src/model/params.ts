/**
 * A run's parameters in the model's own layout: ids in sorted order, per-industry / per-tier /
 * per-park typed arrays, yearly schedules expanded over the horizon, annual rates converted to
 * quarterly ones. Built once per run from the drawn scenario; read-only during the steps.
 */
import { ln } from "../random/index.js";
import type { DrawnScenario } from "./draw.js";

/** Sorted ids of one kind of entity, with a reverse index. */
export interface IdIndex {
  ids: string[];
  index: Map<string, number>;
}

function idIndex(rec: Record<string, unknown>): IdIndex {
  const ids = Object.keys(rec).sort();
  return { ids, index: new Map(ids.map((id, i) => [id, i])) };
}

function at(ix: IdIndex, id: string): number {
  const i = ix.index.get(id);
  if (i === undefined) throw new Error(`unknown id "${id}"`);
  return i;
}

/** The value of a yearly schedule in `year`: the entry of the latest key <= year. */
export function scheduleValue(schedule: Record<string, number>, year: number): number {
  let best = -Infinity;
  let value = 0;
  for (const [k, v] of Object.entries(schedule)) {
    const y = Number(k);
    if (y <= year && y > best) {
      best = y;
      value = v;
    }
  }
  return value;
}

/** Expands a schedule over `years` calendar years from `startYear`. */
function expand(schedule: Record<string, number>, startYear: number, years: number): Float64Array {
  const out = new Float64Array(years);
  for (let y = 0; y < years; y++) out[y] = scheduleValue(schedule, startYear + y);
  return out;
}

/** Expands a per-park schedule to a [year * P + park] array. */
function expandByPark(rec: Record<string, Record<string, number>>, parks: IdIndex, startYear: number, years: number): Float64Array {
  const P = parks.ids.length;
  const out = new Float64Array(years * P);
  parks.ids.forEach((id, p) => {
    const s = expand(rec[id], startYear, years);
    for (let y = 0; y < years; y++) out[y * P + p] = s[y];
  });
  return out;
}

const perIndustry = <T>(d: DrawnScenario, ix: IdIndex, f: (x: DrawnScenario["industries"][string]) => T) =>
  ix.ids.map((id) => f(d.industries[id]));

/** Builds the model parameters of one run from its drawn scenario. */
export function buildParams(d: DrawnScenario) {
  const parks = idIndex(d.parks);
  const industries = idIndex(d.industries);
  const tiers = idIndex(d.tiers);
  const kinds = idIndex(d.institutionKinds);
  const competitors = idIndex(d.competitors);
  const I = industries.ids.length;
  const C = competitors.ids.length;
  const startYear = d.horizon.startYear;
  const years = d.horizon.endYear - startYear + 1;
  const f64 = (xs: number[]) => Float64Array.from(xs);
  const ind = <T>(f: (x: DrawnScenario["industries"][string]) => T) => perIndustry(d, industries, f);

  // Chain matrix in sorted industry order: a[i * I + j] = share of j's local inputs from i.
  const chain = new Float64Array(I * I);
  const order = d.chain.order.map((id) => at(industries, id));
  d.chain.matrix.forEach((row, r) => row.forEach((v, c) => (chain[order[r] * I + order[c]] = v)));

  const tierList = tiers.ids.map((id) => d.tiers[id]);
  const kindList = kinds.ids.map((id) => d.institutionKinds[id]);
  const compList = competitors.ids.map((id) => d.competitors[id]);
  const compShare = new Float64Array(C * I);
  const compAnchor = new Float64Array(C * I);
  compList.forEach((c, k) => {
    for (const [id, s] of Object.entries(c.industryShare)) compShare[k * I + at(industries, id)] = s;
    for (const id of c.anchorIndustries) compAnchor[k * I + at(industries, id)] = 1;
  });
  const targetingTotal = industries.ids.reduce((s, id) => s + (d.attraction.targeting[id] ?? 0), 0);
  const leadShareTotal = tierList.reduce((s, t) => s + t.leadShare, 0);

  return {
    name: d.name,
    parks,
    industries,
    tiers,
    kinds,
    competitors,
    startYear,
    years,
    quarters: years * 4,
    industry: {
      homePark: Int32Array.from(ind((x) => at(parks, x.homePark))),
      /** ln(1 + trend) per quarter */
      trendLnQ: f64(ind((x) => ln(1 + x.marketTrend) / 4)),
      /** sd of ln growth per quarter (annual sd / 2) */
      volatilityQ: f64(ind((x) => x.marketVolatility / 2)),
      nationalMarket0: f64(ind((x) => x.nationalMarket)),
      maxShare: f64(ind((x) => x.maxDistrictShare)),
      outputPerWorkerWan: f64(ind((x) => x.outputPerWorker)),
      maxOutputPerMuWan: f64(ind((x) => x.maxOutputPerMu)),
      landNeedShare: f64(ind((x) => x.landNeedShare)),
      lagMin: f64(ind((x) => x.constructionLagQuarters.min)),
      lagMode: f64(ind((x) => x.constructionLagQuarters.mode)),
      lagMax: f64(ind((x) => x.constructionLagQuarters.max)),
      rampQuarters: f64(ind((x) => Math.max(1, Math.round(x.rampQuarters)))),
      exitHazard: f64(ind((x) => x.exitHazard)),
      valueAddedRatio: f64(ind((x) => x.valueAddedRatio)),
      taxRatio: f64(ind((x) => x.taxRatio)),
      /** promotion targeting weight, normalised to sum 1 */
      targeting: f64(industries.ids.map((id) => (targetingTotal > 0 ? (d.attraction.targeting[id] ?? 0) / targetingTotal : 0))),
    },
    chain,
    tier: {
      investmentLnMedian: f64(tierList.map((t) => ln(t.investmentMedian))),
      investmentSdlog: f64(tierList.map((t) => t.investmentSdlog)),
      capacityMax: f64(tierList.map((t) => t.capacityMax)),
      exitHazardFactor: f64(tierList.map((t) => t.exitHazardFactor)),
      landPatience: Int32Array.from(tierList.map((t) => Math.round(t.landPatienceQuarters))),
      incentiveShare: f64(tierList.map((t) => t.incentiveShare)),
      inducesSuppliers: Uint8Array.from(tierList.map((t) => (t.inducesSuppliers ? 1 : 0))),
      /** share of promotion leads, normalised to sum 1 */
      leadShare: f64(tierList.map((t) => (leadShareTotal > 0 ? t.leadShare / leadShareTotal : 0))),
      isStartup: Uint8Array.from(tierList.map((t) => (t.isStartupTier ? 1 : 0))),
    },
    kind: {
      graduatesPerYear: f64(kindList.map((k) => k.graduatesPerYear)),
      spilloverPerYear: f64(kindList.map((k) => k.spilloverPerYear)),
      startupsPerYear: f64(kindList.map((k) => k.startupsPerYear)),
      healthDemand: f64(kindList.map((k) => k.healthDemand)),
      leadsPerTeamQuarter: f64(kindList.map((k) => k.leadsPerTeamQuarter)),
      openingLag: Int32Array.from(kindList.map((k) => Math.round(k.openingLagQuarters))),
      utilityConstant: f64(kindList.map((k) => k.utilityConstant)),
      homePark: Int32Array.from(kindList.map((k) => at(parks, k.homePark))),
    },
    competitor: {
      output0: f64(compList.map((c) => c.output)),
      trendLnQ: f64(compList.map((c) => ln(1 + c.growth) / 4)),
      volatilityQ: f64(compList.map((c) => c.volatility / 2)),
      share: compShare,
      anchor: compAnchor,
      chainCompleteness: f64(compList.map((c) => c.chainCompleteness)),
      talentSlack: f64(compList.map((c) => c.talentSlack)),
      landReadiness: f64(compList.map((c) => c.landReadiness)),
      infrastructure: f64(compList.map((c) => c.infrastructure)),
      services: f64(compList.map((c) => c.services)),
      incentiveShare: f64(compList.map((c) => c.incentiveShare)),
      landCost: f64(compList.map((c) => c.landCost)),
      firms0: f64(compList.map((c) => c.firms)),
    },
    dynamics: {
      ...d.dynamics,
      shockVolatilityQ: d.dynamics.shockVolatility / 2,
      youngAgeQuarters: Math.round(d.dynamics.youngAgeQuarters),
    },
    schedule: {
      teams: expand(d.attraction.promotionTeams, startYear, years),
      incentiveLevel: expand(d.attraction.incentiveLevel, startYear, years),
      incentiveBudget: expand(d.attraction.incentiveBudget, startYear, years),
      chainTargeting: expand(d.attraction.chainTargeting, startYear, years),
      landQuotaMu: expandByPark(d.factors.landQuotaMu, parks, startYear, years),
      talentMigration: expandByPark(d.factors.talentMigration, parks, startYear, years),
      housingAdded: expandByPark(d.factors.housingAdded, parks, startYear, years),
      infrastructure: expandByPark(d.factors.infrastructure, parks, startYear, years),
      services: expandByPark(d.factors.services, parks, startYear, years),
      programmePersons: expand(d.factors.talentProgrammePersons, startYear, years),
      guidanceFund: expand(d.factors.guidanceFund, startYear, years),
      approvalSpeed: expand(d.factors.approvalSpeed, startYear, years),
      landCost: expand(d.factors.landCost, startYear, years),
    },
    attraction: {
      leadsPerTeamQuarter: d.attraction.leadsPerTeamQuarter,
      carryOver: d.attraction.unspentBudget === "carry-over",
      paymentYears: Math.max(1, Math.round(d.attraction.incentivePaymentYears)),
      supplierLeadsPerAnchorQuarter: d.attraction.supplierLeadsPerAnchorQuarter,
    },
    factors: {
      startupsPerFundYi: d.factors.startupsPerFundYi,
      startupsPerTenThousandTalent: d.factors.startupsPerTenThousandTalent,
    },
    costs: d.costs,
    choice: d.choice,
    initialState: d.initialState,
    targets: d.targets,
  };
}

/** The model parameters of one run. */
export type ModelParams = ReturnType<typeof buildParams>;
