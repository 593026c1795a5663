/** A horizontal bar chart of means with 95% error bars, bars of each series side by side (leads lost by reason). */
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

/** The Vega-Lite spec of a bar chart with error bars and the value printed at each bar's end. */
export function barChartSpec(input: BarChartInput): TopLevelSpec {
  const many = input.series.length > 1;
  const y = { field: "item", type: "nominal", sort: input.items, scale: { domain: input.items, paddingInner: 0.3 }, axis: { title: null, labelLimit: 260 } } as const;
  const x = { type: "quantitative", scale: { zero: true, nice: true }, axis: { title: input.xTitle, format: ",.0f", tickCount: 6 } } as const;
  const color = { field: "series", type: "nominal", scale: { domain: input.series, range: input.colors ?? SERIES_COLORS }, legend: many ? { title: null } : null } as const;
  const yOffset = many ? { yOffset: { field: "series", type: "nominal", sort: input.series, scale: { domain: input.series } } } : {};
  return {
    width: 440,
    height: (12 + 18 * input.series.length) * input.items.length,
    title: { text: input.title, subtitle: input.subtitle },
    data: { values: input.points },
    layer: [
      { mark: { type: "bar", opacity: 0.85 }, encoding: { y, ...yOffset, x: { ...x, field: "value" }, color } },
      { mark: { type: "rule", color: "#222", strokeWidth: 1.5 }, encoding: { y, ...yOffset, x: { ...x, field: "low" }, x2: { field: "high" } } },
      { mark: { type: "text", align: "left", baseline: "middle", dx: 6, fontSize: 11, color: "#222" }, encoding: { y, ...yOffset, x: { ...x, field: "high" }, text: { field: "text" } } },
    ],
  } as TopLevelSpec;
}
