/** The leads-lost bar chart drawn: one panel per reason on its own scale, so a handful of leads is a visible bar beside thousands. */
import { describe, expect, it } from "vitest";
import { barChartSpec } from "../../../src/report/html/chart-bars.js";
import { renderSvg } from "../../../src/report/html/vega-svg.js";

/** Widths of the SVG's filled bars (rect-like paths "M0,y h w v h h -w Z" as Vega draws them), in drawing order. */
function barWidths(svg: string): number[] {
  return [...svg.matchAll(/<path[^>]*aria-roledescription="bar"[^>]*d="M([\d.]+),([\d.]+)h([\d.]+)/g)].map((m) => Number(m[3]));
}

describe("leads lost by reason", () => {
  it("draws 3 leads lost to land as wide a bar in its panel as 2,500 lost to competitors in theirs", async () => {
    const point = (item: string, series: string, value: number) => ({ item, series, value, low: value * 0.9, high: value * 1.1, text: String(value) });
    const spec = barChartSpec({
      title: "Investment leads lost by 2022, by reason",
      subtitle: "mean per run",
      points: [point("competitor", "baseline", 2500), point("competitor", "more land", 2400), point("land", "baseline", 3), point("land", "more land", 1)],
      items: ["competitor", "land"],
      series: ["baseline", "more land"],
      xTitle: "leads",
    });
    const svg = await renderSvg(spec, "t");
    const widths = barWidths(svg);
    expect(widths).toHaveLength(4);
    const [compBase, compAlt, landBase, landAlt] = widths;
    // each panel on its own scale: the largest bar of each fills most of its panel
    expect(landBase / compBase).toBeGreaterThan(0.6);
    expect(landBase / landAlt).toBeCloseTo(3, 0);
    expect(compBase / compAlt).toBeCloseTo(2500 / 2400, 1);
    // the series are named beside their bars in every panel (no legend far away)
    expect(svg.match(/>more land</g)?.length).toBe(2);
  });
});
