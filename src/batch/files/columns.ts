/**
 * The CSV contract: every column of runs.csv, yearly.csv, comparison.csv and series.csv.gz with
 * its Table Schema type, unit and meaning. The writers take their headers from here, the readers
 * check them against it, and the Data Package (datapackage.ts) describes the files from it.
 * Units: "none" for names, indices and text; probabilities are fractions in [0, 1].
 */
import { HEADLINES, HEADLINE_INFO } from "../headlines.js";

/** One CSV column. Types are Table Schema's: booleans are written 1/0, an empty field is missing. */
export interface Column {
  name: string;
  type: "string" | "integer" | "number" | "boolean";
  unit: string;
  description: string;
}

/** The unit of probabilities everywhere (fractions, never percentages). */
export const PROBABILITY_UNIT = "probability (fraction 0-1)";

const col = (name: string, type: Column["type"], unit: string, description: string): Column => ({ name, type, unit, description });

/** The header names of a column list. */
export const names = (columns: readonly Column[]): string[] => columns.map((c) => c.name);

/** runs.csv's first columns. */
const RUNS_FIRST: Column[] = [
  col("scenario", "string", "none", "the scenario's name"),
  col("run", "integer", "none", "the run's index i (0-based)"),
  col("seed", "integer", "none", "the run's seed (deriveSeed(baseSeed, i), or the i-th seed of the --seeds file)"),
  col("failed", "boolean", "none", "1 when the run failed (its other cells are empty)"),
  col("error", "string", "none", "why the run failed (empty when it did not)"),
];

/** The columns of runs.csv: the first five, one per drawn parameter, three per target, the headlines. */
export function runsColumns(parameters: readonly { column: string; path: string; description?: string }[], targets: readonly { id: string; unit: string; goal: string }[]): Column[] {
  return [
    ...RUNS_FIRST,
    ...parameters.map((p) => col(p.column, "number", "the scenario's unit of the parameter", `value drawn in this run for ${p.path}${p.description ? ` (${p.description})` : ""}`)),
    ...targets.flatMap((t) => [
      col(`${t.id}.value`, "number", t.unit, `target ${t.id}: its value in its year (goal ${t.goal})`),
      col(`${t.id}.met`, "boolean", "none", `target ${t.id}: 1 when met in its year`),
      col(`${t.id}.first_year_met`, "integer", "year", `target ${t.id}: the first year it was met (empty: not met by the horizon)`),
    ]),
    ...HEADLINES.map((h) => col(h, "number", HEADLINE_INFO[h].unit, HEADLINE_INFO[h].description)),
  ];
}

/** The quantile columns of yearly.csv. */
const QUANTILE_COLUMNS = (["p5", "p25", "p50", "p75", "p95"] as const).map((q) => col(q, "number", "as unit", `the ${q.slice(1)}th percentile over the runs (log-bucket sketch, 0.5% relative accuracy)`));

/** The columns of yearly.csv: one row per scenario, year, breakdown, label and metric. */
export const YEARLY_COLUMNS: readonly Column[] = [
  col("scenario", "string", "none", "the scenario's name"),
  col("year", "integer", "year", "the calendar year"),
  col("breakdown", "string", "none", "what the metric is broken down by (park, industry, tier, kind, lever, reason)"),
  col("label", "string", "none", "the park, industry, tier... id"),
  col("metric", "string", "none", "the metric (output, employment, valueAdded, firms, attracted, landUsed, talentSupply, fiscalCost, leadsLost); a year is the mean of its quarters for flows, the end of the year for stocks and cumulative counts, the sum for fiscal cost"),
  col("unit", "string", "none", "the unit of mean, mean_low, mean_high and the quantiles"),
  col("mean", "number", "as unit", "mean over the completed runs"),
  col("mean_low", "number", "as unit", "95% t-interval of the mean, low end (Monte Carlo error only)"),
  col("mean_high", "number", "as unit", "95% t-interval of the mean, high end"),
  ...QUANTILE_COLUMNS,
];

/** The columns of comparison.csv: one row per alternative and compared quantity. */
export const COMPARISON_COLUMNS: readonly Column[] = [
  col("alternative", "string", "none", "the alternative scenario's name"),
  col("kind", "string", "none", "target (probability met), metric (a yearly mean), headline (a per-run figure), cost (fiscal cost over the horizon), per-yi (change in probability per 亿元 of added cost)"),
  col("name", "string", "none", "the target id, metric, headline or cost name"),
  col("breakdown", "string", "none", "metric rows: what the metric is broken down by"),
  col("label", "string", "none", "metric rows: the park, industry... id"),
  col("year", "integer", "year", "target rows: the target's year; metric rows: the calendar year"),
  col("unit", "string", "none", `the unit of baseline_value, alternative_value, difference, low and high (${PROBABILITY_UNIT} for targets)`),
  col("baseline_value", "number", "as unit", "the baseline's level: probability met, or mean over the paired runs (empty for per-yi rows)"),
  col("alternative_value", "number", "as unit", "the alternative's level, as baseline_value"),
  col("difference", "number", "as unit", "alternative minus baseline over the same seeds"),
  col("low", "number", "as unit", "95% interval of the difference, low end (Newcombe for probabilities, paired t for means, delta method for per-yi)"),
  col("high", "number", "as unit", "95% interval of the difference, high end"),
];

/** The columns of series.csv.gz: each run's yearly values, long and tidy, in run order. */
export const SERIES_COLUMNS: readonly Column[] = [
  col("scenario", "string", "none", "the scenario's name"),
  col("run", "integer", "none", "the run's index i"),
  col("seed", "integer", "none", "the run's seed"),
  col("year", "integer", "year", "the calendar year"),
  col("breakdown", "string", "none", "what the metric is broken down by"),
  col("label", "string", "none", "the park, industry, tier... id"),
  col("metric", "string", "none", "the metric; its unit is the unit column of yearly.csv for the same metric and breakdown"),
  col("value", "number", "the metric's unit (yearly.csv's unit column)", "the run's value of the metric in the year (failed runs have no rows)"),
];
