/** What every section of a report shares: the result objects, the scenario information, the chart numbering and the parks in display order. */
import { SERIES_COLORS } from "./chart-intervals.js";
import type { Figures } from "./figure.js";
import type { ReportData, YearlyRow } from "./inputs.js";
import type { ScenarioInfo } from "./scenario-info.js";

/** The shared state of one report being built. */
export interface ReportContext {
  folder: ReportData;
  info: ScenarioInfo;
  figures: Figures;
  /** park ids, largest output in the last year (first scenario) first */
  parks: string[];
  /** scenario names in summary order (the baseline first in a comparison) */
  scenarios: string[];
}

/** The colour of a scenario in every chart: its place in the scenario order picks from SERIES_COLORS. */
export function colorOf(ctx: Pick<ReportContext, "scenarios">, scenario: string): string {
  const i = ctx.scenarios.indexOf(scenario);
  return SERIES_COLORS[(i < 0 ? ctx.scenarios.length : i) % SERIES_COLORS.length];
}

/** The rows of yearly.csv for one metric and breakdown (and scenario, label when given). */
export function yearlyRows(rows: readonly YearlyRow[], metric: string, breakdown: string, scenario?: string, label?: string): YearlyRow[] {
  return rows.filter((r) => r.metric === metric && r.breakdown === breakdown && (scenario === undefined || r.scenario === scenario) && (label === undefined || r.label === label));
}

/** Park ids found in yearly.csv's output by park, ordered by the first scenario's last-year mean output, largest first. */
export function parkOrder(rows: readonly YearlyRow[], firstScenario: string): string[] {
  const output = yearlyRows(rows, "output", "park");
  const parks = [...new Set(output.map((r) => r.label))];
  const lastYear = Math.max(...output.map((r) => r.year));
  const size = (park: string) => output.find((r) => r.scenario === firstScenario && r.label === park && r.year === lastYear)?.mean ?? -Infinity;
  return parks.sort((a, b) => size(b) - size(a) || a.localeCompare(b));
}

/** Puts the baseline first and keeps the summary's order otherwise. */
export function scenarioOrder(folder: ReportData): string[] {
  const names = folder.summary.scenarios.map((s) => s.name);
  const base = folder.comparison?.baseline;
  return base ? [base, ...names.filter((n) => n !== base)] : names;
}
