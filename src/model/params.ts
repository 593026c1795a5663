/**
 * A run's parameters in the model's own layout: ids in sorted order, per-industry / per-tier /
 * per-park typed arrays, yearly schedules expanded over the run (history and projection),
 * annual rates converted exactly to quarterly ones (docs/model.md, "Time": growth
 * (1+g)^(1/4) - 1, an iid shock of annual sd s has quarterly sd s/2, an index with mean growth g
 * has log drift ln(1+g)/4 - s^2/8). Built once per run from the drawn scenario; read-only in steps.
 */
import { ln } from "../random/index.js";
import type { DrawnScenario } from "./draw.js";
import { at, expand, expandById, idIndex, quarterIndex } from "./schedule.js";
import { buildWorld } from "./params-world.js";
import { shockTable } from "./shocks.js";

type Industry = DrawnScenario["industries"][string];

/** Log drift per quarter of an index with mean growth g a year and volatility s (sd of annual log growth). */
export function logDriftQ(g: number, s: number): number {
  return ln(1 + g) / 4 - (s * s) / 8;
}

/** Builds the model parameters of one run from its drawn scenario and its history seed. */
export function buildParams(d: DrawnScenario, historySeed: number) {
  const parks = idIndex(d.parks);
  const industries = idIndex(d.industries);
  const tiers = idIndex(d.tiers);
  const kinds = idIndex(d.institutionKinds);
  const markets = idIndex(d.labourMarkets);
  const I = industries.ids.length;
  const T = tiers.ids.length;
  const firstYear = d.history.startYear;
  const years = d.horizon.endYear - firstYear + 1;
  const historyQuarters = (d.horizon.startYear - firstYear) * 4;
  const f64 = (xs: number[]) => Float64Array.from(xs);
  const ind = <T>(f: (x: Industry) => T) => industries.ids.map((id) => f(d.industries[id]));
  const tierList = tiers.ids.map((id) => d.tiers[id]);
  const kindList = kinds.ids.map((id) => d.institutionKinds[id]);
  const marketList = markets.ids.map((id) => d.labourMarkets[id]);

  // Chain matrix in sorted industry order: a[i * I + j] = share of j's local inputs from i.
  const chain = new Float64Array(I * I);
  const order = d.chain.order.map((id) => at(industries, id));
  d.chain.matrix.forEach((row, r) => row.forEach((v, c) => (chain[order[r] * I + order[c]] = v)));

  // Tier eligibility and prospect pools per (tier, industry).
  const eligible = new Uint8Array(T * I);
  const pool = new Float64Array(T * I);
  tierList.forEach((t, k) => {
    for (let i = 0; i < I; i++) eligible[k * I + i] = t.industries === undefined || t.industries.includes(industries.ids[i]) ? 1 : 0;
    for (const [id, m] of Object.entries(t.pool)) pool[k * I + at(industries, id)] = Math.round(m);
  });
  const supplierTotal = tierList.reduce((s, t) => s + (t.inducesSuppliers || t.isStartupTier ? 0 : t.supplierShare), 0);

  const dy = d.dynamics;
  const rho = dy.shockPersistence;
  const sigma = dy.shockVolatility;
  // s_eta = sigma sqrt((1 - rho^2) / (4 + 6 rho + 4 rho^2 + 2 rho^3)): the annual sum of four stationary AR(1) shocks has sd sigma.
  const sEta = sigma * Math.sqrt((1 - rho * rho) / (4 + 6 * rho + 4 * rho * rho + 2 * rho * rho * rho));
  const quarters = years * 4;
  const effortIds = { ids: [...tiers.ids, ...kinds.ids], index: new Map([...tiers.ids, ...kinds.ids].map((id, j) => [id, j])) };

  return {
    name: d.name,
    parks,
    industries,
    tiers,
    kinds,
    markets,
    /** first simulated calendar year (the history's) */
    startYear: firstYear,
    /** first calendar year of the projection */
    projectionYear: d.horizon.startYear,
    years,
    quarters,
    historyQuarters,
    /** quarter index from which anchor leads are drawn */
    anchorLeadsFromQ: quarterIndex(d.history.anchorLeadsFrom, firstYear),
    historySeed,
    industry: {
      homePark: Int32Array.from(ind((x) => at(parks, x.homePark))),
      market: Int32Array.from(ind((x) => at(markets, x.labourMarket))),
      healthService: Uint8Array.from(ind((x) => (x.healthService ? 1 : 0))),
      marketDriftQ: f64(ind((x) => logDriftQ(x.marketTrend, x.marketVolatility))),
      marketTrendLn: f64(ind((x) => ln(1 + x.marketTrend))),
      marketVolQ: f64(ind((x) => x.marketVolatility / 2)),
      nationalMarket0: f64(ind((x) => x.nationalMarket)),
      /** output per worker at full capacity at the start, 亿元 per person-year */
      outputPerWorker0: f64(ind((x) => x.outputPerWorker / 1e4)),
      productivityLnQ: f64(ind((x) => ln(1 + x.productivityTrend) / 4)),
      beta: f64(ind((x) => x.labourShare)),
      /** capacity per 亩 of land held, 亿元/yr (maximum 亩均 output / land share; Infinity without land) */
      capacityPerMu: f64(ind((x) => (x.landNeedShare > 0 ? x.maxOutputPerMu / 1e4 / x.landNeedShare : Infinity))),
      lagMin: f64(ind((x) => x.constructionLagQuarters.min)),
      lagMode: f64(ind((x) => x.constructionLagQuarters.mode)),
      lagMax: f64(ind((x) => x.constructionLagQuarters.max)),
      rampQuarters: f64(ind((x) => Math.max(1, Math.round(x.rampQuarters)))),
      exitHazard: f64(ind((x) => x.exitHazard)),
      valueAddedRatio: f64(ind((x) => x.valueAddedRatio)),
      taxRatio: f64(ind((x) => x.taxRatio)),
    },
    chain,
    tier: {
      eligible,
      pool,
      searchRateQ: f64(tierList.map((t) => t.searchRate / 4)),
      effortScale: f64(tierList.map((t) => t.effortScale)),
      investmentLnMedian: f64(tierList.map((t) => ln(t.investmentMedian))),
      investmentSdlog: f64(tierList.map((t) => t.investmentSdlog)),
      capacityMax: f64(tierList.map((t) => t.capacityMax)),
      exitHazardFactor: f64(tierList.map((t) => t.exitHazardFactor)),
      landPatience: Int32Array.from(tierList.map((t) => Math.round(t.landPatienceQuarters))),
      incentiveShare: f64(tierList.map((t) => t.incentiveShare)),
      /** 1 for anchor tiers (they induce suppliers; their leads wait for history.anchorLeadsFrom) */
      anchor: Uint8Array.from(tierList.map((t) => (t.inducesSuppliers ? 1 : 0))),
      supplierShare: f64(tierList.map((t) => (t.inducesSuppliers || t.isStartupTier || supplierTotal <= 0 ? 0 : t.supplierShare / supplierTotal))),
      isStartup: Uint8Array.from(tierList.map((t) => (t.isStartupTier ? 1 : 0))),
      startupTier: tierList.findIndex((t) => t.isStartupTier === true),
    },
    kind: {
      pool: f64(kindList.map((k) => Math.round(k.pool))),
      searchRateQ: f64(kindList.map((k) => k.searchRate / 4)),
      effortScale: f64(kindList.map((k) => k.effortScale)),
      graduatesPerYear: f64(kindList.map((k) => k.graduatesPerYear)),
      spilloverPerYear: f64(kindList.map((k) => k.spilloverPerYear)),
      startupsPerYear: f64(kindList.map((k) => k.startupsPerYear)),
      healthDemand: f64(kindList.map((k) => k.healthDemand)),
      openingLag: Int32Array.from(kindList.map((k) => Math.round(k.openingLagQuarters))),
      utilityConstant: f64(kindList.map((k) => k.utilityConstant)),
      homePark: Int32Array.from(kindList.map((k) => at(parks, k.homePark))),
    },
    labour: {
      wageStart: f64(marketList.map((m) => m.wageStart)),
      wageLnQ: f64(marketList.map((m) => ln(1 + m.wageTrend) / 4)),
      elasticity: f64(marketList.map((m) => m.supplyElasticity)),
      labourForceLnQ: f64(marketList.map((m) => ln(1 + m.labourForceTrend) / 4)),
      graduateStayShare: f64(marketList.map((m) => m.graduateStayShare)),
      housingOccupancy: f64(marketList.map((m) => m.housingOccupancy)),
      /** share of added persons leaving in a quarter: 1 - (1 - attrition)^(1/4) */
      attritionQ: f64(marketList.map((m) => 1 - Math.sqrt(Math.sqrt(1 - m.attrition)))),
    },
    dynamics: {
      uStar: dy.targetUtilisation,
      lambdaQ: dy.accelerator / 4,
      bAgg: dy.agglomerationElasticity,
      chainQ: dy.chainGrowthPremium / 4,
      deltaQ: dy.depreciation / 4,
      rho,
      sEta,
      /** stationary sd of the shock: s_eta / sqrt(1 - rho^2) */
      shockSd: sEta / Math.sqrt(1 - rho * rho),
      /** j(a), the drift correction at production age a (quarters), a = 0..quarters */
      jTable: shockTable(rho, sEta, quarters + 1),
      spilloverMax: dy.spilloverMax,
      exitUnderuse: dy.exitUnderuseSensitivity,
      youngExitFactor: dy.youngExitFactor,
      youngAge: Math.round(dy.youngAgeQuarters),
      voidShare: dy.voidShare,
      realisedRatio: dy.realisedInvestmentRatio,
      capitalTurnover: dy.capitalTurnover,
      approvalLag: dy.approvalLagQuarters,
      startupsPer10kQ: dy.startupsPerTenThousandWorkers / 4,
    },
    schedule: {
      teams: expand(d.attraction.promotionTeams, firstYear, years),
      /** [year * (T + K) + group]: raw effort weights of tiers then institution kinds */
      effort: expandById(d.attraction.effort, effortIds, firstYear, years),
      /** [year * I + industry]: raw targeting weights */
      targeting: expandById(d.attraction.targeting, industries, firstYear, years),
      chainShare: expand(d.attraction.chainTargeting, firstYear, years),
      incentiveLevel: expand(d.attraction.incentiveLevel, firstYear, years),
      incentiveBudget: expand(d.attraction.incentiveBudget, firstYear, years),
      landQuotaMu: expandById(d.factors.landQuotaMu, parks, firstYear, years),
      programmePersons: expand(d.factors.talentProgrammePersons, firstYear, years),
      housingAdded: expandById(d.factors.housingAdded, parks, firstYear, years),
      guidanceFund: expand(d.factors.guidanceFund, firstYear, years),
      infrastructure: expandById(d.factors.infrastructure, parks, firstYear, years),
      services: expandById(d.factors.services, parks, firstYear, years),
      approvalSpeed: expand(d.factors.approvalSpeed, firstYear, years),
      landCost: expand(d.factors.landCost, firstYear, years),
    },
    attraction: {
      chainEffortScale: d.attraction.chainEffortScale,
      supplierSearchesQ: d.attraction.supplierSearchesPerAnchorYear / 4,
      carryOver: d.attraction.unspentBudget === "carry-over",
      paymentQuarters: 4 * Math.max(1, Math.round(d.attraction.incentivePaymentYears)),
      clawback: d.attraction.clawback,
    },
    startupsPerFundYi: d.factors.startupsPerFundYi,
    costs: d.costs,
    reporting: d.reporting,
    ...buildWorld(d, { parks, industries, tiers, firstYear, historySeed }),
    initialState: d.initialState,
    targets: d.targets,
  };
}

/** The model parameters of one run. */
export type ModelParams = ReturnType<typeof buildParams>;
