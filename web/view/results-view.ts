/**
 * The results in the planner's order: the verdict per target family, the chance of each target
 * for the base and the scenario, each park's output fans against the targets, the paired
 * difference by year, the cost and cost per point. The shared components (src/report/planner)
 * give the HTML and the chart specs; charts are rendered to SVG in the page by Vega.
 */
import type { Scenario } from "../../src/scenario/schema.js";
import { renderSvg } from "../../src/report/html/vega-svg.js";
import { chartLegendHtml, pairedDifferenceSpec, pairedFanSpec, parkTargetLines, type FanYear } from "../../src/report/planner/charts.js";
import { plannerComparison, type PlannerComparison } from "../../src/report/planner/comparison.js";
import { costSummary } from "../../src/report/planner/cost.js";
import { esc, type Lang } from "../../src/report/planner/lang.js";
import { probabilityBars } from "../../src/report/planner/probability-bars.js";
import { nameOf } from "../../src/report/planner/targets.js";
import { runsLine, verdicts } from "../../src/report/planner/verdict.js";
import type { LiveResults } from "../run/results.js";
import { words } from "../i18n.js";

/** What the results view needs besides the figures. */
export interface ResultsContext {
  base: Scenario;
  scenario: Scenario;
  changed: boolean;
  lang: Lang;
}

/** The planner's comparison of live results. */
export function toPlanner(r: LiveResults, ctx: ResultsContext): PlannerComparison {
  const [b, s] = r.summary.scenarios;
  return plannerComparison(b, s, r.comparison.alternatives[0], { horizon: ctx.base.horizon, names: ctx.base, changed: ctx.changed });
}

/** The verdict section's HTML. */
export function verdictHtml(c: PlannerComparison, lang: Lang): string {
  const vs = verdicts(c, lang);
  return `<div class="verdicts">${vs.map((v) => `<div class="verdict ${v.tone}" data-family="${v.family}"><h4>${esc(v.title)}</h4><p>${esc(v.text)}</p></div>`).join("")}</div><p class="runs-line">${esc(runsLine(c, lang))}</p>`;
}

/** Parks ordered by the base's median output in the last year, largest first. */
function parkOrder(r: LiveResults, base: Scenario): string[] {
  const last = base.horizon.endYear;
  const size = (park: string) => r.yearly.find((y) => y.scenario === r.summary.scenarios[0].name && y.metric === "output" && y.breakdown === "park" && y.label === park && y.year === last)?.p50 ?? 0;
  return Object.keys(base.parks).sort((a, b) => size(b) - size(a) || a.localeCompare(b));
}

/** A park's fan rows of one scenario. */
function fanRows(r: LiveResults, scenario: string, park: string): FanYear[] {
  return r.yearly.filter((y) => y.scenario === scenario && y.metric === "output" && y.breakdown === "park" && y.label === park).sort((a, b) => a.year - b.year);
}

/** Plot width for charts laid out in a container `width` px wide. */
export function chartWidth(width: number): { columns: number; plot: number } {
  const columns = width >= 900 ? 3 : width >= 560 ? 2 : 1;
  return { columns, plot: Math.max(180, Math.floor(width / columns) - 100) };
}

/** Renders the fans and differences of every park into the two containers; stops early when `stale()` turns true. */
export async function renderCharts(r: LiveResults, ctx: ResultsContext, fans: HTMLElement, diffs: HTMLElement, stale: () => boolean): Promise<void> {
  const { plot } = chartWidth(fans.clientWidth || 900);
  const baseName = r.summary.scenarios[0].name;
  const altName = r.summary.scenarios[1].name;
  const alt = r.comparison.alternatives[0];
  const fanSvgs: string[] = [];
  const diffSvgs: string[] = [];
  for (const [i, park] of parkOrder(r, ctx.base).entries()) {
    const title = nameOf(park, ctx.base, ctx.lang);
    const subtitle = ctx.lang === "zh-CN" ? ctx.base.parks[park]?.name : ctx.base.parks[park]?.nameZh;
    const fan = pairedFanSpec({ title, subtitle, baseName, base: fanRows(r, baseName, park), alt: fanRows(r, altName, park), targets: parkTargetLines(r.summary.scenarios[0].targets, park, ctx.lang), lang: ctx.lang, width: plot, legend: false });
    const points = alt.yearly.filter((y) => y.metric === "output" && y.breakdown === "park" && y.label === park);
    const diff = pairedDifferenceSpec({ title, subtitle, points, lang: ctx.lang, width: plot, legend: false });
    fanSvgs.push(`<figure class="chart" data-park="${esc(park)}">${await renderSvg(fan, `f${i}-`)}</figure>`);
    if (stale()) return;
    diffSvgs.push(`<figure class="chart" data-park="${esc(park)}">${await renderSvg(diff, `d${i}-`)}</figure>`);
    if (stale()) return;
  }
  fans.innerHTML = chartLegendHtml("fan", baseName, ctx.lang) + `<div class="charts">${fanSvgs.join("")}</div>`;
  diffs.innerHTML = chartLegendHtml("difference", baseName, ctx.lang) + `<div class="charts">${diffSvgs.join("")}</div>`;
}

/** The HTML sections that need no chart rendering: verdict, bars, cost. */
export function textSections(r: LiveResults, ctx: ResultsContext): { verdict: string; bars: string; cost: string } {
  const c = toPlanner(r, ctx);
  return { verdict: verdictHtml(c, ctx.lang), bars: probabilityBars(c, ctx.lang), cost: costSummary(c, ctx.lang) };
}

/** A line about failed runs, if any. */
export function failuresLine(r: LiveResults, lang: Lang): string {
  const failed = r.summary.scenarios.reduce((n, s) => n + s.failed, 0);
  return failed > 0 ? words(lang).failedRuns(failed) : "";
}
