/**
 * Targets of a run (docs/model.md, "Targets"): each target's value in its year, its value over
 * its threshold, whether it is met, and the first year it is met ("not met by the horizon" is
 * null), from the run's metric series at yearly resolution. Attraction targets count groups
 * signed from the projection's start and report the realised and present counts beside.
 */
import type { Target } from "../scenario/schema.js";
import { METRIC_INDEX, yearValue, type MetricKey, type MetricSeries } from "./metrics.js";
import type { ModelParams } from "./params.js";
import { rankOf, type ParkState } from "./rank.js";
import { describeGoal } from "./target-description.js";

/** One target's outcome in a run. */
export interface TargetOutcome {
  id: string;
  label: string;
  kind: string;
  year: number;
  /** what meeting it takes, e.g. ">= 1000 亿元/yr" */
  goal: string;
  value: number;
  /** value / threshold (rank: topN / rank; cluster order: the smallest ratio of the k-th unit to its threshold) */
  ratio: number;
  met: boolean;
  /** first calendar year the target's condition holds, or null when not met by the horizon */
  firstYearMet: number | null;
  /** attraction targets: of the groups signed, those whose construction started and those ramping or producing */
  realised?: number;
  present?: number;
}

/** Yearly view of a run's metrics, each year made of its quarters by the metric's own rule (metrics.ts). */
export class YearlyMetrics {
  constructor(private readonly series: MetricSeries[]) {}

  /** Year y's value of metric `key` for label l. */
  value(key: MetricKey, y: number, l: number): number {
    return yearValue(this.series[METRIC_INDEX[key]], y, l);
  }
}

const num = (x: unknown): number => x as number;

type Drawn<T> = T;
type DrawnTarget = Drawn<ModelParams["targets"][string]>;

/** Output of the target's scope units in year y (parks or industries), times the all-in multiplier. */
function unitOutputs(p: ModelParams, ym: YearlyMetrics, t: Extract<DrawnTarget, { kind: "output" | "cluster-order" }>, y: number): { ids: string[]; values: number[] } {
  const scale = t.measure === "all-in" ? num(t.allInMultiplier) : 1;
  const ids = t.scope === "parks" ? p.parks.ids : p.industries.ids;
  const key: MetricKey = t.scope === "parks" ? "output/park" : "output/industry";
  return { ids, values: ids.map((_, l) => ym.value(key, y, l) * scale) };
}

function parkState(ym: YearlyMetrics, park: number, y: number, initialParkOutput: Float64Array): ParkState {
  const output = ym.value("output/park", y, park);
  const prev = y > 0 ? ym.value("output/park", y - 1, park) : initialParkOutput[park];
  return { output, firms: ym.value("firms/park", y, park), growth: prev > 0 ? output / prev - 1 : 0, anchors: ym.value("anchors/park", y, park) };
}

function competitorStates(p: ModelParams, ym: YearlyMetrics, y: number): ParkState[] {
  return p.competitors.ids.map((_, c) => {
    const output = ym.value("competitorOutput/competitor", y, c);
    const prev = y > 0 ? ym.value("competitorOutput/competitor", y - 1, c) : p.competitor.output0[c];
    return { output, firms: ym.value("competitorFirms/competitor", y, c), growth: prev > 0 ? output / prev - 1 : 0, anchors: ym.value("competitorAnchors/competitor", y, c) };
  });
}

/** The target's value in year index y, its ratio to the threshold, and whether its condition holds then. */
export function targetValue(p: ModelParams, ym: YearlyMetrics, t: DrawnTarget, y: number, initialParkOutput: Float64Array): { value: number; ratio: number; met: boolean } {
  switch (t.kind) {
    case "attracted": {
      let value = 0;
      for (const g of t.groups) {
        const tier = p.tiers.index.get(g);
        if (tier !== undefined) value += ym.value("attracted/tier", y, tier);
        const kind = p.kinds.index.get(g);
        if (kind !== undefined) value += ym.value("attracted/kind", y, kind);
      }
      return { value, ratio: t.threshold > 0 ? value / t.threshold : Infinity, met: value >= t.threshold };
    }
    case "output": {
      const units = unitOutputs(p, ym, t, y);
      const names = t.scope === "parks" ? t.parks : t.industries;
      const value = names.reduce((sum, id) => sum + units.values[units.ids.indexOf(id)], 0);
      return { value, ratio: t.threshold > 0 ? value / t.threshold : Infinity, met: value >= t.threshold };
    }
    case "cluster-order": {
      const sorted = unitOutputs(p, ym, t, y).values.sort((a, b) => b - a);
      let value = 0;
      while (value < t.thresholds.length && sorted[value] >= t.thresholds[value]) value++;
      const ratio = Math.min(...t.thresholds.map((th, k) => (th > 0 ? (sorted[k] ?? 0) / th : Infinity)));
      return { value, ratio, met: value === t.thresholds.length };
    }
    case "rank": {
      const park = p.parks.index.get(t.park)!;
      const value = rankOf(p, parkState(ym, park, y, initialParkOutput), competitorStates(p, ym, y), y);
      return { value, ratio: t.topN / value, met: value <= t.topN };
    }
  }
}

/** Signed groups of an attraction target that were realised and are present at the end of year y. */
function attractionDetail(p: ModelParams, ym: YearlyMetrics, t: Extract<DrawnTarget, { kind: "attracted" }>, y: number) {
  let realised = 0;
  let present = 0;
  for (const g of t.groups) {
    const tier = p.tiers.index.get(g);
    if (tier !== undefined) {
      realised += ym.value("realised/tier", y, tier);
      present += ym.value("present/tier", y, tier);
    }
    const kind = p.kinds.index.get(g);
    if (kind !== undefined) {
      realised += ym.value("attracted/kind", y, kind);
      present += ym.value("present/kind", y, kind);
    }
  }
  return { realised, present };
}

/** Evaluates every target of the scenario on a finished run (ids in sorted order); first years are sought in the projection. */
export function evaluateTargets(p: ModelParams, series: MetricSeries[], initialParkOutput: Float64Array): TargetOutcome[] {
  const ym = new YearlyMetrics(series);
  const first = p.projectionYear - p.startYear;
  return Object.keys(p.targets).sort().map((id) => {
    const t = p.targets[id] as DrawnTarget;
    const y = t.year - p.startYear;
    const { value, ratio, met } = targetValue(p, ym, t, y, initialParkOutput);
    let firstYearMet: number | null = null;
    for (let k = first; k < p.years && firstYearMet === null; k++) if (targetValue(p, ym, t, k, initialParkOutput).met) firstYearMet = p.startYear + k;
    const extra = t.kind === "attracted" ? attractionDetail(p, ym, t, y) : {};
    return { id, label: t.label, kind: t.kind, year: t.year, goal: describeGoal(t as Target), value, ratio, met, firstYearMet, ...extra };
  });
}
