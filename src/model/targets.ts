/**
 * Targets of a run (MODEL.md "Targets"): each target's value in its year, whether it is met, and
 * the first year it is met ("not met by the horizon" is null). Evaluated from the run's metric
 * series at yearly resolution: a year's output is the mean of its four annualised quarters (the
 * sum of its quarterly revenues); counts are taken at the end of the year.
 */
import { log1p } from "../random/index.js";
import { METRIC_INDEX, yearValue, type MetricKey, type MetricSeries } from "./metrics.js";
import type { ModelParams } from "./params.js";

/** One target's outcome in a run. */
export interface TargetOutcome {
  id: string;
  label: string;
  kind: string;
  year: number;
  /** what meeting it takes, e.g. ">= 1000 亿元/yr" */
  goal: string;
  value: number;
  met: boolean;
  /** first calendar year the target's condition holds, or null when not met by the horizon */
  firstYearMet: number | null;
}

type Target = ModelParams["targets"][string];

/** Yearly view of a run's metrics, each year made of its quarters by the metric's own rule (metrics.ts). */
export class YearlyMetrics {
  constructor(private readonly series: MetricSeries[]) {}

  /** Year y's value of metric `key` for label l (output: the mean of the annualised quarters; counts: the year's end). */
  value(key: MetricKey, y: number, l: number): number {
    return yearValue(this.series[METRIC_INDEX[key]], y, l);
  }
}

function attracted(p: ModelParams, ym: YearlyMetrics, t: Extract<Target, { kind: "attracted" }>, y: number): number {
  let n = 0;
  for (const g of t.groups) {
    const tier = p.tiers.index.get(g);
    if (tier !== undefined) n += ym.value("attracted/tier", y, tier);
    const kind = p.kinds.index.get(g);
    if (kind !== undefined) n += ym.value("attracted/kind", y, kind);
  }
  return n;
}

function parkOutputs(p: ModelParams, ym: YearlyMetrics, y: number): number[] {
  return p.parks.ids.map((_, k) => ym.value("output/park", y, k));
}

/** Rank (1 = first) of the target's park on the composite index among the park and its field. */
function rank(p: ModelParams, ym: YearlyMetrics, t: Extract<Target, { kind: "rank" }>, y: number, initialParkOutput: Float64Array): number {
  const w = t.weights;
  const index = (output: number, prevOutput: number, firms: number, anchors: number) =>
    w.output * log1p(output) + w.firms * log1p(firms) + w.growth * (prevOutput > 0 ? output / prevOutput - 1 : 0) + w.anchors * anchors;
  const park = p.parks.index.get(t.park)!;
  const out = ym.value("output/park", y, park);
  const prev = y > 0 ? ym.value("output/park", y - 1, park) : initialParkOutput[park];
  const own = index(out, prev, ym.value("firms/park", y, park), ym.value("anchors/park", y, park));
  const field = t.field === "all" ? p.competitors.ids : t.field;
  let better = 0;
  for (const id of field) {
    const c = p.competitors.index.get(id)!;
    const cOut = ym.value("competitorOutput/competitor", y, c);
    const cPrev = y > 0 ? ym.value("competitorOutput/competitor", y - 1, c) : p.competitor.output0[c];
    let anchors = 0;
    for (let i = 0; i < p.industries.ids.length; i++) anchors += p.competitor.anchor[c * p.industries.ids.length + i];
    const firms = (p.competitor.firms0[c] * cOut) / p.competitor.output0[c];
    if (index(cOut, cPrev, firms, anchors) > own) better += 1;
  }
  return 1 + better;
}

/** The target's value in year index y and whether its condition holds then. */
export function targetValue(p: ModelParams, ym: YearlyMetrics, t: Target, y: number, initialParkOutput: Float64Array): { value: number; met: boolean } {
  switch (t.kind) {
    case "attracted": {
      const value = attracted(p, ym, t, y);
      return { value, met: value >= t.threshold };
    }
    case "output": {
      const value = t.parks.reduce((sum, id) => sum + ym.value("output/park", y, p.parks.index.get(id)!), 0);
      return { value, met: value >= t.threshold };
    }
    case "cluster-order": {
      const sorted = parkOutputs(p, ym, y).sort((a, b) => b - a);
      let value = 0;
      while (value < t.thresholds.length && sorted[value] >= t.thresholds[value]) value++;
      return { value, met: value === t.thresholds.length };
    }
    case "rank": {
      const value = rank(p, ym, t, y, initialParkOutput);
      return { value, met: value <= t.topN };
    }
  }
}

/** What meeting target t takes, in words. */
export function describeGoal(t: Target): string {
  switch (t.kind) {
    case "attracted": return `>= ${t.threshold} signed`;
    case "output": return `>= ${t.threshold} 亿元/yr`;
    case "cluster-order": return `parks >= ${t.thresholds.join(", ")} 亿元/yr (${t.thresholds.length} of ${t.thresholds.length})`;
    case "rank": return `rank <= ${t.topN}`;
  }
}

/** Evaluates every target of the scenario on a finished run (ids in sorted order). */
export function evaluateTargets(p: ModelParams, series: MetricSeries[], initialParkOutput: Float64Array): TargetOutcome[] {
  const ym = new YearlyMetrics(series);
  return Object.keys(p.targets).sort().map((id) => {
    const t = p.targets[id];
    const y = t.year - p.startYear;
    const { value, met } = targetValue(p, ym, t, y, initialParkOutput);
    let firstYearMet: number | null = null;
    for (let k = 0; k < p.years && firstYearMet === null; k++) if (targetValue(p, ym, t, k, initialParkOutput).met) firstYearMet = p.startYear + k;
    return { id, label: t.label, kind: t.kind, year: t.year, goal: describeGoal(t), value, met, firstYearMet };
  });
}
