/**
 * The experiment report's main-effect plots: for each outcome, one small panel per factor with
 * the mean of the outcome's point statistic in each level (or bin) of the factor and its 95%
 * interval across those points, the factors ordered by how far their main effect moves the
 * outcome. At most MAX_PANELS factors per outcome are drawn.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ExperimentResults } from "../../batch/experiment/read.js";
import { effectRange, mainEffects, type EffectPoint } from "./experiment-data.js";
import type { Figures } from "./figure.js";

/** Factors drawn per outcome, the most influential first. */
const MAX_PANELS = 12;

/** The faceted main-effect chart of one outcome. */
function effectsSpec(output: string, unit: string, binary: boolean, effects: EffectPoint[], factors: string[]): TopLevelSpec {
  return {
    title: { text: `Main effects: ${output}`, subtitle: "mean over the design points in each level or bin of a factor (95% interval across the points)" },
    data: { values: effects.filter((e) => factors.includes(e.factor)) },
    facet: { field: "factor", type: "nominal", sort: factors, title: null, header: { labelFontSize: 12 } },
    columns: 4,
    resolve: { scale: { x: "independent" } },
    spec: {
      width: 170,
      height: 110,
      layer: [
        { mark: { type: "rule", color: "#9ecae1", strokeWidth: 3 }, encoding: { x: { field: "x", type: "quantitative", scale: { zero: false }, axis: { title: null, tickCount: 4 } }, y: { field: "low", type: "quantitative" }, y2: { field: "high" } } },
        { mark: { type: "line", point: { filled: true, size: 25 }, color: "#1f77b4" }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: "mean", type: "quantitative", scale: { zero: false }, axis: { title: binary ? "probability" : unit === "none" ? "value" : unit, format: binary ? ".0%" : "~s", tickCount: 4 } } } },
      ],
    },
  } as TopLevelSpec;
}

/** The main-effects section: one chart per outcome. */
export async function effectsSection(r: ExperimentResults, figures: Figures): Promise<string> {
  const charts: string[] = [];
  for (const [i, o] of r.summary.outcomes.entries()) {
    const effects = mainEffects(r, i);
    if (effects.length === 0) continue;
    const factors = r.summary.factors.map((f) => f.name).sort((a, b) => effectRange(effects, b) - effectRange(effects, a)).slice(0, MAX_PANELS);
    charts.push(await figures.figure(effectsSpec(o.name, o.unit, o.binary, effects, factors)));
  }
  if (charts.length === 0) return "";
  const cut = r.summary.factors.length > MAX_PANELS ? ` Only the ${MAX_PANELS} factors with the largest main effects are drawn.` : "";
  return `<h2 id="effects">Main effects</h2>
<p>How each outcome moves with one factor, averaged over all the others (and over the replications at each point).${cut} A flat panel means the factor does not move the outcome on average; it may still act through interactions (compare S1 and ST).</p>
<div class="charts">${charts.join("\n")}</div>`;
}
