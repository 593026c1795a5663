import { describe, expect, it } from "vitest";
import {
  distributionIssues,
  distributionMean,
  distributionSupport,
  drawDistribution,
  drawParameter,
  isDistributionSpec,
  type DistributionSpec,
} from "../../src/random/distribution.js";
import { parameterStream, runStream } from "../../src/random/streams.js";
import type { Distribution } from "../../src/scenario/schema-number.js";
import { moments, sample, range } from "./helpers.js";

// Compile-time check that the scenario schema's parsed type and DistributionSpec are interchangeable.
const toSpec = (d: Distribution): DistributionSpec => d;
const toSchema = (d: DistributionSpec): Distribution => d;
void toSpec;
void toSchema;

const SPECS: DistributionSpec[] = [
  { dist: "uniform", min: -1, max: 3 },
  { dist: "normal", mean: 2, sd: 0.5 },
  { dist: "normal", mean: 0.05, sd: 0.04, min: 0 },
  { dist: "normal", mean: 1, sd: 2, min: -0.5, max: 1.5 },
  { dist: "lognormal", meanlog: 0.1, sdlog: 0.4 },
  { dist: "lognormal", meanlog: 0, sdlog: 1, max: 2 },
  { dist: "lognormal", meanlog: 0, sdlog: 1, min: 0.8, max: 5 },
  { dist: "triangular", min: 0, mode: 1, max: 4 },
  { dist: "beta", alpha: 2, beta: 3 },
  { dist: "beta", alpha: 0.7, beta: 1.3, min: 10, max: 20 },
  { dist: "choice", values: [1, 2, 5] },
  { dist: "choice", values: [1, 2, 5], weights: [0.5, 0, 0.5] },
];

describe("drawDistribution", () => {
  it("draws within the static support with the analytic mean (5 standard errors)", () => {
    const n = 40_000;
    SPECS.forEach((spec, i) => {
      const s = runStream(31, `spec${i}`);
      const xs = sample(n, () => drawDistribution(spec, s));
      const [lo, hi] = distributionSupport(spec);
      expect(range(xs)[0], JSON.stringify(spec)).toBeGreaterThanOrEqual(lo);
      expect(range(xs)[1], JSON.stringify(spec)).toBeLessThanOrEqual(hi);
      const m = moments(xs);
      expect(Math.abs(m.mean - distributionMean(spec)), JSON.stringify(spec)).toBeLessThan(5 * m.seMean);
    });
  });

  it("only draws listed choice values with positive weight", () => {
    const s = runStream(1, "c");
    for (let i = 0; i < 1000; i++) expect([1, 5]).toContain(drawDistribution(SPECS[11], s));
  });

  it("rejects invalid specs with RangeError", () => {
    const s = runStream(1, "bad");
    const bad: DistributionSpec[] = [
      { dist: "uniform", min: 2, max: 1 },
      { dist: "normal", mean: 0, sd: -1 },
      { dist: "lognormal", meanlog: 0, sdlog: 1, max: 0 },
      { dist: "triangular", min: 0, mode: 5, max: 4 },
      { dist: "beta", alpha: 0, beta: 1 },
      { dist: "choice", values: [] },
      { dist: "choice", values: [1, 2], weights: [0, 0] },
      { dist: "choice", values: [1, 2], weights: [1] },
      { dist: "normal", mean: NaN, sd: 1 },
    ];
    for (const spec of bad) {
      expect(distributionIssues(spec).length, JSON.stringify(spec)).toBeGreaterThan(0);
      expect(() => drawDistribution(spec, s)).toThrow(RangeError);
    }
    for (const spec of SPECS) expect(distributionIssues(spec)).toEqual([]);
  });
});

describe("drawParameter", () => {
  it("returns plain numbers unchanged and draws distributions from the path's stream", () => {
    expect(drawParameter(5, "$.a", 3.25)).toBe(3.25);
    const spec = SPECS[2];
    expect(drawParameter(5, "$.a", spec)).toBe(drawDistribution(spec, parameterStream(5, "$.a")));
    expect(drawParameter(5, "$.a", spec)).not.toBe(drawParameter(6, "$.a", spec));
  });
});

describe("distributionSupport and distributionMean", () => {
  it("give the static support", () => {
    expect(SPECS.map(distributionSupport)).toEqual([
      [-1, 3],
      [-Infinity, Infinity],
      [0, Infinity],
      [-0.5, 1.5],
      [0, Infinity],
      [0, 2],
      [0.8, 5],
      [0, 4],
      [0, 1],
      [10, 20],
      [1, 5],
      [1, 5],
    ]);
    expect(distributionSupport({ dist: "lognormal", meanlog: 0, sdlog: 1, min: -3 })).toEqual([0, Infinity]);
  });

  it("give exact means for the closed-form cases", () => {
    expect(distributionMean(SPECS[0])).toBe(1);
    expect(distributionMean(SPECS[1])).toBe(2);
    expect(distributionMean(SPECS[4])).toBeCloseTo(Math.exp(0.1 + 0.08), 14);
    expect(distributionMean(SPECS[7])).toBeCloseTo(5 / 3, 14);
    expect(distributionMean(SPECS[8])).toBeCloseTo(0.4, 14);
    expect(distributionMean(SPECS[9])).toBeCloseTo(13.5, 14);
    expect(distributionMean(SPECS[10])).toBeCloseTo(8 / 3, 14);
    expect(distributionMean(SPECS[11])).toBe(3);
    // Half-normal: mean + sd·sqrt(2/π) when truncated at the mean.
    expect(distributionMean({ dist: "normal", mean: 1, sd: 2, min: 1 })).toBeCloseTo(1 + 2 * Math.sqrt(2 / Math.PI), 13);
    // A truncation far in the tail still gives a finite mean inside the bounds.
    const far = distributionMean({ dist: "normal", mean: 0, sd: 1, min: 20, max: 21 });
    expect(far).toBeGreaterThan(20);
    expect(far).toBeLessThan(20.06);
  });
});

describe("isDistributionSpec", () => {
  it("recognises specs and rejects other values", () => {
    expect(SPECS.every(isDistributionSpec)).toBe(true);
    for (const v of [3, null, undefined, "normal", { dist: "gamma" }, { mean: 1 }]) expect(isDistributionSpec(v)).toBe(false);
  });
});
