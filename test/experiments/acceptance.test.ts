/**
 * Issue 13's acceptance through the experiment command: Sobol' indices of Ishigami and Sobol' G
 * at n = 4096 equal the library's on the same design and within 0.03 of the analytic values,
 * Morris ranks G's influential inputs first, and PRIM recovers a planted box.
 */
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
  type AnalyticIndices,
  type Factor,
} from "../../src/analysis/experiments/index.js";
import { cli, readCsv, tempDir, writeExperiment } from "./helpers.js";
import { join } from "node:path";

const N = 4096;
const SEED = 2017;
const RESAMPLES = 200;

/** Runs an experiment file in this process; returns its folder. */
async function run(data: Record<string, unknown>): Promise<string> {
  const dir = tempDir();
  const file = writeExperiment(dir, "e.json", data);
  const out = join(dir, "out");
  const r = await cli(["experiment", file, "--workers", "0", "--out", out, "--quiet", "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

interface Problem {
  name: string;
  model: Record<string, unknown>;
  factors: Factor[];
  f: (x: number[]) => number;
  exact: AnalyticIndices;
}

const G = [[0, 1, 4.5, 9, 99, 99, 99, 99], [0, 0, 0, 0], [0, 0.5, 3, 9, 99, 99]];
const PROBLEMS: Problem[] = [
  { name: "ishigami", model: { testFunction: "ishigami" }, factors: ishigamiFactors(), f: (x) => ishigami(x), exact: ishigamiIndices() },
  ...G.map((a, i) => ({ name: `g${i}`, model: { testFunction: "sobol-g", a }, factors: sobolGFactors(a.length), f: (x: number[]) => sobolG(x, a), exact: sobolGIndices(a) })),
];

describe("Sobol' indices through clustersim experiment at n = 4096", () => {
  for (const p of PROBLEMS) {
    it(`${p.name} ${JSON.stringify(p.model)}: indices.csv is the library's estimate, within 0.03 of the analytic indices`, async () => {
      const out = await run({ name: p.name, model: p.model, design: { method: "saltelli", n: N }, seed: SEED, analysis: { resamples: RESAMPLES } });
      const rows = readCsv(out, "indices.csv");
      const d = saltelliDesign(p.factors, N, SEED);
      const lib = sobolIndices(d, d.points.map(p.f), { resamples: RESAMPLES, seed: SEED });
      expect(rows.map((r) => r.factor)).toEqual(p.factors.map((f) => f.name));
      lib.indices.forEach((want, i) => {
        const got = rows[i];
        for (const k of ["S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high"] as const) expect(Number(got[k]), `${want.factor} ${k}`).toBe(want[k]);
        expect(Math.abs(Number(got.S1) - p.exact.S1[i])).toBeLessThan(0.03);
        expect(Math.abs(Number(got.ST) - p.exact.ST[i])).toBeLessThan(0.03);
        expect(Number(got.S1_low)).toBeLessThanOrEqual(Number(got.S1));
        expect(Number(got.ST_high)).toBeGreaterThanOrEqual(Number(got.ST));
      });
    }, 120_000);
  }

  it("second-order indices of Ishigami go to indices2.csv (S13 near its analytic value, the others near 0)", async () => {
    const out = await run({ name: "ishigami2", model: { testFunction: "ishigami" }, design: { method: "saltelli", n: N, secondOrder: true }, seed: SEED, analysis: { resamples: 0 } });
    const rows = readCsv(out, "indices2.csv");
    expect(rows.map((r) => `${r.factor_a}-${r.factor_b}`)).toEqual(["x1-x2", "x1-x3", "x2-x3"]);
    const exact = ishigamiIndices();
    expect(Math.abs(Number(rows[1].S2) - (exact.ST[0] - exact.S1[0]))).toBeLessThan(0.03);
    expect(Math.abs(Number(rows[0].S2))).toBeLessThan(0.03);
    expect(Math.abs(Number(rows[2].S2))).toBeLessThan(0.03);
    expect(rows[0].S2_low).toBe(""); // no resamples: no interval
  }, 120_000);
});

describe("Morris through clustersim experiment", () => {
  it("ranks Sobol' G's influential inputs first (a = [0, 1, 4.5, 9, 99, 99, 99, 99])", async () => {
    const out = await run({ name: "g-morris", model: { testFunction: "sobol-g", a: G[0] }, design: { method: "morris", trajectories: 20, levels: 4 }, seed: SEED, analysis: { resamples: 500 } });
    const rows = readCsv(out, "indices.csv");
    expect(Object.keys(rows[0])).toEqual(["output", "factor", "mu", "mu_star", "sigma", "mu_star_low", "mu_star_high"]);
    const ranked = [...rows].sort((a, b) => Number(b.mu_star) - Number(a.mu_star)).map((r) => r.factor);
    expect(ranked.slice(0, 4)).toEqual(["x1", "x2", "x3", "x4"]);
    const x2 = rows.find((r) => r.factor === "x2")!;
    for (const inert of rows.slice(4)) expect(Number(inert.mu_star_high)).toBeLessThan(Number(x2.mu_star_low));
  }, 60_000);
});

describe("PRIM through clustersim experiment", () => {
  it("recovers a box planted in 2 of 5 inputs, with noisy labels, from boxes.csv", async () => {
    const out = await run({
      name: "planted",
      model: { testFunction: "box", dimensions: 5, box: [[0.2, 0.5], [0.6, 0.9]], noise: 0.3 },
      design: { method: "lhs", n: 2000 },
      replications: 2,
      outcomes: [{ name: "inside", output: "y", atLeast: 0.5 }],
      seed: 3,
      analysis: { prim: { threshold: 0.9 } },
    });
    const rows = readCsv(out, "boxes.csv");
    expect(rows.filter((r) => r.restricted === "1").map((r) => r.factor)).toEqual(["x1", "x2"]);
    const [x1, x2] = rows;
    expect(Math.abs(Number(x1.low) - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(Number(x1.high) - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(Number(x2.low) - 0.6)).toBeLessThan(0.03);
    expect(Math.abs(Number(x2.high) - 0.9)).toBeLessThan(0.03);
    expect(Number(x1.density)).toBeGreaterThan(0.9);
    expect(x1.meets_threshold).toBe("1");
    // the noise flips about 5% of the labels (sd 0.3 at threshold 0.5: Phi(-5/3) = 0.048)
    const runs = readCsv(out, "runs.csv");
    expect(runs).toHaveLength(4000);
    const design = readCsv(out, "design.csv");
    const flipped = runs.filter((r) => {
      const x = design[Number(r.point)];
      const inBox = Number(x.x1) >= 0.2 && Number(x.x1) <= 0.5 && Number(x.x2) >= 0.6 && Number(x.x2) <= 0.9;
      return (r.inside === "1") !== inBox;
    }).length;
    expect(flipped / runs.length).toBeGreaterThan(0.03);
    expect(flipped / runs.length).toBeLessThan(0.07);
  }, 60_000);
});
