import { describe, expect, it } from "vitest";
import { elementaryEffects, type Factor, morrisDesign, morrisIndices, sobolG, sobolGFactors } from "../../../src/analysis/experiments/index.js";

describe("morrisIndices", () => {
  it("gives mu = mu* = the slope times the range and sigma = 0 for a linear function", () => {
    const factors: Factor[] = [
      { name: "a", range: [0, 1] },
      { name: "b", range: [10, 14] },
      { name: "c", range: [-1, 1] },
    ];
    const slopes = [2, -0.5, 0];
    const d = morrisDesign(factors, { trajectories: 8, levels: 4 }, 3);
    const rows = morrisIndices(d, d.points.map((x) => 5 + x.reduce((s, v, i) => s + slopes[i] * v, 0)), { resamples: 100 });
    const width = [1, 4, 2];
    rows.forEach((row, i) => {
      expect(row.mu).toBeCloseTo(slopes[i] * width[i], 10);
      expect(row.mu_star).toBeCloseTo(Math.abs(slopes[i] * width[i]), 10);
      expect(row.sigma).toBeCloseTo(0, 10);
      expect(row.mu_star_low).toBeCloseTo(row.mu_star, 10);
      expect(row.mu_star_high).toBeCloseTo(row.mu_star, 10);
    });
  });

  it("shows an interaction as sigma > 0 and opposite-signed effects as mu* > |mu|", () => {
    const factors: Factor[] = [
      { name: "a", range: [-1, 1] },
      { name: "b", range: [-1, 1] },
    ];
    const d = morrisDesign(factors, { trajectories: 20, levels: 4 }, 5);
    const [a, b] = morrisIndices(d, d.points.map(([x, y]) => x * y), { resamples: 0 });
    expect(a.sigma).toBeGreaterThan(0.1);
    expect(b.sigma).toBeGreaterThan(0.1);
    expect(a.mu_star).toBeGreaterThan(Math.abs(a.mu) + 0.1);
  });

  it("ranks the influential factors of Sobol' G first (a = [0, 1, 4.5, 9, 99, 99, 99, 99])", () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    for (const candidates of [undefined, 60]) {
      const d = morrisDesign(sobolGFactors(8), { trajectories: 20, levels: 4, candidates }, 2017);
      const rows = morrisIndices(d, d.points.map((x) => sobolG(x, a)), { resamples: 500, seed: 1 });
      const order = rows.map((r, i) => [r.mu_star, i] as const).sort((p, q) => q[0] - p[0]).map((p) => p[1]);
      expect(order.slice(0, 4)).toEqual([0, 1, 2, 3]);
      // The intervals separate the two strongest factors from the inert ones (a = 99).
      for (const inert of rows.slice(4)) expect(inert.mu_star_high).toBeLessThan(rows[1].mu_star_low);
    }
  });

  it("checks its input against the layout", () => {
    const d = morrisDesign(sobolGFactors(3), { trajectories: 4 }, 1);
    expect(() => elementaryEffects(d, new Array(15).fill(0))).toThrow(RangeError);
    expect(() => elementaryEffects(d, [...new Array(15).fill(0), Infinity])).toThrow(/not finite/);
    expect(elementaryEffects(d, new Array(16).fill(1)).every((ee) => ee.every((v) => v === 0))).toBe(true);
  });

  it("is deterministic in the design seed and the bootstrap seed", () => {
    const a = [0, 1, 9];
    const run = (designSeed: number, seed: number) => {
      const d = morrisDesign(sobolGFactors(3), { trajectories: 10 }, designSeed);
      return morrisIndices(d, d.points.map((x) => sobolG(x, a)), { resamples: 200, seed });
    };
    expect(run(1, 1)).toEqual(run(1, 1));
    expect(run(1, 2)[0].mu_star_low).not.toBe(run(1, 1)[0].mu_star_low);
    expect(run(2, 1)[0].mu).not.toBe(run(1, 1)[0].mu);
  });
});
