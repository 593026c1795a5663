/** A horizontal bar chart of means with 95% error bars, one panel per item on its own scale, the series named beside their bars (leads lost by reason). */
import type { TopLevelSpec } from "vega-lite";
import { SERIES_COLORS, type IntervalPoint } from "./chart-intervals.js";

/** What a bar chart draws: one bar per item and series, the value a mean, low-high its interval. */
export interface BarChartInput {
  title: string;
  subtitle: string;
  points: IntervalPoint[];
  items: string[];
  series: string[];
  xTitle: string;
  /** one colour per series (defaults to SERIES_COLORS in order) */
  colors?: string[];
}

/**
 * The Vega-Lite spec of a bar chart with error bars and the value printed at each bar's end: one
 * panel per item, each on its own scale (so that 3 leads lost to land show beside 2,500 lost to
 * competitors), the series named beside their bars.
 */
export function barChartSpec(input: BarChartInput): TopLevelSpec {
  const y = { field: "series", type: "nominal", sort: input.series, scale: { domain: input.series, paddingInner: 0.25 }, axis: { title: null, labelLimit: 200 } } as const;
  const x = { type: "quantitative", scale: { zero: true, nice: true }, axis: { title: null, format: ",.0f", tickCount: 4 } } as const;
  const color = { field: "series", type: "nominal", scale: { domain: input.series, range: input.colors ?? SERIES_COLORS }, legend: null } as const;
  return {
    title: { text: input.title, subtitle: [input.subtitle, `each reason on its own scale · x: ${input.xTitle}`] },
    data: { values: input.points },
    facet: { row: { field: "item", type: "nominal", sort: input.items, header: { title: null, labelAngle: 0, labelOrient: "top", labelAnchor: "start", labelFontSize: 12, labelFontWeight: "bold", labelPadding: 4 } } },
    spec: {
      width: 400,
      height: 8 + 18 * input.series.length,
      layer: [
        { mark: { type: "bar", opacity: 0.85 }, encoding: { y, x: { ...x, field: "value" }, color } },
        { mark: { type: "rule", color: "#222", strokeWidth: 1.5 }, encoding: { y, x: { ...x, field: "low" }, x2: { field: "high" } } },
        { mark: { type: "text", align: "left", baseline: "middle", dx: 6, fontSize: 11, color: "#222" }, encoding: { y, x: { ...x, field: "high" }, text: { field: "text" } } },
      ],
    },
    resolve: { scale: { x: "independent" } },
    spacing: 26,
  } as TopLevelSpec;
}
