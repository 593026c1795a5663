import { describe, expect, it } from "vitest";
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from "../../../src/analysis/experiments/index.js";

/** Points x elementary-interval counts: how many of the points fall in each [i/b, (i+1)/b) x [j/c, (j+1)/c). */
function boxCounts(points: number[][], d1: number, d2: number, b: number, c: number): number[] {
  const counts = new Array<number>(b * c).fill(0);
  for (const p of points) counts[Math.floor(p[d1] * b) * c + Math.floor(p[d2] * c)]++;
  return counts;
}

describe("sobolSequence (Joe-Kuo new-joe-kuo-6.21201 direction numbers)", () => {
  it("starts with the published points of the Sobol' sequence", () => {
    // First 8 points in 5 dimensions, as in Joe and Kuo's sobol.cc output and
    // scipy.stats.qmc.Sobol(5, scramble=False).random(8).
    expect(sobolSequence(8, 5)).toEqual([
      [0, 0, 0, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25, 0.25, 0.75],
      [0.25, 0.75, 0.75, 0.75, 0.25],
      [0.375, 0.375, 0.625, 0.875, 0.375],
      [0.875, 0.875, 0.125, 0.375, 0.875],
      [0.625, 0.125, 0.875, 0.625, 0.625],
      [0.125, 0.625, 0.375, 0.125, 0.125],
    ]);
  });

  it("matches reference points deep in the sequence and in high dimensions", () => {
    // scipy.stats.qmc.Sobol(256, scramble=False, bits=32).random(1024), rows 100, 1000 and 1023,
    // dimensions 1, 2, 10, 64, 100 and 256 (1-based).
    const pts = sobolSequence(1024, 256);
    const dims = [0, 1, 9, 63, 99, 255];
    expect(dims.map((d) => pts[100][d])).toEqual([0.4140625, 0.2578125, 0.6953125, 0.6484375, 0.8828125, 0.5703125]);
    expect(dims.map((d) => pts[1000][d])).toEqual([0.2197265625, 0.0966796875, 0.0693359375, 0.4462890625, 0.1865234375, 0.2490234375]);
    expect(dims.map((d) => pts[1023][d])).toEqual([0.0009765625, 0.7529296875, 0.8505859375, 0.0400390625, 0.5302734375, 0.8427734375]);
  });

  it("skip gives the same points as generating from the start and dropping them", () => {
    const all = sobolSequence(300, 7);
    expect(sobolSequence(45, 7, { skip: 255 })).toEqual(all.slice(255));
    expect(sobolSequence(1, 7, { skip: 299 })).toEqual(all.slice(299));
  });

  it("is a (0, m, 2)-net in dimensions 1 and 2: 256 points put one point in every elementary box", () => {
    for (const scrambleSeed of [undefined, 7]) {
      const pts = sobolSequence(256, 2, { scrambleSeed });
      for (const [b, c] of [[256, 1], [16, 16], [2, 128], [128, 2], [1, 256]]) {
        expect(boxCounts(pts, 0, 1, b, c).every((n) => n === 1)).toBe(true);
      }
    }
  });

  it("stratifies every dimension: 1024 points put one in each of 1024 intervals, scrambled or not", () => {
    for (const scrambleSeed of [undefined, 3]) {
      const pts = sobolSequence(1024, 40, { scrambleSeed });
      for (let d = 0; d < 40; d++) expect(boxCounts(pts, d, d, 1024, 1).every((n) => n === 1)).toBe(true);
    }
  });

  it("scrambling is deterministic in its seed, differs between seeds and leaves [0, 1)", () => {
    const a = sobolSequence(64, 6, { scrambleSeed: 11 });
    expect(sobolSequence(64, 6, { scrambleSeed: 11 })).toEqual(a);
    expect(sobolSequence(64, 6, { scrambleSeed: 12 })).not.toEqual(a);
    expect(a).not.toEqual(sobolSequence(64, 6));
    expect(a.flat().every((u) => u >= 0 && u < 1)).toBe(true);
  });

  it("rejects dimensions beyond the table and bad counts", () => {
    expect(() => sobolSequence(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(RangeError);
    expect(() => sobolSequence(4, 0)).toThrow(RangeError);
    expect(() => sobolSequence(-1, 2)).toThrow(RangeError);
    expect(() => sobolSequence(2, 2, { skip: 4294967295 })).toThrow(RangeError);
    expect(sobolSequence(4, SOBOL_MAX_DIMENSIONS)).toHaveLength(4);
  });
});
