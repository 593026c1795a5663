/** The fan chart of one park's yearly output in one scenario, with its output targets as lines. */
import type { TopLevelSpec } from "vega-lite";
import type { YearlyRow } from "./inputs.js";
import type { TargetLine } from "./park-targets.js";

/** Band and line colours of the fan charts, with their legend entries. */
export const FAN_LEGEND = [
  { key: "90% of runs (p5–p95)", color: "#c6dbef" },
  { key: "middle 50% (p25–p75)", color: "#6baed6" },
  { key: "median run", color: "#08519c" },
  { key: "plan target", color: "#d62728" },
] as const;

/** What a fan chart draws. */
export interface FanChartInput {
  title: string;
  /** one line, or several */
  subtitle: string | string[];
  /** the park's output rows of one scenario (metric output, breakdown park), any order */
  rows: YearlyRow[];
  targets: TargetLine[];
  /** top of the y axis, 亿元/yr (shared by the same park's charts across scenarios) */
  yMax: number;
}

/** The Vega-Lite spec of a fan chart: p5-p95 and p25-p75 bands, the median line, target lines. */
export function fanChartSpec(input: FanChartInput): TopLevelSpec {
  const rows = [...input.rows].sort((a, b) => a.year - b.year).map((r) => ({ year: r.year, p5: r.p5, p25: r.p25, p50: r.p50, p75: r.p75, p95: r.p95 }));
  const years = rows.map((r) => r.year);
  const color = {
    scale: { domain: FAN_LEGEND.map((l) => l.key), range: FAN_LEGEND.map((l) => l.color) },
    legend: { title: null, symbolType: "square", columns: 2 },
  };
  const x = { field: "year", type: "quantitative", scale: { domain: [Math.min(...years), Math.max(...years)] as number[], nice: false }, axis: { values: years, format: "d", title: "year", grid: false } } as const;
  const y = { type: "quantitative", scale: { domain: [0, input.yMax] as number[], nice: true }, axis: { title: "output, 亿元/yr", format: ",.0f", tickCount: 6 } } as const;
  const targets = input.targets.map((t) => ({ ...t, text: `${t.year} target ≥ ${t.threshold.toLocaleString("en-US")} 亿元/yr` }));
  return {
    width: 270,
    height: 210,
    title: { text: input.title, subtitle: input.subtitle },
    layer: [
      { data: { values: rows }, mark: { type: "area", opacity: 1 }, encoding: { x, y: { ...y, field: "p5" }, y2: { field: "p95" }, color: { ...color, datum: FAN_LEGEND[0].key } } },
      { data: { values: rows }, mark: { type: "area", opacity: 1 }, encoding: { x, y: { ...y, field: "p25" }, y2: { field: "p75" }, color: { ...color, datum: FAN_LEGEND[1].key } } },
      { data: { values: rows }, mark: { type: "line", strokeWidth: 2 }, encoding: { x, y: { ...y, field: "p50" }, color: { ...color, datum: FAN_LEGEND[2].key } } },
      ...(targets.length === 0
        ? []
        : [
            { data: { values: targets }, mark: { type: "rule", strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y: { ...y, field: "threshold" }, color: { ...color, datum: FAN_LEGEND[3].key } } },
            { data: { values: targets }, mark: { type: "point", filled: true, size: 60, shape: "diamond" }, encoding: { x, y: { ...y, field: "threshold" }, color: { ...color, datum: FAN_LEGEND[3].key } } },
            { data: { values: targets }, mark: { type: "text", align: "right", baseline: "bottom", dx: -6, dy: -4, fontSize: 11, color: FAN_LEGEND[3].color }, encoding: { x, y: { ...y, field: "threshold" }, text: { field: "text" } } },
          ]),
    ],
  } as TopLevelSpec;
}
