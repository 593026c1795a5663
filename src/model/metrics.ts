/**
 * Step 8, metrics (MODEL.md "One quarter" 8), declared as data in the manner of Mesa's data
 * collector: each metric has a name, a unit, what it is broken down by, and a reporter that fills
 * one quarter's row. A run keeps every metric as a Float64Array of quarters x labels.
 */
import type { ModelParams } from "./params.js";
import { LEVERS, LOSS_REASONS, Stage, type ModelState } from "./state.js";
import { employment } from "./labour.js";

/** What a metric is broken down by. */
export type Breakdown = "park" | "industry" | "tier" | "kind" | "stage" | "reason" | "lever" | "competitor" | "district" | "flow";

/** Stage names in Stage index order. */
export const STAGE_NAMES = ["waiting-land", "building", "ramping", "producing", "exited", "lost-to-land"] as const;
/** Growth decomposition flows. */
export const FLOWS = ["incumbents", "entrants", "exits"] as const;

/** A metric's declaration. */
export interface MetricSpec {
  name: string;
  unit: string;
  by: Breakdown;
  doc: string;
  /** cumulative since the start (true) or a value of the quarter (false) */
  cumulative: boolean;
  /** how a year is made of its quarters: mean (annualised flows, indices), end (stocks, cumulative counts), sum (quarterly amounts) */
  year: "mean" | "end" | "sum";
}

/** One metric's time series: values[q * labels.length + l]. */
export interface MetricSeries extends MetricSpec {
  labels: string[];
  values: Float64Array;
}

/** Declares a metric, keeping its name and breakdown as literal types (for MetricKey). */
function m<N extends string, B extends Breakdown>(name: N, unit: string, by: B, doc: string, cumulative = false, year: MetricSpec["year"] = cumulative ? "end" : "mean") {
  return { name, unit, by, doc, cumulative, year } satisfies MetricSpec;
}

/** Every metric a run records, in a fixed order. */
export const METRICS = [
  m("output", "亿元/yr", "park", "annual operating revenue of ramping and producing firms, annualised from the quarter"),
  m("output", "亿元/yr", "industry", "annual operating revenue by industry, annualised from the quarter"),
  m("employment", "persons", "park", "workers employed by the park's firms"),
  m("employment", "persons", "industry", "workers employed by the industry's firms"),
  m("valueAdded", "亿元/yr", "park", "output x the industry's value-added ratio"),
  m("localTax", "亿元/yr", "park", "output x the industry's local tax ratio"),
  m("firms", "firms", "park", "firms present: signed and not exited or abandoned (waiting for land, building, ramping, producing)", false, "end"),
  m("firms", "firms", "tier", "firms present by tier", false, "end"),
  m("firms", "firms", "stage", "firm agents by stage (exited and lost-to-land are cumulative)", false, "end"),
  m("attracted", "groups", "tier", "distinct groups newly signed since the start, by tier", true),
  m("attracted", "institutions", "kind", "institutions newly signed since the start, by kind", true),
  m("landUsed", "亩", "park", "land held by firms", false, "end"),
  m("landFree", "亩", "park", "serviced land released and not in use", false, "end"),
  m("revenuePerMu", "万元/亩/yr", "park", "output per 亩 of land in use (亩均 revenue)"),
  m("taxPerMu", "万元/亩/yr", "park", "local tax per 亩 of land in use (亩均 tax)"),
  m("talentSupply", "persons", "park", "talent pool", false, "end"),
  m("talentDemand", "persons", "park", "workers that potential output would need"),
  m("signedInvestment", "亿元", "district", "investment signed since the start", true),
  m("realisedInvestment", "亿元", "district", "investment actually spent since the start", true),
  m("fiscalCost", "亿元", "lever", "fiscal cost of each lever in the quarter (a year: the sum of its quarters)", false, "sum"),
  m("leads", "leads", "district", "firm leads generated since the start", true),
  m("leadsLost", "leads", "reason", "firm leads lost since the start, by reason", true),
  m("incentivised", "signings", "district", "signings that received an incentive", true),
  m("deadweight", "signings", "district", "incentivised signings that would have come without it", true),
  m("startups", "firms", "district", "local start-ups formed since the start", true),
  m("outputChange", "亿元/yr", "flow", "change of district output on the quarter: incumbents, entrants, exits (a year: the sum of its quarters)", false, "sum"),
  m("marketIndex", "index", "industry", "national market index (start = 1)", false, "end"),
  m("chainCompleteness", "share", "industry", "chain completeness in [0, 1]"),
  m("competitorOutput", "亿元/yr", "competitor", "competitor park output"),
  m("anchors", "firms", "park", "producing firms of supplier-inducing tiers (anchors)", false, "end"),
] as const satisfies readonly MetricSpec[];

type KeyOf<T> = T extends { name: infer N extends string; by: infer B extends string } ? `${N}/${B}` : never;
/** Key of a metric the model records, e.g. "output/park": a misspelt key does not compile. */
export type MetricKey = KeyOf<(typeof METRICS)[number]>;

/** Labels of a breakdown in a run, in index order (scenario ids in sorted order, or the model's own names). */
export function labelsFor(p: ModelParams, by: Breakdown): string[] {
  switch (by) {
    case "park": return p.parks.ids;
    case "industry": return p.industries.ids;
    case "tier": return p.tiers.ids;
    case "kind": return p.kinds.ids;
    case "stage": return [...STAGE_NAMES];
    case "reason": return [...LOSS_REASONS];
    case "lever": return [...LEVERS];
    case "competitor": return p.competitors.ids;
    case "district": return ["district"];
    case "flow": return [...FLOWS];
  }
}

/** Allocates every metric's series for a run of p.quarters quarters. */
export function allocateMetrics(p: ModelParams): MetricSeries[] {
  return METRICS.map((spec) => {
    const labels = labelsFor(p, spec.by);
    return { ...spec, labels, values: new Float64Array(p.quarters * labels.length) };
  });
}

/** Key of a metric: name and breakdown, e.g. "output/park". */
export const metricKey = (spec: { name: string; by: Breakdown }): string => `${spec.name}/${spec.by}`;

/** Index of each metric in METRICS, by metricKey. */
export const METRIC_INDEX = Object.fromEntries(METRICS.map((spec, j) => [metricKey(spec), j])) as Record<MetricKey, number>;

/** Whether `key` names a metric the model records (for keys read from files). */
export function isMetricKey(key: string): key is MetricKey {
  return Object.hasOwn(METRIC_INDEX, key);
}

/** Records quarter s.quarter into the series (same order as METRICS). */
export function recordMetrics(p: ModelParams, s: ModelState, series: MetricSeries[]): void {
  const q = s.quarter;
  const P = p.parks.ids.length;
  const I = p.industries.ids.length;
  const row = (key: MetricKey) => {
    const sr = series[METRIC_INDEX[key]];
    return sr.values.subarray(q * sr.labels.length, (q + 1) * sr.labels.length);
  };
  const previous = (key: MetricKey) => (q > 0 ? series[METRIC_INDEX[key]].values[q - 1] : 0);
  const [outP, outI, empP, empI, vaP, taxP, firmsP, firmsT, firmsS] = ([
    "output/park", "output/industry", "employment/park", "employment/industry", "valueAdded/park",
    "localTax/park", "firms/park", "firms/tier", "firms/stage",
  ] as const).map(row);
  const f = s.firms;
  const flows = row("outputChange/flow");
  for (let k = 0; k < f.count; k++) {
    const stage = f.stage[k];
    firmsS[stage] += 1;
    const out = f.output[k];
    const prev = f.prevOutput[k];
    if (stage === Stage.exited || stage === Stage.lostToLand) {
      if (prev > 0 && out === 0) flows[2] -= prev;
      continue;
    }
    const park = f.park[k];
    const i = f.industry[k];
    firmsP[park] += 1;
    firmsT[f.tier[k]] += 1;
    if (out === 0 && prev === 0) continue;
    if (prev === 0) flows[1] += out;
    else flows[0] += out - prev;
    outP[park] += out;
    outI[i] += out;
    const e = employment(p, s, k);
    empP[park] += e;
    empI[i] += e;
    vaP[park] += out * p.industry.valueAddedRatio[i];
    taxP[park] += out * p.industry.taxRatio[i];
  }
  row("attracted/tier").set(s.attractedTier);
  row("attracted/kind").set(s.attractedKind);
  row("landUsed/park").set(s.landUsedMu);
  row("landFree/park").set(s.landFreeMu);
  const revMu = row("revenuePerMu/park");
  const taxMu = row("taxPerMu/park");
  for (let k = 0; k < P; k++) {
    revMu[k] = s.landUsedMu[k] > 0 ? (outP[k] * 1e4) / s.landUsedMu[k] : 0;
    taxMu[k] = s.landUsedMu[k] > 0 ? (taxP[k] * 1e4) / s.landUsedMu[k] : 0;
  }
  row("talentSupply/park").set(s.talentPool);
  row("talentDemand/park").set(s.talentDemand);
  row("signedInvestment/district")[0] = previous("signedInvestment/district") + s.signedInvestmentQuarter;
  row("realisedInvestment/district")[0] = previous("realisedInvestment/district") + s.realisedInvestmentQuarter;
  row("fiscalCost/lever").set(s.costQuarter);
  row("leads/district")[0] = s.leads;
  row("leadsLost/reason").set(s.leadsLost);
  row("incentivised/district")[0] = s.incentivised;
  row("deadweight/district")[0] = s.deadweight;
  row("startups/district")[0] = s.startups;
  row("marketIndex/industry").set(s.marketIndex);
  row("chainCompleteness/industry").set(s.chainCompleteness);
  row("competitorOutput/competitor").set(s.competitorOutput);
  const anchors = row("anchors/park");
  for (let c = 0; c < P * I; c++) anchors[Math.floor(c / I)] += s.parkIndustryAnchors[c];
}

/** Year y's value (y = 0 for the first year) of label l of a metric series, by the metric's yearly rule. */
export function yearValue(sr: MetricSeries, y: number, l: number): number {
  const L = sr.labels.length;
  if (sr.year === "end") return sr.values[(4 * y + 3) * L + l];
  let sum = 0;
  for (let q = 4 * y; q < 4 * y + 4; q++) sum += sr.values[q * L + l];
  return sr.year === "sum" ? sum : sum / 4;
}
