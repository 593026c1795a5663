/**
 * The list of metrics (docs/model.md, "Metrics"): name, unit, breakdown, meaning, yearly rule
 * and reporter, in the order runs record them. Reporters read the quarter's aggregates only.
 */
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import type { Breakdown, MetricDef, YearRule } from "./metrics.js";
import { Account } from "./state.js";
import { competitorIndustryOutput } from "./world.js";

type Fill = MetricDef["fill"];

/** Declares a metric, keeping its name and breakdown as literal types (for MetricKey). */
function m<N extends string, B extends Breakdown>(name: N, unit: string, by: B, doc: string, year: YearRule, fill: Fill, cumulative = false) {
  return { name, unit, by, doc, year, fill, cumulative } satisfies MetricDef;
}

const from = (get: (s: ModelState) => ArrayLike<number>): Fill => (_p, s, v, o) => {
  const a = get(s);
  for (let l = 0; l < a.length; l++) v[o + l] = a[l];
};
const one = (get: (p: ModelParams, s: ModelState) => number): Fill => (p, s, v, o) => void (v[o] = get(p, s));
/** Sums a per-cell array over industries (by park) or over parks (by industry). */
const byPark = (get: (s: ModelState) => Float64Array): Fill => (p, s, v, o) => {
  const I = p.industries.ids.length;
  const a = get(s);
  for (let park = 0; park < p.parks.ids.length; park++) {
    let sum = 0;
    for (let i = 0; i < I; i++) sum += a[park * I + i];
    v[o + park] = sum;
  }
};
const byIndustry = (get: (s: ModelState) => Float64Array): Fill => (p, s, v, o) => {
  const I = p.industries.ids.length;
  const a = get(s);
  for (let i = 0; i < I; i++) v[o + i] = 0;
  for (let c = 0; c < a.length; c++) v[o + (c % I)] += a[c];
};
const perLandMu = (factor: (p: ModelParams, i: number) => number): Fill => (p, s, v, o) => {
  const I = p.industries.ids.length;
  for (let park = 0; park < p.parks.ids.length; park++) {
    let sum = 0;
    for (let i = 0; i < I; i++) sum += s.cellOutput[park * I + i] * factor(p, i);
    v[o + park] = s.landUsedMu[park] > 0 ? (sum * 1e4) / s.landUsedMu[park] : 0;
  }
};

/** Every metric a run records. */
export const METRIC_LIST = [
  m("output", "亿元/yr", "park", "operating revenue (营业收入) of ramping and producing firms, annualised from the quarter", "mean", byPark((s) => s.cellOutput)),
  m("output", "亿元/yr", "industry", "operating revenue by industry, annualised", "mean", byIndustry((s) => s.cellOutput)),
  m("output", "亿元/yr", "cell", "operating revenue by park and industry, annualised", "mean", from((s) => s.cellOutput)),
  m("potentialOutput", "亿元/yr", "park", "capacity x ramp of ramping and producing firms (output at full utilisation)", "mean", byPark((s) => s.cellPotential)),
  m("potentialOutput", "亿元/yr", "industry", "potential output by industry", "mean", byIndustry((s) => s.cellPotential)),
  m("employment", "persons", "park", "workers employed by the park's firms", "mean", byPark((s) => s.cellEmployment)),
  m("employment", "persons", "industry", "workers employed by the industry's firms", "mean", byIndustry((s) => s.cellEmployment)),
  m("valueAdded", "亿元/yr", "park", "output x the industry's value-added ratio", "mean", byPark((s) => s.cellValueAdded)),
  m("localTax", "亿元/yr", "park", "output x tax ratio x the district's local share", "mean", (p, s, v, o) => {
    const I = p.industries.ids.length;
    for (let park = 0; park < p.parks.ids.length; park++) {
      let sum = 0;
      for (let i = 0; i < I; i++) sum += s.cellOutput[park * I + i] * p.industry.taxRatio[i];
      v[o + park] = sum * p.costs.localTaxShare;
    }
  }),
  m("firms", "firms", "park", "firms present: signed, not void, exited or lost (waiting for land, in approval, building, ramping, producing)", "end", from((s) => s.firmsPark)),
  m("firms", "firms", "tier", "firms present by tier", "end", from((s) => s.firmsTier)),
  m("firms", "firms", "stage", "firm agents by stage (void, exited and lost-to-land cumulative since the start)", "end", from((s) => s.firmsStage)),
  m("firmsOfSize", "firms", "park", "ramping or producing firms with output at least reporting.firmOfSizeOutput (规模以上)", "end", from((s) => s.firmsOfSize)),
  m("attracted", "groups", "tier", "groups signed since the projection's start (void signings included), by tier", "end", from((s) => s.signedTier), true),
  m("attracted", "institutions", "kind", "institutions signed since the projection's start, by kind", "end", from((s) => s.attractedKind), true),
  m("void", "groups", "tier", "signings since the projection's start that were paper only", "end", from((s) => s.voidTier), true),
  m("realised", "groups", "tier", "signings since the projection's start whose construction started", "end", from((s) => s.realisedTier), true),
  m("present", "groups", "tier", "signings since the projection's start ramping or producing now", "end", from((s) => s.presentTier)),
  m("present", "institutions", "kind", "institutions signed since the projection's start and open now", "end", from((s) => s.presentKind)),
  m("landUsed", "亩", "park", "land held by firms", "end", from((s) => s.landUsedMu)),
  m("landFree", "亩", "park", "serviced land released and not in use", "end", from((s) => s.landFreeMu)),
  m("landQueue", "亩", "park", "land requested by projects and expansions waiting in the park's queue", "end", from((s) => s.landQueueMu)),
  m("landQueueRequests", "requests", "park", "requests waiting in the park's land queue", "end", from((s) => s.landQueueRequests)),
  m("landWait", "request-quarters", "park", "quarters waited in the land queue, summed over requests since the start", "end", from((s) => s.landWaitQuarters), true),
  m("revenuePerMu", "万元/亩/yr", "park", "output per 亩 of land in use (亩均 revenue)", "mean", perLandMu(() => 1)),
  m("taxPerMu", "万元/亩/yr", "park", "local tax per 亩 of land in use (亩均 tax)", "mean", perLandMu((p, i) => p.industry.taxRatio[i] * p.costs.localTaxShare)),
  m("wage", "万元/efficiency unit-yr", "market", "the market's clearing wage w", "mean", from((s) => s.wage)),
  m("wageRatio", "ratio", "market", "w / w_C, the clearing wage against the metropolitan wage", "mean", (_p, s, v, o) => {
    for (let l = 0; l < s.wage.length; l++) v[o + l] = s.wage[l] / s.wageC[l];
  }),
  m("labourSupply", "efficiency units", "market", "labour supplied at the clearing wage", "mean", from((s) => s.labourSupply)),
  m("labourDemand", "efficiency units", "market", "labour demanded at the clearing wage", "mean", from((s) => s.labourDemand)),
  m("utilisation", "share", "industry", "utilisation u of the industry's potential output", "mean", from((s) => s.utilisation)),
  m("nationalShare", "share", "industry", "district output / the national market (flagged above reporting.nationalShareFlag)", "mean", (p, s, v, o) => {
    for (let i = 0; i < s.industryOutput.length; i++) v[o + i] = s.industryOutput[i] / (p.industry.nationalMarket0[i] * s.marketIndex[i]);
  }),
  m("signedInvestment", "亿元", "district", "investment signed since the start (void signings included)", "end", one((_p, s) => s.signedInvestment), true),
  m("realisedInvestment", "亿元", "district", "investment spent since the start by projects signed in the run (those of signedInvestment)", "end", one((_p, s) => s.realisedInvestment), true),
  m("fiscalCost", "亿元", "lever", "fiscal cost of each lever in the quarter (a year: the sum of its quarters)", "sum", from((s) => s.costQuarter)),
  m("incentives", "亿元", "account", "incentives committed since the projection's start: committed, paid, cancelled (cumulative) and outstanding (a stock)", "end", (_p, s, v, o) => {
    v[o + Account.committed] = s.accounts[Account.committed];
    v[o + Account.paid] = s.accounts[Account.paid];
    v[o + Account.cancelled] = s.accounts[Account.cancelled];
    v[o + Account.outstanding] = s.accounts[Account.committed] - s.accounts[Account.paid] - s.accounts[Account.cancelled];
  }, true),
  m("netCost", "亿元", "district", "fiscal cost of the levers less the local tax in the quarter (a year: the sum)", "sum", one((_p, s) => {
    let cost = 0;
    for (let l = 0; l < s.costQuarter.length; l++) cost += s.costQuarter[l];
    return cost - s.localTaxQuarter;
  })),
  m("leads", "leads", "district", "firm leads generated since the start", "end", one((_p, s) => s.leads), true),
  m("leadsLost", "leads", "reason", "firm leads lost since the start, by reason", "end", from((s) => s.leadsLost), true),
  m("incentivised", "signings", "district", "signings that received an incentive, since the start", "end", one((_p, s) => s.incentivised), true),
  m("deadweight", "signings", "district", "incentivised signings that would have come without it, since the start", "end", one((_p, s) => s.deadweight), true),
  m("startups", "firms", "district", "local start-ups formed since the start", "end", one((_p, s) => s.startups), true),
  m("outputChange", "亿元/yr", "flow", "change of district output on the quarter: incumbents' capacity, their utilisation, entrants, exits (a year: the change of the year's mean)", "change", (_p, s, v, o) => {
    for (let f = 0; f < 4; f++) v[o + f] = 0;
    for (let c = 0; c < s.cellOutput.length; c++) for (let f = 0; f < 4; f++) v[o + f] += s.cellFlows[c * 4 + f];
  }),
  m("outputChange", "亿元/yr", "cell-flow", "the growth decomposition per park and industry", "change", from((s) => s.cellFlows)),
  m("marketIndex", "index", "industry", "national market index (start = 1)", "end", from((s) => s.marketIndex)),
  m("chainCompleteness", "share", "industry", "chain completeness in [0, 1]", "mean", from((s) => s.chainCompleteness)),
  m("competitorOutput", "亿元/yr", "competitor", "competitor park output: its base path plus the capacity of district leads it won", "mean", (p, s, v, o) => {
    for (let c = 0; c < s.competitorBase.length; c++) {
      let sum = 0;
      for (let i = 0; i < p.industries.ids.length; i++) sum += competitorIndustryOutput(p, s, c, i);
      v[o + c] = sum + s.competitorBase[c] * (1 - industryShareTotal(p, c));
    }
  }),
  m("competitorFirms", "firms", "competitor", "competitor firms: the start's, grown with its base output, plus district leads won", "end", (p, s, v, o) => {
    for (let c = 0; c < s.competitorBase.length; c++) v[o + c] = (p.competitor.firms0[c] * s.competitorBase[c]) / p.competitor.output0[c] + s.competitorWonFirms[c];
  }),
  m("competitorAnchors", "groups", "competitor", "anchor groups at the competitor: the start's plus those won", "end", (p, s, v, o) => {
    const I = p.industries.ids.length;
    for (let c = 0; c < s.competitorBase.length; c++) {
      let won = 0;
      for (let i = 0; i < I; i++) won += s.competitorWonAnchors[c * I + i];
      v[o + c] = p.competitor.anchors0[c] + won;
    }
  }),
  m("anchors", "groups", "park", "anchor groups present: ramping or producing anchor-tier firms", "end", byPark((s) => s.cellAnchorsPresent)),
  m("anchorMu", "signings", "district", "expected anchor signings summed while only known events sign anchors (before history.anchorLeadsFrom)", "end", one((_p, s) => s.anchorMu), true),
] as const;

/** Sum of competitor c's industry shares (the rest of its base output is outside the model's industries). */
function industryShareTotal(p: ModelParams, c: number): number {
  const I = p.industries.ids.length;
  let sum = 0;
  for (let i = 0; i < I; i++) sum += p.competitor.share[c * I + i];
  return sum;
}
