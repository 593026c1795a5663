import { describe, expect, it } from "vitest";
import { combineKeys, KeyedPass, keyedHash32, keyedStream, keyedUniform, streamId } from "../../src/random/keyed.js";
import { normalQuantile } from "../../src/random/math.js";
import { hashString32 } from "../../src/random/seeds.js";
import { chiSquareBound, chiSquareUniform, correlation, ksBound, ksUniform, moments, sample } from "./helpers.js";

const N = 50_000;
const M32 = 0xffffffffn;

/** lowbias32 over BigInt (mod 2^32), written from the README, not from src. */
function refMix(x: bigint): bigint {
  x &= M32;
  x ^= x >> 16n;
  x = (x * 0x7feb352dn) & M32;
  x ^= x >> 15n;
  x = (x * 0x846ca68bn) & M32;
  return x ^ (x >> 16n);
}
/** absorb32(h, w) = mix((h xor w) + golden). */
const refAbsorb = (h: bigint, w: bigint): bigint => refMix(((h ^ w) + 0x9e3779b9n) & M32);
/** A word of the pass: mix(init xor seed), then absorb stream, then quarter. */
const refWord = (init: bigint, seed: bigint, stream: bigint, quarter: bigint): bigint => refAbsorb(refAbsorb(refMix(init ^ seed), stream), quarter);
/** [high 32 bits, c] of a draw per the documented scheme (arguments mod 2^32). */
function referenceDraw(seed: number, stream: number, key: number, quarter: number, index: number): [bigint, bigint] {
  const w = (v: number): bigint => BigInt.asUintN(32, BigInt(v));
  const s0 = refWord(0x243f6a88n, w(seed), w(stream), w(quarter));
  const s1 = refWord(0xb7e15162n, w(seed), w(stream), w(quarter));
  const s2 = refWord(0x6a09e667n, w(seed), w(stream), w(quarter));
  const a = refMix(((s0 ^ w(key)) + 0x9e3779b9n) & M32);
  const b = refMix(((a ^ w(index)) + s1) & M32);
  const c = refMix(((a + b) & M32) ^ s2);
  return [b, c];
}
const LEADS = streamId("leads");
const SEED = 987654321;

describe("keyedUniform", () => {
  it("is a pure function of its arguments with known values", () => {
    // Pinned so that an accidental change of the scheme (which changes every model result) fails here.
    expect(keyedUniform(0, 0, 0, 0, 0)).toBe(0.9149502644383959);
    expect(keyedUniform(123456789, LEADS, 17, 12, 3)).toBe(0.8446097506048876);
    expect(keyedHash32(123456789, LEADS, 17, 12, 3)).toBe(3627571256);
    expect(keyedUniform(SEED, LEADS, 5, 3, 1)).toBe(keyedUniform(SEED, LEADS, 5, 3, 1));
  });

  it("follows the documented scheme (an independent BigInt implementation)", () => {
    const cases: [number, number, number, number, number][] = [
      [0, 0, 0, 0, 0],
      [123456789, LEADS, 17, 12, 3],
      [2 ** 32 - 1, 2 ** 31, 2 ** 32 - 1, -1, 2 ** 32 - 1],
      [SEED, streamId("firm-shock"), 40_000, -8, 7],
    ];
    for (const c of cases) {
      const [hi, lo] = referenceDraw(...c);
      expect(keyedHash32(...c)).toBe(Number(hi));
      expect(keyedUniform(...c)).toBe((Number(hi) * 2 ** 20 + Number(lo >> 12n) + 0.5) * 2 ** -52);
    }
  });

  it("stays strictly inside (0, 1) and has the high 32 bits of keyedHash32", () => {
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < N; i++) {
      const u = keyedUniform(SEED, LEADS, i, i % 40, i % 3);
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      if (i < 1000) expect(Math.floor(u * 2 ** 32)).toBe(keyedHash32(SEED, LEADS, i, i % 40, i % 3));
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    // The construction's extremes: (0 + 0.5) 2^-52 and (2^52 - 1 + 0.5) 2^-52.
    expect(0.5 * 2 ** -52).toBeGreaterThan(0);
    expect((2 ** 52 - 0.5) * 2 ** -52).toBeLessThan(1);
  });

  it("is uniform (chi-square over 100 bins, KS) with the right moments", () => {
    const us = sample(N, (i) => keyedUniform(SEED, LEADS, i, 7, 0));
    expect(chiSquareUniform(us, 100)).toBeLessThan(chiSquareBound(99));
    expect(ksUniform(us)).toBeLessThan(ksBound(N));
    const m = moments(us);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * m.seMean);
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(5 * m.seVariance);
  });

  it("is uncorrelated across neighbouring keys, quarters, indices, streams and run seeds", () => {
    const bound = 5 / Math.sqrt(N);
    const base = sample(N, (i) => keyedUniform(SEED, LEADS, i, 10, 0));
    const neighbours: Record<string, Float64Array> = {
      key: sample(N, (i) => keyedUniform(SEED, LEADS, i + 1, 10, 0)),
      quarter: sample(N, (i) => keyedUniform(SEED, LEADS, i, 11, 0)),
      index: sample(N, (i) => keyedUniform(SEED, LEADS, i, 10, 1)),
      stream: sample(N, (i) => keyedUniform(SEED, LEADS + 1, i, 10, 0)),
      runSeed: sample(N, (i) => keyedUniform(SEED + 1, LEADS, i, 10, 0)),
    };
    for (const [name, other] of Object.entries(neighbours)) {
      expect(Math.abs(correlation(base, other)), name).toBeLessThan(bound);
    }
    // Consecutive quarters of one agent, and consecutive indices of one agent-quarter.
    const byQuarter = sample(N, (q) => keyedUniform(SEED, LEADS, 3, q, 0));
    expect(Math.abs(correlation(byQuarter.subarray(0, N - 1), byQuarter.subarray(1)))).toBeLessThan(bound);
    const byIndex = sample(N, (j) => keyedUniform(SEED, LEADS, 3, 4, j));
    expect(Math.abs(correlation(byIndex.subarray(0, N - 1), byIndex.subarray(1)))).toBeLessThan(bound);
  });

  it("gives distinct values to distinct keys", () => {
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) for (let q = 0; q < 40; q++) for (let j = 0; j < 5; j++) seen.add(keyedUniform(SEED, LEADS, k, q, j));
    expect(seen.size).toBe(200 * 40 * 5);
  });

  it("treats negative quarters as distinct integers", () => {
    expect(keyedUniform(SEED, LEADS, 1, -1, 0)).not.toBe(keyedUniform(SEED, LEADS, 1, 1, 0));
    expect(keyedUniform(SEED, LEADS, 1, -1, 0)).toBe(keyedUniform(SEED, LEADS, 1, 2 ** 32 - 1, 0));
  });
});

describe("KeyedPass", () => {
  it("gives keyedUniform's and keyedHash32's values, and normal = normalQuantile(uniform)", () => {
    const pass = new KeyedPass();
    expect(pass.reset(SEED, LEADS, 6)).toBe(pass);
    for (let k = 0; k < 300; k++) {
      for (let j = 0; j < 3; j++) {
        const u = pass.uniform(k * 7919, j);
        expect(u).toBe(keyedUniform(SEED, LEADS, k * 7919, 6, j));
        expect(pass.hash32(k * 7919, j)).toBe(keyedHash32(SEED, LEADS, k * 7919, 6, j));
        expect(pass.normal(k * 7919, j)).toBe(normalQuantile(u));
      }
    }
  });

  it("uniforms and normals fill a buffer with the pass's uniform and normal of each key", () => {
    const pass = new KeyedPass().reset(SEED, LEADS, 9);
    const keys = Uint32Array.from({ length: 2000 }, (_, j) => (j * 2654435761) >>> 0);
    const u = new Float64Array(2001).fill(-1);
    const z = new Float64Array(2001).fill(-1);
    pass.uniforms(keys, 2000, 3, u);
    pass.normals(keys, 2000, 3, z);
    let tails = 0;
    for (let j = 0; j < 2000; j++) {
      expect(u[j]).toBe(pass.uniform(keys[j], 3));
      expect(z[j]).toBe(pass.normal(keys[j], 3));
      if (Math.abs(u[j] - 0.5) > 0.425) tails++;
    }
    expect(tails).toBeGreaterThan(100); // the quantile's tail branch is exercised too
    expect(u[2000]).toBe(-1); // nothing past n is written
    expect(z[2000]).toBe(-1);
  });

  it("depends only on the last reset, and takes integers mod 2^32", () => {
    const a = new KeyedPass().reset(1, 2, 3);
    const b = new KeyedPass().reset(9, 9, 9);
    b.uniform(5, 0);
    b.reset(1, 2, 3);
    expect(b.uniform(5, 0)).toBe(a.uniform(5, 0));
    expect(new KeyedPass().reset(1, 2, -3).uniform(5, 1)).toBe(new KeyedPass().reset(1, 2, 2 ** 32 - 3).uniform(5, 1));
    expect(a.uniform(-1, 0)).toBe(a.uniform(2 ** 32 - 1, 0));
    expect(a.uniform(5, -1)).toBe(a.uniform(5, 2 ** 32 - 1));
    expect(new KeyedPass().reset(1, 2, 3).uniform(5, 0)).not.toBe(new KeyedPass().reset(1, 2, 4).uniform(5, 0));
  });
});

describe("streamId, combineKeys and keyedStream", () => {
  it("streamId is hashString32", () => {
    expect(streamId("leads")).toBe(hashString32("leads"));
  });
  it("combineKeys is order-sensitive and collision-free on a small grid", () => {
    const seen = new Set<number>();
    for (let a = 0; a < 100; a++) for (let b = 0; b < 100; b++) seen.add(combineKeys(a, b));
    expect(seen.size).toBe(10_000);
    expect(combineKeys(1, 2)).not.toBe(combineKeys(2, 1));
  });
  it("keyedStream walks the index", () => {
    const s = keyedStream(SEED, LEADS, 9, 4, 2);
    expect([s.next(), s.next(), s.next()]).toEqual([2, 3, 4].map((j) => keyedUniform(SEED, LEADS, 9, 4, j)));
  });
});
