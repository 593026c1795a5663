/**
 * The experiment report's heat maps for a grid (or explicit) design, such as the lever grid: each
 * outcome (a target's probability, a cost) over the two factors that move the first met/not-met
 * outcome most, averaged over the other factors, with the value printed in each cell.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ExperimentResults } from "../../batch/experiment/read.js";
import { effectRange, mainEffects, twoFactorTable, type HeatCell } from "./experiment-data.js";
import type { Figures } from "./figure.js";
import { escapeHtml, fmtNumber, fmtPercent } from "./format.js";

/** Outcomes drawn at most. */
const MAX_MAPS = 10;

/** The heat map of one outcome over factors a (rows) and b (columns). */
function heatSpec(title: string, subtitle: string, cells: (HeatCell & { text: string })[], a: string, b: string, aLabels: string[], bLabels: string[], binary: boolean): TopLevelSpec {
  const enc = { x: { field: "b", type: "ordinal", sort: bLabels, title: b }, y: { field: "a", type: "ordinal", sort: [...aLabels].reverse(), title: a } } as const;
  return {
    title: { text: title, subtitle },
    data: { values: cells },
    width: Math.max(160, 44 * bLabels.length),
    height: Math.max(100, 26 * aLabels.length),
    layer: [
      { mark: "rect", encoding: { ...enc, color: { field: "mean", type: "quantitative", scale: binary ? { scheme: "blues", domain: [0, 1] } : { scheme: "oranges" }, legend: { title: null, format: binary ? ".0%" : "~s", direction: "vertical", orient: "right" } } } },
      { mark: { type: "text", fontSize: 10 }, encoding: { ...enc, text: { field: "text" }, color: { condition: { test: binary ? "datum.mean > 0.6" : "false", value: "white" }, value: "#222" } } },
    ],
  } as TopLevelSpec;
}

/** The heat-map section (grid and explicit designs with two factors or more). */
export async function gridSection(r: ExperimentResults, figures: Figures): Promise<string> {
  const s = r.summary;
  if ((s.design.method !== "grid" && s.design.method !== "explicit") || s.factors.length < 2) return "";
  const lead = Math.max(0, s.outcomes.findIndex((o) => o.binary));
  const effects = mainEffects(r, lead);
  const order = s.factors.map((f, j) => ({ j, range: effectRange(effects, f.name) })).sort((x, y) => y.range - x.range || x.j - y.j);
  const [a, b] = [order[0].j, order[1].j].sort((x, y) => x - y);
  const fa = s.factors[a].name;
  const fb = s.factors[b].name;
  const others = s.factors.filter((_, j) => j !== a && j !== b).map((f) => f.name);
  const maps: string[] = [];
  for (const [i, o] of s.outcomes.slice(0, MAX_MAPS).entries()) {
    const t = twoFactorTable(r, i, a, b);
    const cells = t.cells.map((c) => ({ ...c, text: o.binary ? fmtPercent(c.mean, 0) : fmtNumber(c.mean) }));
    const subtitle = `${o.binary ? "probability" : o.unit}${others.length ? `, averaged over ${others.join(", ")}` : ""}`;
    maps.push(await figures.figure(heatSpec(o.name, subtitle, cells, fa, fb, t.aLabels, t.bLabels, o.binary)));
  }
  return `<h2 id="grid">The grid: ${escapeHtml(fa)} against ${escapeHtml(fb)}</h2>
<p>Each outcome over the two factors that move <code>${escapeHtml(s.outcomes[lead].name)}</code> most${others.length ? `, each cell averaged over the other factors (${others.map((n) => `<code>${escapeHtml(n)}</code>`).join(", ")})` : ""}: probabilities in blue, other outcomes (such as fiscal cost) in orange. points.csv and design.csv hold every point.</p>
<div class="charts">${maps.join("\n")}</div>`;
}
