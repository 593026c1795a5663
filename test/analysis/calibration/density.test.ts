import { describe, expect, it } from "vitest";
import { distributionDensity, distributionLogDensity } from "../../../src/random/density.js";
import { distributionSupport, type DistributionSpec } from "../../../src/random/distribution.js";
import { distributionQuantile } from "../../../src/random/quantile.js";

const CONTINUOUS: DistributionSpec[] = [
  { dist: "uniform", min: -1, max: 3 },
  { dist: "normal", mean: 2, sd: 0.5 },
  { dist: "normal", mean: 0.05, sd: 0.04, min: 0 },
  { dist: "normal", mean: 1, sd: 2, min: -0.5, max: 1.5 },
  { dist: "lognormal", meanlog: 0.1, sdlog: 0.4 },
  { dist: "lognormal", meanlog: 0, sdlog: 1, max: 2 },
  { dist: "lognormal", meanlog: 0, sdlog: 1, min: 0.8, max: 5 },
  { dist: "triangular", min: 0, mode: 1, max: 4 },
  { dist: "beta", alpha: 2, beta: 3 },
  { dist: "beta", alpha: 1.7, beta: 1.3, min: 10, max: 20 },
];

/** Integral of the density between the 0.0001 and 0.9999 quantiles (Simpson, 20,000 panels). */
function integral(spec: DistributionSpec, from: number, to: number): number {
  const n = 20_000;
  const h = (to - from) / n;
  let s = distributionDensity(spec, from) + distributionDensity(spec, to);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * distributionDensity(spec, from + i * h);
  return (s * h) / 3;
}

describe("distributionLogDensity", () => {
  it("integrates to the probability between two quantiles for every continuous kind", () => {
    for (const spec of CONTINUOUS) {
      const a = distributionQuantile(spec, 0.0001);
      const b = distributionQuantile(spec, 0.9999);
      expect(integral(spec, a, b), JSON.stringify(spec)).toBeCloseTo(0.9998, 5);
      const m1 = distributionQuantile(spec, 0.3);
      const m2 = distributionQuantile(spec, 0.8);
      expect(integral(spec, m1, m2), JSON.stringify(spec)).toBeCloseTo(0.5, 5);
    }
  });

  it("is the derivative of the CDF: density x dQ/dp = 1 at interior quantiles", () => {
    for (const spec of CONTINUOUS) {
      for (const p of [0.1, 0.37, 0.62, 0.9]) {
        const dp = 1e-6;
        const slope = (distributionQuantile(spec, p + dp) - distributionQuantile(spec, p - dp)) / (2 * dp);
        expect(distributionDensity(spec, distributionQuantile(spec, p)) * slope, `${JSON.stringify(spec)} at ${p}`).toBeCloseTo(1, 4);
      }
    }
  });

  it("is -Infinity outside the support and for NaN", () => {
    for (const spec of CONTINUOUS) {
      const [lo, hi] = distributionSupport(spec);
      if (lo > -Infinity) expect(distributionLogDensity(spec, lo - 1e-9)).toBe(-Infinity);
      if (hi < Infinity) expect(distributionLogDensity(spec, hi + 1e-9)).toBe(-Infinity);
      expect(distributionLogDensity(spec, NaN)).toBe(-Infinity);
    }
    expect(distributionLogDensity({ dist: "lognormal", meanlog: 0, sdlog: 1 }, 0)).toBe(-Infinity);
  });

  it("gives choice values their probability mass, summing repeated values", () => {
    const spec: DistributionSpec = { dist: "choice", values: [1, 2, 5, 2], weights: [1, 2, 3, 4] };
    expect(distributionDensity(spec, 1)).toBeCloseTo(0.1, 14);
    expect(distributionDensity(spec, 2)).toBeCloseTo(0.6, 14);
    expect(distributionDensity(spec, 5)).toBeCloseTo(0.3, 14);
    expect(distributionLogDensity(spec, 3)).toBe(-Infinity);
    expect(distributionDensity({ dist: "choice", values: [4, 7] }, 7)).toBeCloseTo(0.5, 14);
  });

  it("treats degenerate specs as point masses and rejects invalid ones", () => {
    expect(distributionLogDensity({ dist: "uniform", min: 2, max: 2 }, 2)).toBe(0);
    expect(distributionLogDensity({ dist: "normal", mean: 1, sd: 0 }, 1.5)).toBe(-Infinity);
    expect(distributionLogDensity({ dist: "normal", mean: 1, sd: 0, min: 2 }, 2)).toBe(0);
    expect(() => distributionLogDensity({ dist: "uniform", min: 3, max: 2 }, 2)).toThrow(RangeError);
  });

  it("matches closed forms at chosen points", () => {
    expect(distributionDensity({ dist: "normal", mean: 1, sd: 2 }, 1)).toBeCloseTo(1 / (2 * Math.sqrt(2 * Math.PI)), 14);
    expect(distributionDensity({ dist: "triangular", min: 0, mode: 1, max: 4 }, 1)).toBeCloseTo(0.5, 14);
    expect(distributionDensity({ dist: "triangular", min: 0, mode: 1, max: 4 }, 3)).toBeCloseTo(2 * 1 / (4 * 3), 14);
    // Beta(2, 3) density 12 z (1 - z)^2.
    expect(distributionDensity({ dist: "beta", alpha: 2, beta: 3 }, 0.3)).toBeCloseTo(12 * 0.3 * 0.49, 12);
    // Lognormal(0, 1) at 1: 1 / sqrt(2 pi).
    expect(distributionDensity({ dist: "lognormal", meanlog: 0, sdlog: 1 }, 1)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 14);
    // Normal(0, 1) truncated to [0, inf): twice the density.
    expect(distributionDensity({ dist: "normal", mean: 0, sd: 1, min: 0 }, 0.5)).toBeCloseTo((2 * Math.exp(-0.125)) / Math.sqrt(2 * Math.PI), 13);
  });
});
