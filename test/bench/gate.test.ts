import { describe, expect, it } from "vitest";
import { blindSlowdown, describeVerdict, judge, MAD_MULTIPLIER, needsRetry, outcome, RELATIVE_TOLERANCE } from "../../bench/gate.js";

describe("judge", () => {
  it("tolerates a 25% drop when the noise is small", () => {
    const base = { ratio: 0.5, mad: 0.005 };
    expect(judge(base, { ratio: 0.4, mad: 0.005 }).pass).toBe(true);
    expect(judge(base, { ratio: 0.375, mad: 0.005 }).pass).toBe(true); // exactly at the threshold
    expect(judge(base, { ratio: 0.37, mad: 0.005 }).pass).toBe(false);
    expect(judge(base, { ratio: 0.37, mad: 0.005 }).threshold).toBe(0.375);
  });

  it("widens the band to 4 x the baseline's MAD when that is larger; a noisy attempt does not widen it", () => {
    const v = judge({ ratio: 0.4, mad: 0.04 }, { ratio: 0.25, mad: 0.001 });
    expect(v.mad).toBe(0.04);
    expect(v.attemptMad).toBe(0.001);
    expect(v.allowedDrop).toBeCloseTo(MAD_MULTIPLIER * 0.04, 12);
    expect(v.threshold).toBeCloseTo(0.24, 12);
    expect(v.pass).toBe(true);
    expect(judge({ ratio: 0.4, mad: 0.04 }, { ratio: 0.23, mad: 0 }).pass).toBe(false);
    expect(judge({ ratio: 0.4, mad: 0.01 }, { ratio: 0.25, mad: 0.2 }).pass).toBe(false);
  });

  it("says which slowdown the band cannot see", () => {
    expect(blindSlowdown({ ratio: 0.4, mad: 0 })).toBeCloseTo(4 / 3, 12);
    expect(blindSlowdown({ ratio: 0.4, mad: 0.05 })).toBeCloseTo(2, 12);
    expect(blindSlowdown({ ratio: 0.4, mad: 0.1 })).toBe(Infinity);
  });

  it("passes any improvement and reports the relative change", () => {
    const v = judge({ ratio: 0.4, mad: 0.01 }, { ratio: 0.5, mad: 0.01 });
    expect(v.pass).toBe(true);
    expect(v.change).toBeCloseTo(0.25, 12);
  });

  it("fails a model made twice as slow", () => {
    expect(judge({ ratio: 0.4, mad: 0.02 }, { ratio: 0.2, mad: 0.01 }).pass).toBe(false);
    expect(RELATIVE_TOLERANCE).toBe(0.25);
  });

  it("rejects a non-positive baseline", () => {
    expect(() => judge({ ratio: 0, mad: 0 }, { ratio: 0.1, mad: 0 })).toThrow(/positive/);
  });
});

describe("two consecutive attempts", () => {
  const pass = judge({ ratio: 0.4, mad: 0 }, { ratio: 0.4, mad: 0 });
  const fail = judge({ ratio: 0.4, mad: 0 }, { ratio: 0.1, mad: 0 });

  it("re-measures after a single failure only", () => {
    expect(needsRetry([pass])).toBe(false);
    expect(needsRetry([fail])).toBe(true);
    expect(needsRetry([fail, fail])).toBe(false);
  });

  it("fails only when two consecutive attempts fail", () => {
    expect(outcome("c", [pass]).pass).toBe(true);
    expect(outcome("c", [fail, pass]).pass).toBe(true);
    expect(outcome("c", [fail, fail]).pass).toBe(false);
    expect(() => outcome("c", [fail])).toThrow(/measured again/);
    expect(() => outcome("c", [])).toThrow(/no attempt/);
  });

  it("names case, baseline, measured and threshold in its message", () => {
    const line = describeVerdict("core-1x", fail, 2);
    expect(line).toContain("core-1x attempt 2: FAIL");
    expect(line).toContain("ratioToKernel 0.1 vs baseline 0.4");
    expect(line).toContain("threshold 0.3");
    expect(line).toContain("baseline MAD 0");
  });
});
