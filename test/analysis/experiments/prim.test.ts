import { describe, expect, it } from "vitest";
import { latinHypercube, prim, primQuantile } from "../../../src/analysis/experiments/index.js";
import { keyedUniform, streamId } from "../../../src/random/index.js";

const NAMES = ["a", "b", "c", "d", "e"];
const FLIP = streamId("test/prim-noise");

/** 2000 Latin hypercube points on [0, 1]^5; y = inside [0.2, 0.5] x [0.6, 0.9], flipped with probability `noise`. */
function planted(seed: number, noise: number) {
  const d = latinHypercube(NAMES.map((name) => ({ name, range: [0, 1] as const })), 2000, seed);
  const y = d.points.map((x, i) => {
    const inside = x[0] >= 0.2 && x[0] <= 0.5 && x[1] >= 0.6 && x[1] <= 0.9;
    return inside !== keyedUniform(seed, FLIP, 0, 0, i) < noise;
  });
  return { x: d.points, y };
}

describe("primQuantile (EMA Workbench's get_quantile)", () => {
  it("cuts halfway between neighbouring distinct values, past ties", () => {
    const v = Float64Array.from([5, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
    expect(primQuantile(v, 0.05)).toBe(1.5);
    expect(primQuantile(v, 0.95)).toBe(10.5);
    const ties = Float64Array.from([0, 0, 0, 0, 1, 1, 2, 2, 2, 2]);
    expect(primQuantile(ties, 0.05)).toBe(0.5);
    expect(primQuantile(ties, 0.95)).toBe(1.5);
  });
});

describe("prim", () => {
  it("recovers a planted box in 2 of 5 factors, with 5% label noise", () => {
    for (const seed of [1, 2]) {
      const { x, y } = planted(seed, 0.05);
      const r = prim(NAMES, x, y, { threshold: 0.9 });
      expect(r.meetsThreshold).toBe(true);
      expect(r.box.limits.filter((l) => l.restricted).map((l) => l.factor)).toEqual(["a", "b"]);
      const [a, b] = r.box.limits;
      expect(Math.abs(a.low - 0.2)).toBeLessThan(0.03);
      expect(Math.abs(a.high - 0.5)).toBeLessThan(0.03);
      expect(Math.abs(b.low - 0.6)).toBeLessThan(0.03);
      expect(Math.abs(b.high - 0.9)).toBeLessThan(0.03);
      // About 9% of the points lie in the planted box; noise puts about a third of the hits outside it.
      expect(r.box.mass).toBeGreaterThan(0.07);
      expect(r.box.mass).toBeLessThan(0.11);
      expect(r.box.coverage).toBeGreaterThan(0.55);
    }
  });

  it("finds the box without noise, at density 1 (the last peel overshoots the edge a little)", () => {
    const { x, y } = planted(3, 0);
    const r = prim(NAMES, x, y, { threshold: 1 });
    expect(r.box.density).toBe(1);
    expect(r.box.coverage).toBeGreaterThan(0.85);
    const [a, b] = r.box.limits;
    expect([a.low, a.high, b.low, b.high].map((v, i) => Math.abs(v - [0.2, 0.5, 0.6, 0.9][i])).every((e) => e < 0.03)).toBe(true);
  });

  it("pastes the chosen box back out over a dense edge that coarse peeling cut off", () => {
    // y = 1 on a in [0.1, 0.5), with probability 0.7 on [0, 0.1), never above 0.5. With peelAlpha 0.4
    // peeling jumps from [0, 0.6] (density ~0.78) to [0, 0.36] (~0.92), the first box with density >= 0.9;
    // the slab (0.36, 0.5) is denser than that box, so pasting extends the upper limit toward 0.5.
    const d = latinHypercube(["a", "b"].map((name) => ({ name, range: [0, 1] as const })), 2000, 8);
    const y = d.points.map(([a], i) => (a < 0.1 ? keyedUniform(8, FLIP, 1, 0, i) < 0.7 : a < 0.5));
    const r = prim(d.factors, d.points, y, { peelAlpha: 0.4, threshold: 0.9 });
    const peeled = r.trajectory[r.chosen];
    expect(peeled.limits[0].high).toBeLessThan(0.4);
    expect(r.pastes).toBeGreaterThan(0);
    expect(r.box.limits[0].high).toBeGreaterThan(0.45);
    expect(r.box.limits[0].high).toBeLessThan(0.5);
    expect(r.box.density).toBeGreaterThan(peeled.density);
    expect(r.box.coverage).toBeGreaterThan(peeled.coverage);
    expect(r.box.limits[1].restricted).toBe(false);
  });

  it("records a trajectory of shrinking boxes with rising density, from the bounding box down to minMass", () => {
    const { x, y } = planted(4, 0.05);
    const r = prim(NAMES, x, y, { minMass: 0.05 });
    expect(r.trajectory[0].mass).toBe(1);
    expect(r.trajectory[0].coverage).toBe(1);
    expect(r.trajectory[0].restricted).toBe(0);
    for (let i = 1; i < r.trajectory.length; i++) {
      expect(r.trajectory[i].points).toBeLessThan(r.trajectory[i - 1].points);
      expect(r.trajectory[i].density).toBeGreaterThan(r.trajectory[i - 1].density);
      expect(r.trajectory[i].coverage).toBeLessThanOrEqual(r.trajectory[i - 1].coverage);
    }
    expect(r.trajectory[r.trajectory.length - 1].mass).toBeGreaterThanOrEqual(0.05);
    // The chosen box is the first to reach the default threshold 0.8; pasting never lowers density or mass.
    expect(r.trajectory[r.chosen].density).toBeGreaterThanOrEqual(0.8);
    expect(r.trajectory[r.chosen - 1].density).toBeLessThan(0.8);
    expect(r.box.density).toBeGreaterThanOrEqual(r.trajectory[r.chosen].density);
    expect(r.box.mass).toBeGreaterThanOrEqual(r.trajectory[r.chosen].mass);
  });

  it("reports the last box when no box reaches the threshold", () => {
    const { x, y } = planted(5, 0.3);
    const r = prim(NAMES, x, y, { threshold: 0.99 });
    expect(r.chosen).toBe(r.trajectory.length - 1);
    expect(r.meetsThreshold).toBe(false);
  });

  it("is deterministic and checks its input", () => {
    const { x, y } = planted(6, 0.05);
    expect(prim(NAMES, x, y)).toEqual(prim(NAMES, x, y));
    expect(() => prim(NAMES, x, y.slice(1))).toThrow(RangeError);
    expect(() => prim(NAMES, x, y.map(() => false))).toThrow(/no cases/);
    expect(() => prim(NAMES, x, y.map(() => 2))).toThrow(/boolean or 0\/1/);
    expect(() => prim(NAMES, x, y, { peelAlpha: 0.6 })).toThrow(RangeError);
  });
});
