/** A point's statistic over its replications: probability (Wilson), mean (t), quantile (order-statistic interval); failed runs (NaN) left out. */
import { describe, expect, it } from "vitest";
import { pointStat, quantileInterval } from "../../src/batch/experiment/point-stats.js";
import type { ResolvedOutcome } from "../../src/batch/experiment/outcomes.js";
import { keyedUniform, streamId } from "../../src/random/index.js";

const outcome = (binary: boolean, statistic: ResolvedOutcome["statistic"]): ResolvedOutcome => ({ name: "o", value: { source: { kind: "output" } }, statistic, binary, unit: "none", description: "" });

describe("pointStat", () => {
  it("gives a probability with its Wilson interval, a mean with its t-interval, and skips failed runs", () => {
    const p = pointStat(outcome(true, "mean"), [1, 0, NaN, 1, 1]);
    expect(p.value).toBe(0.75);
    expect(p.low!).toBeLessThan(0.75);
    expect(p.high!).toBeGreaterThan(0.75);
    const m = pointStat(outcome(false, "mean"), [1, 2, 3, NaN]);
    expect(m.value).toBe(2);
    expect(m.low!).toBeCloseTo(2 - 4.302652729911275 / Math.sqrt(3), 9); // t(0.975, 2) x sd 1 / sqrt 3
    expect(pointStat(outcome(false, "mean"), [5]).low).toBeNull();
    expect(pointStat(outcome(false, "mean"), [NaN, NaN])).toEqual({ value: null, low: null, high: null });
  });

  it("gives a type-7 quantile with the order statistics that cover it at 95% or more", () => {
    const sorted = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(pointStat(outcome(false, { quantile: 0.5 }), [...sorted].reverse()).value).toBe(5.5);
    expect(quantileInterval(sorted, 0.5)).toEqual([2, 9]); // P(2 <= Bin(10, 0.5) <= 8) = 0.979
    expect(quantileInterval(sorted.slice(0, 4), 0.5)).toBeNull(); // four values cannot give a 95% interval
    expect(quantileInterval(sorted, 0.1)).toBeNull(); // nor can ten for the 10th percentile's lower end
  });

  it("covers the true median in about 95% of samples or more (uniform data)", () => {
    const s = streamId("test/quantile-interval");
    let covered = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const x = Array.from({ length: 25 }, (_, i) => keyedUniform(1, s, t, 0, i)).sort((a, b) => a - b);
      const ci = quantileInterval(x, 0.5)!;
      if (ci[0] <= 0.5 && 0.5 <= ci[1]) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.94);
    expect(covered / trials).toBeLessThan(0.995);
  });
});
