import { describe, expect, it } from "vitest";
import { ishigami, ishigamiIndices, PI, sobolG, sobolGIndices } from "../../../src/analysis/experiments/index.js";
import { cos, sin } from "../../../src/random/math.js";

describe("sin and cos (pure-JS stdlib)", () => {
  it("agree with the platform's Math.sin and Math.cos to 1e-15 over several periods", () => {
    for (let i = -2000; i <= 2000; i++) {
      const x = i * 0.0123;
      expect(Math.abs(sin(x) - Math.sin(x))).toBeLessThanOrEqual(1e-15);
      expect(Math.abs(cos(x) - Math.cos(x))).toBeLessThanOrEqual(1e-15);
    }
    expect(PI).toBe(Math.PI);
  });
});

describe("Ishigami", () => {
  it("evaluates sin x1 + a sin^2 x2 + b x3^4 sin x1", () => {
    expect(ishigami([PI / 2, PI / 2, 2])).toBeCloseTo(1 + 7 + 0.1 * 16, 12);
    expect(ishigami([0, 0, 3])).toBe(0);
  });

  it("has the published indices S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437) for a = 7, b = 0.1", () => {
    const { S1, ST } = ishigamiIndices();
    [0.3139, 0.4424, 0].forEach((v, i) => expect(S1[i]).toBeCloseTo(v, 4));
    [0.5576, 0.4424, 0.2437].forEach((v, i) => expect(ST[i]).toBeCloseTo(v, 4));
  });
});

describe("Sobol' G", () => {
  it("evaluates the product of (|4x - 2| + a) / (1 + a)", () => {
    expect(sobolG([0, 0.5, 1], [0, 1, 2])).toBeCloseTo(2 * (1 / 2) * (4 / 3), 14);
  });

  it("has the published first-order indices for a = [0, 1, 4.5, 9, 99, 99, 99, 99]", () => {
    const { S1 } = sobolGIndices([0, 1, 4.5, 9, 99, 99, 99, 99]);
    [0.7162, 0.179, 0.0237, 0.0072, 0.0001, 0.0001, 0.0001, 0.0001].forEach((v, i) => expect(S1[i]).toBeCloseTo(v, 4));
  });

  it("indices add up as a variance decomposition: sum S1 <= 1 <= sum ST, equal for one input", () => {
    for (const a of [[0, 0, 0, 0], [1, 2, 5, 10, 20], [3]]) {
      const { S1, ST } = sobolGIndices(a);
      const s1 = S1.reduce((s, v) => s + v, 0);
      const st = ST.reduce((s, v) => s + v, 0);
      expect(s1).toBeLessThanOrEqual(1 + 1e-12);
      expect(st).toBeGreaterThanOrEqual(1 - 1e-12);
      if (a.length === 1) expect(S1[0]).toBeCloseTo(1, 14);
    }
  });

  it("matches a brute-force variance of G on a fine grid for two inputs", () => {
    const a = [0.5, 2];
    const m = 2000;
    const grid = Array.from({ length: m }, (_, i) => (i + 0.5) / m);
    const g1 = grid.map((x) => sobolG([x], [a[0]]));
    const g2 = grid.map((x) => sobolG([x], [a[1]]));
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const v1 = mean(g1.map((x) => x * x)) - 1;
    const v2 = mean(g2.map((x) => x * x)) - 1;
    const v = (1 + v1) * (1 + v2) - 1;
    const { S1, ST } = sobolGIndices(a);
    expect(S1[0]).toBeCloseTo(v1 / v, 5);
    expect(ST[1]).toBeCloseTo((v2 * (1 + v1)) / v, 5);
  });
});
