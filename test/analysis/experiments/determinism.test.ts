import { describe, expect, it } from "vitest";
import {
  buildDesign,
  type DesignSpec,
  type Factor,
  ishigami,
  ishigamiFactors,
  morrisIndices,
  saltelliDesign,
  sobolIndices,
} from "../../../src/analysis/experiments/index.js";

const FACTORS: Factor[] = [
  { name: "rate", range: [0.02, 0.08] },
  { name: "lever", levels: [0, 1, 2, 3] },
  { name: "trend", distribution: { dist: "lognormal", meanlog: 0, sdlog: 0.3 } },
  { name: "share", distribution: { dist: "beta", alpha: 2, beta: 5 } },
];

const SEEDED: DesignSpec[] = [
  { method: "lhs", n: 33 },
  { method: "sobol", n: 32 },
  { method: "saltelli", n: 16, secondOrder: true },
  { method: "morris", trajectories: 5, levels: 4, candidates: 12 },
];

describe("determinism: the same seed gives the same output, bit for bit", () => {
  for (const spec of SEEDED) {
    it(`${spec.method} design`, () => {
      const a = buildDesign(FACTORS, spec, 123);
      expect(buildDesign(FACTORS, spec, 123)).toEqual(a);
      expect(buildDesign(FACTORS, spec, 124).points).not.toEqual(a.points);
      expect(a.points.flat().every((v) => Number.isFinite(v))).toBe(true);
    });
  }

  it("unseeded designs ignore the seed", () => {
    expect(buildDesign(FACTORS, { method: "grid", levels: 3 }, 1)).toEqual(buildDesign(FACTORS, { method: "grid", levels: 3 }, 2));
    expect(buildDesign(FACTORS, { method: "sobol", n: 8, scramble: false }, 1)).toEqual(buildDesign(FACTORS, { method: "sobol", n: 8, scramble: false }, 2));
  });

  it("Sobol' and Morris indices with their bootstrap intervals", () => {
    const d = saltelliDesign(ishigamiFactors(), 512, 77, { secondOrder: true });
    const y = d.points.map((x) => ishigami(x));
    const first = sobolIndices(d, y, { resamples: 100, seed: 9 });
    const again = sobolIndices(d, Float64Array.from(y), { resamples: 100, seed: 9 });
    expect(again).toEqual(first);
    const m = buildDesign(ishigamiFactors(), { method: "morris", trajectories: 10 }, 5);
    if (m.method !== "morris") throw new Error("expected a Morris design");
    const ym = m.points.map((x) => ishigami(x));
    expect(morrisIndices(m, ym, { resamples: 100, seed: 3 })).toEqual(morrisIndices(m, ym, { resamples: 100, seed: 3 }));
  });
});
