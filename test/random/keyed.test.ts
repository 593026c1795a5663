import { describe, expect, it } from "vitest";
import { combineKeys, keyedHash32, keyedStream, keyedUniform, streamId } from "../../src/random/keyed.js";
import { hashString32 } from "../../src/random/seeds.js";
import { chiSquareBound, chiSquareUniform, correlation, ksBound, ksUniform, moments, sample } from "./helpers.js";

const N = 50_000;
const LEADS = streamId("leads");
const SEED = 987654321;

describe("keyedUniform", () => {
  it("is a pure function of its arguments with known values", () => {
    expect(keyedUniform(0, 0, 0, 0, 0)).toBe(0.22663698923964415);
    expect(keyedUniform(123456789, LEADS, 17, 12, 3)).toBe(0.5911482731669698);
    expect(keyedHash32(123456789, LEADS, 17, 12, 3)).toBe(2538962500);
    expect(keyedUniform(SEED, LEADS, 5, 3, 1)).toBe(keyedUniform(SEED, LEADS, 5, 3, 1));
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
