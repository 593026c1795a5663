import { describe, expect, it } from "vitest";
import { drawDistribution, type DistributionSpec } from "../../src/random/distribution.js";
import { aleaStream, parameterStream, runStream } from "../../src/random/streams.js";
import { chiSquareBound, chiSquareUniform, correlation, ksBound, ksUniform, sample, range } from "./helpers.js";

const N = 50_000;

describe("runStream", () => {
  it("is reproducible with known values", () => {
    const s = runStream(42, "init");
    expect([s.next(), s.next(), s.next()]).toEqual([0.22760351714390603, 0.25283936303877563, 0.4370286883023945]);
    const a = runStream(42, "init");
    const b = runStream(42, "init");
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it("gives independent streams for different names and run seeds", () => {
    const base = runStream(42, "init");
    const xs = sample(N, () => base.next());
    const byName = runStream(42, "init2");
    const bySeed = runStream(43, "init");
    expect(Math.abs(correlation(xs, sample(N, () => byName.next())))).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(correlation(xs, sample(N, () => bySeed.next())))).toBeLessThan(5 / Math.sqrt(N));
  });

  it("draws uniforms strictly inside (0, 1)", () => {
    const s = runStream(7, "u");
    const us = sample(N, () => s.next());
    expect(range(us)[0]).toBeGreaterThan(0);
    expect(range(us)[1]).toBeLessThan(1);
    expect(chiSquareUniform(us, 100)).toBeLessThan(chiSquareBound(99));
    expect(ksUniform(us)).toBeLessThan(ksBound(N));
  });

  it("rejects run seeds that are not uint32", () => {
    for (const bad of [-1, 2 ** 32, 0.5, NaN]) expect(() => runStream(bad, "x")).toThrow(RangeError);
    expect(() => parameterStream(-1, "$.x")).toThrow(RangeError);
  });
});

describe("parameterStream", () => {
  const specA: DistributionSpec = { dist: "normal", mean: 0.05, sd: 0.02, min: 0 };
  const specB: DistributionSpec = { dist: "beta", alpha: 2, beta: 3 };

  /** Draws every distribution of a scenario, each from its own path's stream, in the given order. */
  function drawAll(runSeed: number, params: [string, DistributionSpec][]): Map<string, number> {
    return new Map(params.map(([path, spec]) => [path, drawDistribution(spec, parameterStream(runSeed, path))]));
  }

  it("draws a path's value whether or not other distributions are drawn, in any order", () => {
    for (let seed = 0; seed < 50; seed++) {
      const alone = drawAll(seed, [["$.industries.biopharma.marketTrend", specA]]);
      const withB = drawAll(seed, [
        ["$.industries.devices.marketTrend", specB],
        ["$.industries.biopharma.marketTrend", specA],
        ["$.labour.wageGrowth", specB],
      ]);
      expect(withB.get("$.industries.biopharma.marketTrend")).toBe(alone.get("$.industries.biopharma.marketTrend"));
    }
  });

  it("is known, distinct per path and distinct from the run stream of the same name", () => {
    expect(parameterStream(42, "$.a.b").next()).toBe(0.6617394903037809);
    expect(parameterStream(42, "$.a.b").next()).not.toBe(parameterStream(42, "$.a.c").next());
    expect(parameterStream(42, "x").next()).not.toBe(runStream(42, "x").next());
    expect(aleaStream("s").next()).toBe(aleaStream("s").next());
  });
});
