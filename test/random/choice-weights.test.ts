import { describe, expect, it } from "vitest";
import { distributionIssues, distributionMean, drawDistribution, type ChoiceSpec } from "../../src/random/distribution.js";
import { choice } from "../../src/random/samplers.js";
import { aleaStream, type RandomStream } from "../../src/random/streams.js";

/** A stream that returns the given uniforms in turn. */
const fixed = (...us: number[]): RandomStream => ({ next: () => us.shift()! }) as RandomStream;

/** Share of each value over `n` draws. */
function shares(spec: ChoiceSpec, n = 4000): Map<number, number> {
  const stream = aleaStream("choice-weights");
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const v = drawDistribution(spec, stream);
    counts.set(v, (counts.get(v) ?? 0) + 1 / n);
  }
  return counts;
}

describe("choice weights whose sum overflows", () => {
  it("two weights of 1e308 pick each value about half the time", () => {
    const s = shares({ dist: "choice", values: [1, 2], weights: [1e308, 1e308] });
    expect(s.get(1)).toBeGreaterThan(0.45);
    expect(s.get(2)).toBeGreaterThan(0.45);
    expect(drawDistribution({ dist: "choice", values: [1, 2], weights: [1e308, 1e308] }, fixed(0.25))).toBe(1);
  });

  it("keep their proportions, and a zero weight is never picked", () => {
    const s = shares({ dist: "choice", values: [1, 2, 3], weights: [1.5e308, 0, 0.5e308] });
    expect(s.get(2)).toBeUndefined();
    expect(s.get(1)).toBeGreaterThan(0.72);
    expect(s.get(1)).toBeLessThan(0.78);
  });

  it("have a finite weighted mean and no validation issue", () => {
    const spec: ChoiceSpec = { dist: "choice", values: [1, 2, 3], weights: [1e308, 1e308, 1e308] };
    expect(distributionMean(spec)).toBeCloseTo(2, 12);
    expect(distributionIssues(spec)).toEqual([]);
  });

  it("an infinite weight is a validation issue, not a silent pick", () => {
    expect(distributionIssues({ dist: "choice", values: [1, 2], weights: [Infinity, 1] })).toEqual(["weights[0] must be finite and >= 0"]);
    expect(() => drawDistribution({ dist: "choice", values: [1, 2], weights: [1, Infinity] }, fixed(0.5))).toThrow(RangeError);
  });

  it("weights that do not overflow draw exactly as before (the sampler itself, unscaled)", () => {
    const spec: ChoiceSpec = { dist: "choice", values: [10, 20, 30], weights: [0.2, 0.3, 0.5] };
    const stream = aleaStream("choice-unchanged");
    for (let i = 0; i < 500; i++) {
      const u = stream.next();
      expect(drawDistribution(spec, fixed(u))).toBe(choice(spec.values, spec.weights, u));
    }
  });
});
