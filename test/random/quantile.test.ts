import { describe, expect, it } from "vitest";
import { betaCdf, distributionQuantile } from "../../src/random/index.js";

describe("distributionQuantile", () => {
  it("inverts the simple families exactly", () => {
    expect(distributionQuantile({ dist: "uniform", min: 2, max: 6 }, 0.25)).toBeCloseTo(3, 12);
    expect(distributionQuantile({ dist: "normal", mean: 1, sd: 2 }, 0.975)).toBeCloseTo(1 + 2 * 1.959963984540054, 9);
    expect(distributionQuantile({ dist: "lognormal", meanlog: 0, sdlog: 1 }, 0.5)).toBeCloseTo(1, 12);
    expect(distributionQuantile({ dist: "triangular", min: 0, mode: 1, max: 1 }, 0.25)).toBeCloseTo(0.5, 12);
    expect(distributionQuantile({ dist: "choice", values: [1, 2, 3] }, 0.5)).toBe(2);
  });

  it("keeps truncated draws within their bounds", () => {
    const q = distributionQuantile({ dist: "normal", mean: 0, sd: 1, min: 0, max: 0.5 }, 0.999);
    expect(q).toBeLessThanOrEqual(0.5);
    expect(q).toBeGreaterThan(0.49);
  });

  it("matches known beta values", () => {
    // Beta(2, 2): CDF 3x^2 - 2x^3; the median is 0.5 and I_0.25 = 0.15625
    expect(betaCdf(0.25, 2, 2)).toBeCloseTo(0.15625, 12);
    expect(betaCdf(0.9, 1, 1)).toBeCloseTo(0.9, 12);
    expect(distributionQuantile({ dist: "beta", alpha: 2, beta: 2 }, 0.15625)).toBeCloseTo(0.25, 10);
    expect(distributionQuantile({ dist: "beta", alpha: 2, beta: 5, min: 10, max: 20 }, 0.5)).toBeCloseTo(10 + 10 * 0.26444998329566, 8);
  });

  it("rejects probabilities outside (0, 1)", () => {
    expect(() => distributionQuantile({ dist: "uniform", min: 0, max: 1 }, 1)).toThrow(RangeError);
  });
});
