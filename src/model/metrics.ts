/**
 * Step 9, metrics (docs/model.md, "Metrics"), declared as data in the manner of Mesa's data
 * collector: each metric has a name, a unit, what it is broken down by, how a year is made of
 * its quarters, and a reporter that fills one quarter's row from the aggregates (never from a
 * loop over the agents). A run keeps every metric as a Float64Array of quarters x labels,
 * covering the history and the projection.
 */
import type { ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { ACCOUNTS, LEVERS, LOSS_REASONS } from "./state.js";
import { METRIC_LIST } from "./metric-list.js";

/** What a metric is broken down by. */
export type Breakdown =
  | "park" | "industry" | "cell" | "tier" | "kind" | "stage" | "reason" | "lever" | "account" | "competitor" | "market" | "district" | "flow" | "cell-flow";

/** Stage names in Stage index order. */
export const STAGE_NAMES = ["void", "waiting-land", "approval", "building", "ramping", "producing", "exited", "lost-to-land"] as const;
/** Growth decomposition flows, in the order of the model's flow sums. */
export const FLOWS = ["incumbents-capacity", "incumbents-utilisation", "entrants", "exits"] as const;

/**
 * How a year is made of its quarters: mean (annualised flows, indices), end (stocks, cumulative
 * counts), sum (quarterly amounts), change (quarterly changes of an annualised flow, weighted so
 * that the year's value is the change of the year's mean: weights (4 - |j|) / 4 on the quarters
 * j = -3..3 around the year's first quarter).
 */
export type YearRule = "mean" | "end" | "sum" | "change";

/** A metric's declaration. */
export interface MetricSpec {
  name: string;
  unit: string;
  by: Breakdown;
  doc: string;
  /** cumulative since the run's start, or since the projection's start (the doc says) */
  cumulative: boolean;
  year: YearRule;
}

/** A metric's declaration with its reporter: writes the quarter's value of each label at values[offset + l]. */
export interface MetricDef extends MetricSpec {
  fill: (p: ModelParams, s: ModelState, values: Float64Array, offset: number) => void;
}

/** One metric's time series: values[q * labels.length + l]. */
export interface MetricSeries extends MetricSpec {
  labels: string[];
  values: Float64Array;
}

/** Every metric a run records, in a fixed order. */
export const METRICS = METRIC_LIST;

type KeyOf<T> = T extends { name: infer N extends string; by: infer B extends string } ? `${N}/${B}` : never;
/** Key of a metric the model records, e.g. "output/park": a misspelt key does not compile. */
export type MetricKey = KeyOf<(typeof METRICS)[number]>;

/** Labels of a breakdown in a run, in index order (scenario ids in sorted order, or the model's own names). */
export function labelsFor(p: ModelParams, by: Breakdown): string[] {
  const cells = () => p.parks.ids.flatMap((park) => p.industries.ids.map((i) => `${park}/${i}`));
  switch (by) {
    case "park": return p.parks.ids;
    case "industry": return p.industries.ids;
    case "cell": return cells();
    case "tier": return p.tiers.ids;
    case "kind": return p.kinds.ids;
    case "stage": return [...STAGE_NAMES];
    case "reason": return [...LOSS_REASONS];
    case "lever": return [...LEVERS];
    case "account": return [...ACCOUNTS];
    case "competitor": return p.competitors.ids;
    case "market": return p.markets.ids;
    case "district": return ["district"];
    case "flow": return [...FLOWS];
    case "cell-flow": return cells().flatMap((c) => FLOWS.map((f) => `${c}/${f}`));
  }
}

/** Allocates every metric's series for a run of p.quarters quarters. */
export function allocateMetrics(p: ModelParams): MetricSeries[] {
  return METRICS.map(({ fill: _fill, ...spec }) => {
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
  for (let j = 0; j < METRICS.length; j++) {
    const sr = series[j];
    (METRICS[j] as MetricDef).fill(p, s, sr.values, q * sr.labels.length);
  }
}

/** Year y's value (y = 0 for the first simulated year) of label l of a metric series, by the metric's yearly rule. */
export function yearValue(sr: MetricSeries, y: number, l: number): number {
  const L = sr.labels.length;
  if (sr.year === "end") return sr.values[(4 * y + 3) * L + l];
  if (sr.year === "change") {
    let sum = 0;
    for (let j = -3; j <= 3; j++) {
      const q = 4 * y + j;
      if (q >= 0) sum += ((4 - Math.abs(j)) / 4) * sr.values[q * L + l];
    }
    return sum;
  }
  let sum = 0;
  for (let q = 4 * y; q < 4 * y + 4; q++) sum += sr.values[q * L + l];
  return sr.year === "sum" ? sum : sum / 4;
}
