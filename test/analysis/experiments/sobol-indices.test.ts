import { describe, expect, it } from "vitest";
import {
  ishigami,
  ishigamiFactors,
  ishigamiIndices,
  saltelliDesign,
  sobolG,
  sobolGFactors,
  sobolGIndices,
  sobolIndices,
} from "../../../src/analysis/experiments/index.js";

/** Largest absolute difference between estimated and analytic S1 and ST. */
function maxError(rows: { S1: number; ST: number }[], exact: { S1: number[]; ST: number[] }): number {
  return Math.max(...rows.flatMap((r, i) => [Math.abs(r.S1 - exact.S1[i]), Math.abs(r.ST - exact.ST[i])]));
}

const N = 4096;
const SEED = 2017;

describe("Sobol' indices (Saltelli 2010 S1, Jansen 1999 ST) at n = 4096", () => {
  it("recover Ishigami's analytic S1 and ST within 0.03", () => {
    const d = saltelliDesign(ishigamiFactors(), N, SEED);
    const r = sobolIndices(d, d.points.map((x) => ishigami(x)), { resamples: 0 });
    expect(r.indices.map((row) => row.factor)).toEqual(["x1", "x2", "x3"]);
    expect(maxError(r.indices, ishigamiIndices())).toBeLessThan(0.03);
  });

  for (const a of [[0, 1, 4.5, 9, 99, 99, 99, 99], [0, 0, 0, 0], [0, 0.5, 3, 9, 99, 99], [1, 2, 5, 10, 20, 50, 100, 500]]) {
    it(`recover Sobol' G's analytic S1 and ST within 0.03 for a = [${a.join(", ")}]`, () => {
      const d = saltelliDesign(sobolGFactors(a.length), N, SEED);
      const r = sobolIndices(d, d.points.map((x) => sobolG(x, a)), { resamples: 0 });
      expect(maxError(r.indices, sobolGIndices(a))).toBeLessThan(0.03);
    });
  }

  it("recover Ishigami's second-order indices (S13 = V13 / V, the others 0) within 0.03", () => {
    const d = saltelliDesign(ishigamiFactors(), N, SEED, { secondOrder: true });
    const r = sobolIndices(d, d.points.map((x) => ishigami(x)), { resamples: 0 });
    const exact = ishigamiIndices();
    expect(r.second?.map((s) => `${s.factorA}-${s.factorB}`)).toEqual(["x1-x2", "x1-x3", "x2-x3"]);
    const s2 = r.second?.map((s) => s.S2) ?? [];
    expect(Math.abs(s2[0])).toBeLessThan(0.03);
    expect(Math.abs(s2[1] - (exact.ST[0] - exact.S1[0]))).toBeLessThan(0.03);
    expect(Math.abs(s2[2])).toBeLessThan(0.03);
    expect(maxError(r.indices, exact)).toBeLessThan(0.03);
  });
});

describe("bootstrap intervals", () => {
  const d = saltelliDesign(ishigamiFactors(), 1024, 5);
  const y = d.points.map((x) => ishigami(x));

  it("bracket the estimates and the analytic values, and are deterministic in the seed", () => {
    const r = sobolIndices(d, y, { resamples: 300, seed: 1 });
    const exact = ishigamiIndices();
    r.indices.forEach((row, i) => {
      expect(row.S1_low).toBeLessThanOrEqual(row.S1);
      expect(row.S1_high).toBeGreaterThanOrEqual(row.S1);
      expect(row.ST_low).toBeLessThanOrEqual(row.ST);
      expect(row.ST_high).toBeGreaterThanOrEqual(row.ST);
      expect(exact.S1[i]).toBeGreaterThanOrEqual(row.S1_low);
      expect(exact.S1[i]).toBeLessThanOrEqual(row.S1_high);
      expect(exact.ST[i]).toBeGreaterThanOrEqual(row.ST_low);
      expect(exact.ST[i]).toBeLessThanOrEqual(row.ST_high);
    });
    expect(sobolIndices(d, y, { resamples: 300, seed: 1 })).toEqual(r);
    expect(sobolIndices(d, y, { resamples: 300, seed: 2 }).indices[0].S1_low).not.toBe(r.indices[0].S1_low);
  });

  it("narrow as the sample grows", () => {
    const big = saltelliDesign(ishigamiFactors(), 4096, 5);
    const wide = sobolIndices(d, y, { resamples: 200 }).indices[0];
    const narrow = sobolIndices(big, big.points.map((x) => ishigami(x)), { resamples: 200 }).indices[0];
    expect(narrow.ST_high - narrow.ST_low).toBeLessThan(wide.ST_high - wide.ST_low);
  });

  it("are NaN without resamples", () => {
    const row = sobolIndices(d, y, { resamples: 0 }).indices[0];
    expect(row.S1_low).toBeNaN();
    expect(Number.isFinite(row.S1)).toBe(true);
  });
});

describe("sobolIndices input checks and invariances", () => {
  const d = saltelliDesign(ishigamiFactors(), 256, 1);
  const y = d.points.map((x) => ishigami(x));

  it("rejects a wrong number of outputs and non-finite outputs", () => {
    expect(() => sobolIndices(d, y.slice(1))).toThrow(RangeError);
    const bad = y.slice();
    bad[7] = NaN;
    expect(() => sobolIndices(d, bad)).toThrow(/output 7/);
  });

  it("does not depend on the output's location and scale (up to rounding)", () => {
    const base = sobolIndices(d, y, { resamples: 0 }).indices;
    const moved = sobolIndices(d, y.map((v) => 1000 + 3 * v), { resamples: 0 }).indices;
    moved.forEach((row, i) => {
      expect(row.S1).toBeCloseTo(base[i].S1, 10);
      expect(row.ST).toBeCloseTo(base[i].ST, 10);
    });
  });
});
