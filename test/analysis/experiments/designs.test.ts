import { describe, expect, it } from "vitest";
import {
  buildDesign,
  explicitDesign,
  type Factor,
  fullFactorial,
  gridValue,
  latinHypercube,
  latinHypercubeUnit,
  morrisDesign,
  saltelliDesign,
  saltelliStride,
  sobolDesign,
  sobolSequence,
  unitToValue,
} from "../../../src/analysis/experiments/index.js";
import { distributionQuantile, normalQuantile } from "../../../src/random/index.js";

const FACTORS: Factor[] = [
  { name: "rate", range: [0.02, 0.08] },
  { name: "lever", levels: [0, 1, 2] },
  { name: "trend", distribution: { dist: "normal", mean: 1, sd: 0.5 } },
];

describe("unitToValue and gridValue", () => {
  it("maps ranges linearly, levels by equal bins and distributions by their quantile", () => {
    expect(unitToValue(FACTORS[0], 0.5)).toBeCloseTo(0.05, 15);
    expect([0, 0.33, 0.34, 0.99, 1].map((u) => unitToValue(FACTORS[1], u))).toEqual([0, 0, 1, 2, 2]);
    expect(unitToValue(FACTORS[2], 0.975)).toBe(1 + 0.5 * normalQuantile(0.975));
    expect(Number.isFinite(unitToValue(FACTORS[2], 0))).toBe(true);
  });

  it("puts grid levels at the ends of a range and at stratum medians of a distribution", () => {
    expect([0, 1, 2].map((i) => gridValue(FACTORS[0], i, 3))).toEqual([0.02, 0.05, 0.08]);
    expect(gridValue(FACTORS[2], 0, 4)).toBe(distributionQuantile({ dist: "normal", mean: 1, sd: 0.5 }, 0.125));
  });
});

describe("fullFactorial", () => {
  it("crosses every level with the last factor varying fastest", () => {
    const d = fullFactorial(FACTORS, 2);
    expect(d.factors).toEqual(["rate", "lever", "trend"]);
    expect(d.points).toHaveLength(2 * 3 * 2);
    expect(d.points.slice(0, 3).map((p) => [p[0], p[1]])).toEqual([[0.02, 0], [0.02, 0], [0.02, 1]]);
    expect(d.points[0][2]).toBeLessThan(d.points[1][2]);
    expect(new Set(d.points.map((p) => p.join(","))).size).toBe(12);
  });
});

describe("latinHypercube", () => {
  it("has exactly one point per stratum in every dimension", () => {
    const n = 97;
    const unit = latinHypercubeUnit(n, 6, 42);
    for (let j = 0; j < 6; j++) {
      const strata = unit.map((row) => Math.floor(row[j] * n)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it("is a pure function of the seed, and centred points sit at stratum midpoints", () => {
    expect(latinHypercube(FACTORS, 20, 5)).toEqual(latinHypercube(FACTORS, 20, 5));
    expect(latinHypercube(FACTORS, 20, 6).points).not.toEqual(latinHypercube(FACTORS, 20, 5).points);
    const centred = latinHypercubeUnit(10, 2, 1, true);
    expect(centred.map((r) => r[0]).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => (i + 0.5) / 10));
  });

  it("pairs the strata differently in different dimensions", () => {
    const unit = latinHypercubeUnit(50, 2, 3);
    expect(unit.filter((r) => Math.floor(r[0] * 50) === Math.floor(r[1] * 50)).length).toBeLessThan(10);
  });
});

describe("sobolDesign", () => {
  it("maps the plain sequence when unscrambled and a seeded scramble otherwise", () => {
    const plain = sobolDesign(FACTORS, 8, 1, { scramble: false });
    expect(plain.points.map((p) => p[0])).toEqual(sobolSequence(8, 3).map((u) => unitToValue(FACTORS[0], u[0])));
    expect(sobolDesign(FACTORS, 8, 1)).toEqual(sobolDesign(FACTORS, 8, 1));
    expect(sobolDesign(FACTORS, 8, 1).points).not.toEqual(sobolDesign(FACTORS, 8, 2).points);
  });
});

describe("saltelliDesign", () => {
  const k = 3;
  const unitFactors: Factor[] = ["a", "b", "c"].map((name) => ({ name, range: [0, 1] as const }));

  it("lays out A, AB_i, BA_i, B per base row as SALib does", () => {
    const d = saltelliDesign(unitFactors, 16, 9, { secondOrder: true });
    const stride = saltelliStride(k, true);
    expect(stride).toBe(8);
    expect(d.points).toHaveLength(16 * stride);
    const base = sobolSequence(16, 2 * k, { scrambleSeed: 9 });
    for (let j = 0; j < 16; j++) {
      const rows = d.points.slice(j * stride, (j + 1) * stride);
      const a = base[j].slice(0, k);
      const b = base[j].slice(k);
      expect(rows[0]).toEqual(a);
      expect(rows[stride - 1]).toEqual(b);
      for (let i = 0; i < k; i++) {
        expect(rows[1 + i]).toEqual(a.map((v, m) => (m === i ? b[m] : v)));
        expect(rows[1 + k + i]).toEqual(b.map((v, m) => (m === i ? a[m] : v)));
      }
    }
  });

  it("has N (k + 2) rows without second order and refuses too many factors", () => {
    expect(saltelliDesign(unitFactors, 32, 1).points).toHaveLength(32 * 5);
    const many: Factor[] = Array.from({ length: 129 }, (_, i) => ({ name: `f${i}`, range: [0, 1] as const }));
    expect(() => saltelliDesign(many, 8, 1)).toThrow(RangeError);
  });
});

describe("morrisDesign", () => {
  const k = 5;
  const unitFactors: Factor[] = Array.from({ length: k }, (_, i) => ({ name: `x${i}`, range: [0, 1] as const }));

  it("moves each factor exactly once per trajectory by +-delta on the p-level grid", () => {
    const d = morrisDesign(unitFactors, { trajectories: 10, levels: 6 }, 4);
    expect(d.delta).toBe(6 / 10);
    expect(d.points).toHaveLength(10 * (k + 1));
    d.steps.forEach((steps, t) => {
      expect(steps.map((s) => s.factor).sort()).toEqual([0, 1, 2, 3, 4]);
      steps.forEach((s, j) => {
        const from = d.points[t * (k + 1) + j];
        const to = d.points[t * (k + 1) + j + 1];
        from.forEach((v, f) => {
          if (f === s.factor) expect(to[f] - v).toBeCloseTo(s.sign * d.delta, 12);
          else expect(to[f]).toBe(v);
        });
      });
    });
    for (const v of d.points.flat()) expect(Math.abs(v * 5 - Math.round(v * 5))).toBeLessThan(1e-12);
  });

  /** Campolongo's spread: sqrt of the sum over trajectory pairs of their squared distance. */
  function spread(points: number[][], r: number): number {
    const traj = Array.from({ length: r }, (_, t) => points.slice(t * (k + 1), (t + 1) * (k + 1)));
    let total = 0;
    for (let m = 0; m < r; m++) {
      for (let l = m + 1; l < r; l++) {
        let d = 0;
        for (const x of traj[m]) for (const y of traj[l]) d += Math.sqrt(x.reduce((s, v, i) => s + (v - y[i]) * (v - y[i]), 0));
        total += d * d;
      }
    }
    return Math.sqrt(total);
  }

  it("with candidates, keeps r trajectories more spread than r drawn at random", () => {
    const random = morrisDesign(unitFactors, { trajectories: 6, levels: 4 }, 8);
    const chosen = morrisDesign(unitFactors, { trajectories: 6, levels: 4, candidates: 60 }, 8);
    expect(chosen.steps).toHaveLength(6);
    expect(spread(chosen.points, 6)).toBeGreaterThan(spread(random.points, 6));
  });

  it("rejects odd levels and too few trajectories", () => {
    expect(() => morrisDesign(unitFactors, { trajectories: 4, levels: 5 }, 1)).toThrow(RangeError);
    expect(() => morrisDesign(unitFactors, { trajectories: 1 }, 1)).toThrow(RangeError);
    expect(() => morrisDesign(unitFactors, { trajectories: 4, candidates: 3 }, 1)).toThrow(RangeError);
  });
});

describe("explicitDesign", () => {
  it("reorders columns into factor order and parses numeric text", () => {
    const d = explicitDesign(FACTORS, { columns: ["trend", "rate", "lever"], rows: [["1.5", 0.03, 2], [0.2, "0.08", "0"]] });
    expect(d.points).toEqual([[0.03, 2, 1.5], [0.08, 0, 0.2]]);
  });

  it("names the row and column of a bad value", () => {
    const cols = ["rate", "lever", "trend"];
    expect(() => explicitDesign(FACTORS, { columns: cols, rows: [[0.1, 0, 1]] })).toThrow(/row 1, rate/);
    expect(() => explicitDesign(FACTORS, { columns: cols, rows: [[0.05, 0.5, 1]] })).toThrow(/row 1, lever/);
    expect(() => explicitDesign(FACTORS, { columns: cols, rows: [[0.05, 1, 1], [0.05, 1, "x"]] })).toThrow(/row 2, trend/);
    expect(() => explicitDesign(FACTORS, { columns: ["rate", "lever"], rows: [] })).toThrow(/missing: trend/);
  });
});

describe("buildDesign", () => {
  it("dispatches on the method and tags the result", () => {
    expect(buildDesign(FACTORS, { method: "grid", levels: 2 }, 0)).toEqual({ method: "grid", ...fullFactorial(FACTORS, 2) });
    expect(buildDesign(FACTORS, { method: "lhs", n: 8 }, 3)).toEqual({ method: "lhs", ...latinHypercube(FACTORS, 8, 3) });
    expect(buildDesign(FACTORS, { method: "saltelli", n: 8 }, 3)).toEqual(saltelliDesign(FACTORS, 8, 3));
    expect(buildDesign(FACTORS, { method: "morris", trajectories: 4 }, 3)).toEqual(morrisDesign(FACTORS, { trajectories: 4 }, 3));
    expect(buildDesign(FACTORS, { method: "sobol", n: 8, scramble: false }, 3).method).toBe("sobol");
  });

  it("rejects invalid factors", () => {
    expect(() => buildDesign([{ name: "a", range: [1, 0] }], { method: "lhs", n: 4 }, 0)).toThrow(/range/);
    expect(() => buildDesign([{ name: "a", levels: [] }], { method: "grid" }, 0)).toThrow(/levels/);
    expect(() => buildDesign([{ name: "a", range: [0, 1] }, { name: "a", range: [0, 1] }], { method: "grid" }, 0)).toThrow(/duplicate/);
    expect(() => buildDesign([{ name: "a", distribution: { dist: "normal", mean: 0, sd: -1 } }], { method: "grid" }, 0)).toThrow(/sd/);
  });
});
