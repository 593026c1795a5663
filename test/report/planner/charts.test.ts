/** The planner's chart specs: each park on its own scale, far targets named instead of squashing the fans, the paired difference around zero. */
import { describe, expect, it } from "vitest";
import { pairedDifferenceSpec, pairedFanSpec, parkTargetLines, type FanYear } from "../../../src/report/planner/charts.js";
import type { TargetInfo } from "../../../src/report/planner/targets.js";

const fan = (scale: number): FanYear[] => [2018, 2019, 2020].map((year, i) => ({ year, p5: scale * (1 + i), p25: scale * (1.5 + i), p50: scale * (2 + i), p75: scale * (2.5 + i), p95: scale * (3 + i) }));
/** The y domain and the texts of a spec's layers. */
function read(spec: ReturnType<typeof pairedFanSpec>) {
  const layers = (spec as unknown as { layer: { mark: { type: string }; encoding: { y?: { scale?: { domain: number[] } }; text?: unknown }; data: { values: { text?: string }[] } }[] }).layer;
  const domain = layers.find((l) => l.encoding.y?.scale)!.encoding.y!.scale!.domain;
  const texts = layers.filter((l) => l.mark.type === "text").flatMap((l) => l.data.values.map((v) => v.text));
  return { domain, texts, rules: layers.filter((l) => l.mark.type === "rule").length };
}

describe("fan charts per park", () => {
  it("scales each park to its own runs, so a park of 5 亿元 is as readable as one of 500", () => {
    const small = read(pairedFanSpec({ title: "small", baseName: "baseline", base: fan(1), alt: fan(1.2), targets: [], lang: "en" }));
    const large = read(pairedFanSpec({ title: "large", baseName: "baseline", base: fan(100), alt: fan(120), targets: [], lang: "en" }));
    // top of the data: 1.2 x 5 and 120 x 5, with 8% headroom
    expect(small.domain[1]).toBeCloseTo(6 * 1.08, 6);
    expect(large.domain[1]).toBeCloseTo(600 * 1.08, 6);
  });

  it("draws a target within reach of the scale as a line and names a far one at the top instead", () => {
    const near = { year: 2020, threshold: 8, text: "2020 target 8 亿元" };
    const far = { year: 2022, threshold: 1000, text: "2022 target 1,000 亿元" };
    const chart = read(pairedFanSpec({ title: "park", baseName: "baseline", base: fan(1), alt: fan(1), targets: [near, far], lang: "en" }));
    expect(chart.domain[1]).toBeCloseTo(8 * 1.08, 6);
    expect(chart.rules).toBe(1);
    expect(chart.texts).toEqual(["2020 target 8 亿元", "2022 target 1,000 亿元 ↑ above this scale"]);
  });

  it("puts in a park's chart only the output targets of that park alone", () => {
    const t = (over: Partial<TargetInfo>): TargetInfo => ({ id: "t", label: "t", kind: "output", year: 2022, threshold: 500, comparison: "at-least", ...over }) as TargetInfo;
    const lines = parkTargetLines([t({ id: "one", parks: ["a"] }), t({ id: "sum", parks: ["a", "b"] }), t({ id: "other", parks: ["b"] }), t({ id: "rank", kind: "rank", parks: ["a"] }), t({ id: "ind", parks: [], industries: ["pharma"] })], "a", "zh-CN");
    expect(lines).toEqual([{ year: 2022, threshold: 500, text: "2022年目标 500 亿元" }]);
  });
});

describe("paired difference", () => {
  it("keeps zero on the scale when every difference is positive", () => {
    const spec = pairedDifferenceSpec({ title: "d", points: [{ year: 2019, difference: 3, low: 2, high: 4 }, { year: 2018, difference: 1, low: 0.5, high: 1.5 }], lang: "en" }) as unknown as { layer: { encoding: { y: { scale?: { domain: number[] } } }; data: { values: { year?: number }[] } }[] };
    const domain = spec.layer[0].encoding.y.scale!.domain;
    expect(domain[0]).toBeLessThan(0);
    expect(domain[1]).toBeGreaterThan(4);
    expect(spec.layer[0].data.values.map((p) => p.year)).toEqual([2018, 2019]);
  });
});
