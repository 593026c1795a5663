/**
 * The dot-and-whisker chart: one row per item (a target, a reason), a dot for the estimate and
 * a whisker for its 95% interval, one dot per series (scenario or alternative) side by side.
 * Used for target probabilities, their changes, and the change per 亿元.
 */
import type { TopLevelSpec } from "vega-lite";

/** One dot with its whisker. */
export interface IntervalPoint {
  /** the row's label (y axis) */
  item: string;
  /** the series (scenario or alternative) */
  series: string;
  value: number;
  low: number;
  high: number;
  /** the value as text, shown next to the dot */
  text: string;
}

/** What a dot-and-whisker chart draws. */
export interface IntervalChartInput {
  title: string;
  subtitle: string;
  points: IntervalPoint[];
  /** the rows in display order (top first) */
  items: string[];
  /** the series in legend order */
  series: string[];
  xTitle: string;
  /** d3 format of the x axis, e.g. ".0%" */
  xFormat: string;
  /** the x axis range; defaults to the data's */
  xDomain?: [number, number];
  /** label positive ticks with a "+" (for differences) */
  signedAxis?: boolean;
  /** draw a rule at x = 0 (for differences) */
  zeroRule?: boolean;
  /** one colour per series (defaults to SERIES_COLORS in order) */
  colors?: string[];
}

/** Series colours (Tableau 10, colour-blind friendly enough for up to a few alternatives). */
export const SERIES_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/** The Vega-Lite spec of a dot-and-whisker chart. */
export function intervalChartSpec(input: IntervalChartInput): TopLevelSpec {
  const many = input.series.length > 1;
  const rowHeight = 10 + 14 * input.series.length;
  const y = { field: "item", type: "nominal", sort: input.items, scale: { domain: input.items, paddingInner: 0.25 }, axis: { title: null, labelLimit: 360, labelFontSize: 12 } } as const;
  const x = { type: "quantitative", scale: input.xDomain ? { domain: input.xDomain, nice: false } : { zero: false, nice: true }, axis: { title: input.xTitle, format: input.xFormat, tickCount: 6, ...(input.signedAxis ? { labelExpr: "(datum.value > 0 ? '+' : '') + datum.label" } : {}) } } as const;
  const color = { field: "series", type: "nominal", scale: { domain: input.series, range: input.colors ?? SERIES_COLORS }, legend: many ? { title: null } : null } as const;
  const yOffset = many ? { yOffset: { field: "series", type: "nominal", sort: input.series, scale: { domain: input.series } } } : {};
  return {
    width: 440,
    height: rowHeight * input.items.length,
    title: { text: input.title, subtitle: input.subtitle },
    data: { values: input.points },
    layer: [
      ...(input.zeroRule ? [{ data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#555", strokeDash: [3, 3] }, encoding: { x: { ...x, field: "zero" } } }] : []),
      { mark: { type: "rule", strokeWidth: 2 }, encoding: { y, ...yOffset, x: { ...x, field: "low" }, x2: { field: "high" }, color } },
      { mark: { type: "point", filled: true, size: 50, opacity: 1 }, encoding: { y, ...yOffset, x: { ...x, field: "value" }, color } },
      // with several series each row's value is followed by its series' name, beside the row rather than only in the legend
      { ...(many ? { transform: [{ calculate: "datum.text + '  ' + datum.series", as: "label" }] } : {}), mark: { type: "text", align: "left", baseline: "middle", dx: 6, fontSize: 10, color: "#333" }, encoding: { y, ...yOffset, x: { ...x, field: "high" }, text: { field: many ? "label" : "text" } } },
    ],
  } as TopLevelSpec;
}
