/**
 * Observed statistics of a run for calibration: a metric of one label (a park, an industry) as a
 * yearly mean or an end-of-quarter value, its level or its growth on the year before.
 */
import { isMetricKey, METRIC_INDEX } from "../model/metrics.js";
import type { RunResult } from "../model/run.js";

/** One observation that a calibration run must reproduce (from the scenario's calibration section). */
export interface Observation {
  label: string;
  /** metric key as in METRICS, e.g. "output/park" */
  metric: string;
  /** the label of the metric's breakdown, e.g. "medical-city" */
  of: string;
  year: number;
  /** 1-4: the value at the end of that quarter; absent: the mean over the year */
  quarter?: number;
  /** "level" (default) or "growth" on the previous year (same aggregation) */
  measure?: "level" | "growth";
  min?: number;
  max?: number;
}

function valueAt(r: RunResult, o: Observation, year: number): number {
  const key = o.metric.includes("/") ? o.metric : `${o.metric}/park`;
  if (!isMetricKey(key)) throw new Error(`unknown metric "${o.metric}"`);
  const index = METRIC_INDEX[key];
  const m = r.metrics[index];
  const l = m.labels.indexOf(o.of);
  if (l < 0) throw new Error(`metric "${key}" has no label "${o.of}" (has ${m.labels.join(", ")})`);
  const y = year - r.startYear;
  if (y < 0 || y >= r.years) throw new Error(`year ${year} is outside the run's horizon`);
  const L = m.labels.length;
  if (o.quarter !== undefined) return m.values[(4 * y + o.quarter - 1) * L + l];
  let sum = 0;
  for (let q = 4 * y; q < 4 * y + 4; q++) sum += m.values[q * L + l];
  return sum / 4;
}

/** The run's value of an observed statistic. */
export function observe(r: RunResult, o: Observation): number {
  const level = valueAt(r, o, o.year);
  if ((o.measure ?? "level") === "level") return level;
  const before = valueAt(r, o, o.year - 1);
  return before > 0 ? level / before - 1 : Infinity;
}

/** Whether a value lies within the observation's [min, max]. */
export function withinObservation(o: Observation, value: number): boolean {
  return (o.min === undefined || value >= o.min) && (o.max === undefined || value <= o.max);
}
