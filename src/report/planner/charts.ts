/**
 * The planner's two chart kinds as Vega-Lite specs (rendered to SVG by report/html/vega-svg.ts,
 * in Node for the report and in the browser for the page): a park's yearly output as fans of the
 * base and the scenario against the plan's target lines, on the park's own scale so that every
 * park is readable; and the paired difference by year with its likely range. All words are
 * passed in (either language). Browser-safe.
 */
import type { TopLevelSpec } from "vega-lite";
import { esc, num, type Lang } from "./lang.js";
import type { TargetInfo } from "./targets.js";

/** One year of a fan: quantiles of the metric over runs. */
export interface FanYear {
  year: number;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
}

/** A target line drawn in a park's chart. */
export interface ChartTarget {
  year: number;
  /** 亿元/yr */
  threshold: number;
  text: string;
}

/** The lines of a park's chart: output targets of that park alone (a target summing parks goes in no park's chart). */
export function parkTargetLines(targets: readonly TargetInfo[], park: string, lang: Lang): ChartTarget[] {
  return targets.flatMap((t) =>
    t.kind === "output" && t.parks?.length === 1 && t.parks[0] === park && !t.industries?.length && t.threshold !== null
      ? [{ year: t.year, threshold: t.threshold, text: lang === "zh-CN" ? `${t.year}年目标 ${num(t.threshold, 0)} 亿元` : `${t.year} target ${num(t.threshold, 0)} 亿元` }]
      : [],
  );
}

/** Colours of the planner's views: the base grey, the scenario blue, targets red. */
export const PLANNER_COLORS = { base: "#8c8c8c", baseBand: "#d9d9d9", alt: "#1f5fa8", altBand: "#9ecae1", altInner: "#4f8fcb", target: "#c0392b", gain: "#1a7f37", loss: "#b42318" } as const;

const LEGEND = {
  en: { base: (b: string) => `${b}: 90% of runs`, baseMedian: (b: string) => `${b}: median run`, alt: "yours: 90% of runs", altInner: "yours: middle half", altMedian: "yours: median run", target: "plan target", offScale: " ↑ above this scale", year: "year", output: "output, 亿元/yr", diff: "difference, 亿元/yr", mean: "mean difference", band: "likely range", zero: "no difference" },
  "zh-CN": { base: (b: string) => `${b}：90%的模拟`, baseMedian: (b: string) => `${b}：中位数`, alt: "您的情景：90%的模拟", altInner: "您的情景：中间一半", altMedian: "您的情景：中位数", target: "规划目标", offScale: "（高于图中刻度）", year: "年份", output: "产值（亿元/年）", diff: "差值（亿元/年）", mean: "平均差值", band: "可能范围", zero: "无差异" },
} as const;

const years = (rows: readonly { year: number }[]) => rows.map((r) => r.year);

/** What a paired fan chart draws. */
export interface PairedFanInput {
  title: string;
  subtitle?: string;
  baseName: string;
  base: readonly FanYear[];
  alt: readonly FanYear[];
  targets: readonly ChartTarget[];
  lang: Lang;
  /** plot width, px (the page fits it to the screen) */
  width?: number;
  /** draw the legend under the chart (default); the page draws one HTML legend for all charts instead */
  legend?: boolean;
}

/** A target far above every run (more than 1.6 times the top of the fans) is named at the top of the chart instead of squashing the park's fans. */
const OFF_SCALE = 1.6;

/** An axis format that shows distinct ticks for the span (one decimal below 8 units). */
const axisFormat = (span: number) => (span < 8 ? ",.1f" : ",.0f");

/** A park's output by year: the base's 90% band and median (grey), the scenario's 90% and middle-half bands and median (blue), target lines (red). */
export function pairedFanSpec(input: PairedFanInput): TopLevelSpec {
  const w = LEGEND[input.lang];
  const ys = years(input.alt.length ? input.alt : input.base);
  const dataTop = Math.max(1, ...[...input.base, ...input.alt].map((r) => r.p95 ?? 0));
  const onScale = input.targets.filter((t) => t.threshold <= OFF_SCALE * dataTop);
  const offScale = input.targets.filter((t) => t.threshold > OFF_SCALE * dataTop);
  const top = Math.max(dataTop, ...onScale.map((t) => t.threshold));
  const keys = [w.base(input.baseName), w.baseMedian(input.baseName), w.alt, w.altInner, w.altMedian, w.target];
  const range = [PLANNER_COLORS.baseBand, PLANNER_COLORS.base, PLANNER_COLORS.altBand, PLANNER_COLORS.altInner, PLANNER_COLORS.alt, PLANNER_COLORS.target];
  const legend = input.legend === false ? null : { title: null, orient: "bottom", columns: 2, symbolType: "square", labelLimit: 220 };
  const color = { scale: { domain: keys, range }, legend };
  const x = { field: "year", type: "quantitative", scale: { domain: [Math.min(...ys), Math.max(...ys)] as number[], nice: false }, axis: { values: ys, format: "d", title: null, grid: false } } as const;
  const y = { type: "quantitative", scale: { domain: [0, top * 1.08] as number[], nice: true, zero: true }, axis: { title: w.output, format: axisFormat(top), tickCount: 5 } } as const;
  const band = (rows: readonly FanYear[], lo: keyof FanYear, hi: keyof FanYear, key: string, opacity: number) => ({
    data: { values: rows.filter((r) => r[lo] !== null && r[hi] !== null) }, mark: { type: "area", opacity }, encoding: { x, y: { ...y, field: lo }, y2: { field: hi }, color: { ...color, datum: key } },
  });
  const line = (rows: readonly FanYear[], key: string, dash: number[]) => ({
    data: { values: rows.filter((r) => r.p50 !== null) }, mark: { type: "line", strokeWidth: 2, strokeDash: dash, point: { filled: true, size: 20 } }, encoding: { x, y: { ...y, field: "p50" }, color: { ...color, datum: key } },
  });
  const targets = onScale.map((t) => ({ ...t }));
  const above = offScale.map((t, i) => ({ ...t, text: `${t.text}${w.offScale}`, row: i }));
  return {
    width: input.width ?? 300,
    height: 190,
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    layer: [
      band(input.base, "p5", "p95", keys[0], 0.7),
      band(input.alt, "p5", "p95", keys[2], 0.55),
      band(input.alt, "p25", "p75", keys[3], 0.55),
      line(input.base, keys[1], [5, 3]),
      line(input.alt, keys[4], []),
      ...(targets.length
        ? [
            { data: { values: targets }, mark: { type: "rule", strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y: { ...y, field: "threshold" }, color: { ...color, datum: w.target } } },
            { data: { values: targets }, mark: { type: "point", shape: "diamond", filled: true, size: 70 }, encoding: { x, y: { ...y, field: "threshold" }, color: { ...color, datum: w.target } } },
            { data: { values: targets }, mark: { type: "text", align: "left", baseline: "bottom", dx: 4, dy: -4, fontSize: 11, color: PLANNER_COLORS.target }, encoding: { x: { value: 4 }, y: { ...y, field: "threshold" }, text: { field: "text" } } },
          ]
        : []),
      ...above.map((t) => ({ data: { values: [t] }, mark: { type: "text", align: "left", baseline: "top", fontSize: 11, color: PLANNER_COLORS.target }, encoding: { x: { value: 4 }, y: { value: 2 + 14 * t.row }, text: { field: "text" } } })),
    ],
  } as TopLevelSpec;
}

/** The legend of the planner's charts as HTML (the page shows one for all parks). */
export function chartLegendHtml(kind: "fan" | "difference", baseName: string, lang: Lang): string {
  const w = LEGEND[lang];
  const items: [string, string, string][] =
    kind === "fan"
      ? [[w.base(baseName), PLANNER_COLORS.baseBand, "band"], [w.baseMedian(baseName), PLANNER_COLORS.base, "dash"], [w.alt, PLANNER_COLORS.altBand, "band"], [w.altInner, PLANNER_COLORS.altInner, "band"], [w.altMedian, PLANNER_COLORS.alt, "line"], [w.target, PLANNER_COLORS.target, "dash"]]
      : [[w.mean, PLANNER_COLORS.alt, "line"], [w.band, PLANNER_COLORS.altBand, "band"], [w.zero, "#555", "dash"]];
  const key = (color: string, style: string) =>
    style === "band" ? `<i class="cl-key" style="background:${color}"></i>` : `<i class="cl-key ${style}" style="border-color:${color}"></i>`;
  return `<div class="chart-legend">${items.map(([text, color, style]) => `<span>${key(color, style)}${esc(text)}</span>`).join("")}</div>`;
}

/** One year's paired difference with its likely range. */
export interface DifferenceYear {
  year: number;
  difference: number;
  low: number;
  high: number;
}

/** What a paired-difference chart draws. */
export interface PairedDifferenceInput {
  title: string;
  subtitle?: string;
  points: readonly DifferenceYear[];
  lang: Lang;
  width?: number;
  /** draw the legend under the chart (default) */
  legend?: boolean;
}

/** The scenario minus the base by year: a band for the likely range, the mean difference, a rule at zero. */
export function pairedDifferenceSpec(input: PairedDifferenceInput): TopLevelSpec {
  const w = LEGEND[input.lang];
  const pts = [...input.points].sort((a, b) => a.year - b.year);
  const ys = years(pts);
  const lo = Math.min(0, ...pts.map((p) => p.low));
  const hi = Math.max(0, ...pts.map((p) => p.high));
  const pad = (hi - lo) * 0.08 || 1;
  const keys = [w.mean, w.band, w.zero];
  const color = { scale: { domain: keys, range: [PLANNER_COLORS.alt, PLANNER_COLORS.altBand, "#555"] }, legend: input.legend === false ? null : { title: null, orient: "bottom", columns: 3, symbolType: "square" } };
  const x = { field: "year", type: "quantitative", scale: { domain: [Math.min(...ys), Math.max(...ys)] as number[], nice: false }, axis: { values: ys, format: "d", title: null, grid: false } } as const;
  const y = { type: "quantitative", scale: { domain: [lo - pad, hi + pad] as number[], nice: true }, axis: { title: w.diff, format: axisFormat(hi - lo), tickCount: 5, labelExpr: "(datum.value > 0 ? '+' : '') + datum.label" } } as const;
  return {
    width: input.width ?? 300,
    height: 160,
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    layer: [
      { data: { values: pts }, mark: { type: "area", opacity: 0.7 }, encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color: { ...color, datum: w.band } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", strokeDash: [3, 3] }, encoding: { y: { ...y, field: "zero" }, color: { ...color, datum: w.zero } } },
      { data: { values: pts }, mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 24 } }, encoding: { x, y: { ...y, field: "difference" }, color: { ...color, datum: w.mean } } },
    ],
  } as TopLevelSpec;
}
