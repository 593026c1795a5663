import { describe, expect, it } from "vitest";
import { absorb32, deriveSeed, hashString32, mix32 } from "../../src/random/seeds.js";

/** Reference FNV-1a over TextEncoder's UTF-8 bytes. */
function fnv1aUtf8(s: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

describe("deriveSeed", () => {
  it("keeps its known values (a change here changes every batch's seeds)", () => {
    expect([
      deriveSeed(0, 0),
      deriveSeed(0, 1),
      deriveSeed(42, 0),
      deriveSeed(42, 1),
      deriveSeed(42, 999),
      deriveSeed(2 ** 53 - 1, 2 ** 32 + 5),
      deriveSeed(20240601, 7),
    ]).toEqual([2604305085, 3143102738, 1286749708, 3346879515, 3985965278, 4240793268, 914665794]);
  });

  it("returns uint32 values, distinct for 100 000 run indices of one base seed", () => {
    const seen = new Set<number>();
    let bad = 0;
    for (let i = 0; i < 100_000; i++) {
      const s = deriveSeed(12345, i);
      if (!(Number.isInteger(s) && s >= 0 && s < 2 ** 32)) bad++;
      seen.add(s);
    }
    expect(bad).toBe(0);
    expect(seen.size).toBe(100_000);
  });

  it("makes N runs a prefix of M > N runs, independent of the batch size", () => {
    const plan = (base: number, n: number) => Array.from({ length: n }, (_, i) => deriveSeed(base, i));
    expect(plan(7, 100)).toEqual(plan(7, 1000).slice(0, 100));
  });

  it("gives different base seeds different run seeds", () => {
    const a = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(1, i)));
    const overlap = Array.from({ length: 1000 }, (_, i) => deriveSeed(2, i)).filter((s) => a.has(s));
    expect(overlap).toEqual([]);
    expect(deriveSeed(2 ** 32, 0)).not.toBe(deriveSeed(0, 0));
  });

  it("rejects negative, fractional, unsafe and non-finite inputs", () => {
    for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
      expect(() => deriveSeed(bad, 0)).toThrow(RangeError);
      expect(() => deriveSeed(0, bad)).toThrow(RangeError);
    }
  });
});

describe("mix32 and absorb32", () => {
  it("keep known values and return uint32", () => {
    expect([mix32(0), mix32(1), mix32(0xffffffff), mix32(-1)]).toEqual([0, 1753845952, 1734902346, 1734902346]);
  });
  it("are injective on a range of inputs", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(absorb32(0xdeadbeef, i));
    expect(seen.size).toBe(100_000);
  });
  it("flip about half the output bits per flipped input bit", () => {
    let flips = 0;
    let trials = 0;
    for (let x = 0; x < 2000; x++) {
      for (let bit = 0; bit < 32; bit++) {
        let d = (mix32(x * 2654435761) ^ mix32((x * 2654435761) ^ (1 << bit))) >>> 0;
        while (d) {
          flips += d & 1;
          d >>>= 1;
        }
        trials++;
      }
    }
    // Binomial(32 trials, 1/2) per pair: mean 16, sd 2.83; 5 SE of the average over 64 000 pairs.
    expect(Math.abs(flips / trials - 16)).toBeLessThan((5 * 2.83) / Math.sqrt(trials));
  });
});

describe("hashString32", () => {
  it("is FNV-1a 32 with the published test vectors", () => {
    expect(hashString32("")).toBe(0x811c9dc5);
    expect(hashString32("a")).toBe(0xe40c292c);
    expect(hashString32("foobar")).toBe(0xbf9cf968);
  });
  it("hashes UTF-8 bytes like TextEncoder, including astral and lone surrogates", () => {
    for (const s of ["$.industries.biopharma.marketTrend", "亿元/yr", "亩", "emoji 🧬 ok", "lone \ud800 x", "end \udc00", "\ud83e"]) {
      expect(hashString32(s)).toBe(fnv1aUtf8(s));
    }
  });
});
