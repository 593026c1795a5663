import { describe, expect, it } from "vitest";
import { perSecond, summarize } from "../../bench/stats.js";

describe("summarize", () => {
  it("gives median, raw MAD and quartiles", () => {
    const s = summarize([1, 1, 2, 2, 4, 6, 9]);
    expect(s.median).toBe(2);
    expect(s.mad).toBe(1);
    expect(s.min).toBe(1);
    expect(s.max).toBe(9);
    expect(s.n).toBe(7);
    expect(s.q1).toBeLessThanOrEqual(s.median);
    expect(s.q3).toBeGreaterThanOrEqual(s.median);
  });

  it("is robust to one outlier", () => {
    const s = summarize([10, 10.1, 9.9, 10.05, 500]);
    expect(s.median).toBe(10.05);
    expect(s.mad).toBeCloseTo(0.05, 12);
  });

  it("does not reorder its input", () => {
    const xs = [3, 1, 2];
    summarize(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it("rejects empty and non-finite samples", () => {
    expect(() => summarize([])).toThrow(/empty/);
    expect(() => summarize([1, NaN])).toThrow(/non-finite/);
  });
});

describe("perSecond", () => {
  it("converts work per millisecond to per second", () => {
    expect(perSecond(500, 250)).toBe(2000);
  });
});
