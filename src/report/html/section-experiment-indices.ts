/** The experiment report's index charts: per outcome, Sobol' S1 and ST with their bootstrap intervals, or Morris mu* with its interval and sigma; most influential factor on top. */
import type { ExperimentResults } from "../../batch/experiment/read.js";
import { intervalChartSpec, type IntervalPoint } from "./chart-intervals.js";
import type { Figures } from "./figure.js";
import { escapeHtml, fmtNumber } from "./format.js";

/** indices.csv rows of one outcome as records keyed by column. */
function rowsOf(r: ExperimentResults, output: string): Record<string, number | string | null>[] {
  const t = r.indices;
  if (!t) return [];
  return t.rows.filter((row) => row[0] === output).map((row) => Object.fromEntries(t.header.map((h, i) => [h, row[i]])));
}

const num = (x: number | string | null): number => (typeof x === "number" ? x : NaN);

/** The Sobol' chart of one outcome. */
async function sobolChart(figures: Figures, output: string, rows: Record<string, number | string | null>[]): Promise<string> {
  const sorted = [...rows].sort((a, b) => (num(b.ST) || 0) - (num(a.ST) || 0));
  const items = sorted.map((x) => String(x.factor));
  const points: IntervalPoint[] = sorted.flatMap((x) =>
    (["S1", "ST"] as const).map((s) => {
      const v = num(x[s]);
      const lo = num(x[`${s}_low`]);
      const hi = num(x[`${s}_high`]);
      return { item: String(x.factor), series: s, value: v, low: Number.isNaN(lo) ? v : lo, high: Number.isNaN(hi) ? v : hi, text: fmtNumber(v, 2) };
    }),
  ).filter((p) => Number.isFinite(p.value));
  const all = points.flatMap((p) => [p.low, p.high]);
  const domain: [number, number] = [Math.min(0, ...all), Math.max(1, ...all)];
  const spec = intervalChartSpec({ title: `Sobol' indices: ${output}`, subtitle: "S1: the factor alone; ST: with its interactions (95% bootstrap intervals)", points, items, series: ["S1", "ST"], xTitle: "share of the variance across points", xFormat: ".0%", xDomain: domain, zeroRule: true });
  return figures.figure(spec);
}

/** The Morris chart of one outcome (mu* with its interval; sigma in the table below it). */
async function morrisChart(figures: Figures, output: string, rows: Record<string, number | string | null>[]): Promise<string> {
  const sorted = [...rows].sort((a, b) => (num(b.mu_star) || 0) - (num(a.mu_star) || 0));
  const items = sorted.map((x) => String(x.factor));
  const points: IntervalPoint[] = sorted
    .map((x) => ({ item: String(x.factor), series: "mu*", value: num(x.mu_star), low: num(x.mu_star_low), high: num(x.mu_star_high), text: `${fmtNumber(num(x.mu_star))} (sigma ${fmtNumber(num(x.sigma))})` }))
    .map((p) => ({ ...p, low: Number.isNaN(p.low) ? p.value : p.low, high: Number.isNaN(p.high) ? p.value : p.high }))
    .filter((p) => Number.isFinite(p.value));
  const spec = intervalChartSpec({ title: `Morris screening: ${output}`, subtitle: "mu*: mean absolute elementary effect (95% bootstrap interval); sigma: spread of the effects", points, items, series: ["mu*"], xTitle: "mu* (the outcome's unit per unit-cube step)", xFormat: ",.3~g" });
  return figures.figure(spec);
}

/** The indices section (empty for designs without an index estimator). */
export async function indicesSection(r: ExperimentResults, figures: Figures): Promise<string> {
  const method = r.summary.design.method;
  if (!r.indices || (method !== "saltelli" && method !== "morris")) return "";
  const charts: string[] = [];
  const notes: string[] = [];
  for (const o of r.summary.outcomes) {
    const rows = rowsOf(r, o.name);
    if (rows.length === 0) {
      notes.push(`<li><code>${escapeHtml(o.name)}</code>: ${escapeHtml(o.indicesNote ?? "no indices")}</li>`);
      continue;
    }
    charts.push(method === "saltelli" ? await sobolChart(figures, o.name, rows) : await morrisChart(figures, o.name, rows));
  }
  const intro =
    method === "saltelli"
      ? "Which factors drive each outcome's variation across the design: the share of its variance each factor explains alone (S1) and with its interactions (ST). indices.csv has the numbers."
      : "Which factors move each outcome at all (Morris screening): mu* ranks the factors; a factor whose mu* interval sits near 0 can be fixed. indices.csv has the numbers.";
  return `<h2 id="indices">${method === "saltelli" ? "Sensitivity: Sobol' indices" : "Screening: Morris measures"}</h2>
<p>${intro}</p>
<div class="charts">${charts.join("\n")}</div>
${notes.length ? `<ul>${notes.join("")}</ul>` : ""}`;
}
