/** The alternative-minus-baseline chart of one yearly metric (a park's output): the paired difference by year with its 95% band. */
import type { TopLevelSpec } from "vega-lite";

/** One year's difference with its interval. */
export interface DifferencePoint {
  year: number;
  difference: number;
  low: number;
  high: number;
}

/** What a difference chart draws. */
export interface DifferenceChartInput {
  title: string;
  /** one line, or several */
  subtitle: string | string[];
  points: DifferencePoint[];
  yTitle: string;
  /** the y axis range, shared by the same park's charts across alternatives */
  yDomain: [number, number];
  color: string;
}

/** Legend entries of the difference charts. */
export const DIFFERENCE_LEGEND = ["mean difference", "95% interval", "no difference"] as const;

/** The Vega-Lite spec of a difference chart: a band for the interval, a line with dots, a rule at zero. */
export function differenceChartSpec(input: DifferenceChartInput): TopLevelSpec {
  const points = [...input.points].sort((a, b) => a.year - b.year);
  const years = points.map((p) => p.year);
  const x = { field: "year", type: "quantitative", scale: { domain: [Math.min(...years), Math.max(...years)] as number[], nice: false }, axis: { values: years, format: "d", title: "year", grid: false } } as const;
  const y = { type: "quantitative", scale: { domain: [...input.yDomain] as number[], nice: true }, axis: { title: input.yTitle, format: ",.0f", tickCount: 6 } } as const;
  const color = {
    scale: { domain: [...DIFFERENCE_LEGEND], range: [input.color, `${input.color}55`, "#555"] },
    legend: { title: null, symbolType: "square", columns: 3 },
  };
  return {
    width: 270,
    height: 200,
    title: { text: input.title, subtitle: input.subtitle },
    layer: [
      { data: { values: points }, mark: { type: "area", opacity: 1 }, encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color: { ...color, datum: DIFFERENCE_LEGEND[1] } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", strokeDash: [3, 3] }, encoding: { y: { ...y, field: "zero" }, color: { ...color, datum: DIFFERENCE_LEGEND[2] } } },
      { data: { values: points }, mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 30 } }, encoding: { x, y: { ...y, field: "difference" }, color: { ...color, datum: DIFFERENCE_LEGEND[0] } } },
    ],
  } as TopLevelSpec;
}
