/**
 * A statistical battery over about 10^7 draws of the keyed generator (KeyedPass): uniformity,
 * bit frequencies, serial dependence along keys, indices and quarters, independence between
 * streams, run seeds and between many passes, and bit avalanche on every input word (checks in
 * battery-checks.ts). Each statistic is an approximately standard normal z, bounded so that an
 * ideal generator fails it with probability 1e-6 (max-type statistics Bonferroni-corrected).
 * The same checks reject four deliberately weakened generators, so they can fail.
 */
import { describe, expect, it } from "vitest";
import { KeyedPass } from "../../src/random/keyed.js";
import { mixInt32 } from "../../src/random/seeds.js";
import {
  drawAvalancheChecks,
  failures,
  indexChecks,
  onePassChecks,
  passAvalancheChecks,
  passChecks,
  passTriples,
  quarterChecks,
  streamChecks,
  type PassGenerator,
  type Statistic,
} from "./battery-checks.js";

/** "name: z (bound)" of every failing statistic. */
const failing = (stats: readonly Statistic[]): string[] => failures(stats).map((s) => `${s.name}: z ${s.z.toFixed(2)} (bound ${s.bound.toFixed(2)})`);

describe("keyed generator: statistical battery (about 10^7 draws)", () => {
  const g = new KeyedPass();
  it("one pass over 2^22 consecutive keys: uniform in high and low bits, fair bits, no serial dependence", () => {
    expect(failing(onePassChecks(g))).toEqual([]);
  });
  it("consecutive indices of one agent are independent; high and low bits independent along one agent", () => {
    expect(failing(indexChecks(g))).toEqual([]);
  });
  it("adjacent quarters of one agent are independent (2^13 keys x quarters -16..47)", () => {
    expect(failing(quarterChecks(g))).toEqual([]);
  });
  it("streams and run seeds, adjacent or not, give independent draws for the same agents", () => {
    expect(failing(streamChecks(g))).toEqual([]);
  });
  it("different (seed, stream, quarter) passes are uncorrelated: all pairs of 256 passes over 4096 agents", () => {
    expect(new Set(passTriples().map((t) => t.join())).size).toBe(256);
    expect(failing(passChecks(g))).toEqual([]);
  });
  it("avalanche: any bit of the key or the index flips each of the 52 output bits half the time", () => {
    expect(failing(drawAvalancheChecks(g))).toEqual([]);
  });
  it("avalanche: any bit of the run seed, the stream or the quarter flips each output bit half the time", () => {
    expect(failing(passAvalancheChecks(g, new KeyedPass()))).toEqual([]);
  });
});

const GOLDEN = 0x9e3779b9;
type Weakness = "no third round" | "key absorbed without a round" | "only 32 bits" | "quarter xored into one word";

/** KeyedPass's scheme with one weakness built in. */
class WeakPass implements PassGenerator {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  constructor(private readonly weakness: Weakness) {}
  reset(seed: number, stream: number, quarter: number): this {
    const word = (init: number, q: number) => mixInt32((mixInt32(mixInt32(init ^ seed) ^ stream) + GOLDEN) ^ q);
    const linear = this.weakness === "quarter xored into one word";
    this.s0 = linear ? word(0x243f6a88, 0) ^ quarter : word(0x243f6a88, quarter);
    this.s1 = word(0x0b7e1516, linear ? 0 : quarter);
    this.s2 = word(0x6a09e667, linear ? 0 : quarter);
    return this;
  }
  uniform(key: number, index: number): number {
    const a = this.weakness === "key absorbed without a round" ? this.s0 ^ key : mixInt32(((this.s0 ^ key) + GOLDEN) | 0);
    const b = mixInt32(((a ^ index) + this.s1) | 0);
    const mixed = ((a + b) | 0) ^ this.s2;
    const c = this.weakness === "no third round" ? mixed : this.weakness === "only 32 bits" ? 0 : mixInt32(mixed);
    return ((b >>> 0) * 2 ** 20 + (c >>> 12) + 0.5) * 2 ** -52;
  }
}

describe("the battery rejects weakened generators", () => {
  const cases: [Weakness, (g: PassGenerator) => Statistic[], string][] = [
    ["no third round", indexChecks, "one agent's 2^20 indices: low 20 bits against high 32 bits"],
    ["key absorbed without a round", indexChecks, "consecutive indices, pairs"],
    ["only 32 bits", drawAvalancheChecks, "avalanche on key and index: all bit pairs"],
    ["quarter xored into one word", quarterChecks, "adjacent quarters, pairs"],
  ];
  for (const [weakness, checks, caughtBy] of cases) {
    it(`${weakness}: fails "${caughtBy}"`, () => {
      const names = failures(checks(new WeakPass(weakness))).map((s) => s.name);
      expect(names.some((n) => n.startsWith(caughtBy)), names.join("; ")).toBe(true);
    });
  }
});
