/** Yearly views of a run's quarterly metric series, each year made of its quarters by the metric's own rule. */
import { METRIC_INDEX, yearValue, type MetricKey } from "./metrics.js";
import type { RunResult } from "./run.js";

/** Yearly values of a metric per label, by the metric's yearly rule (mean of quarters for output, 亿元/yr): [label][year]. */
export function yearlyMeans(result: RunResult, key: MetricKey): { labels: string[]; values: number[][] } {
  const sr = result.metrics[METRIC_INDEX[key]];
  return { labels: sr.labels, values: sr.labels.map((_, l) => Array.from({ length: result.years }, (_, y) => yearValue(sr, y, l))) };
}
