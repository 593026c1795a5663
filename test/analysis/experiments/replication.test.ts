import { describe, expect, it } from "vitest";
import { replicationMeans, replicationNoise } from "../../../src/analysis/experiments/index.js";
import { keyedUniform, normalQuantile, streamId } from "../../../src/random/index.js";

const NOISE = streamId("test/replication-noise");
/** Standard normal draw for point p, replication r. */
const z = (p: number, r: number) => normalQuantile(keyedUniform(99, NOISE, p, 0, r));
/** A P x R matrix with entries f(p, r). */
const matrix = (points: number, reps: number, f: (p: number, r: number) => number) =>
  Array.from({ length: points }, (_, p) => Array.from({ length: reps }, (_, r) => f(p, r)));

describe("replicationNoise", () => {
  it("is about 1 when the outputs are pure noise", () => {
    // 3,000 points: the share's sampling sd is about 0.03, so 0.85 is 5 sd below 1 (300 points gave sd 0.09).
    const res = replicationNoise(matrix(3000, 8, (p, r) => 3 + 2 * z(p, r)));
    expect(res.noiseShare).toBeGreaterThan(0.85);
    expect(res.noiseVariance).toBeGreaterThan(3.6);
    expect(res.noiseVariance).toBeLessThan(4.4);
  });

  it("is 0 for a deterministic model", () => {
    const res = replicationNoise(matrix(50, 5, (p) => p * p));
    expect(res.noiseShare).toBe(0);
    expect(res.noiseVariance).toBe(0);
  });

  it("estimates the noise share of the point means when both parts are present", () => {
    // Factor effect variance 1, noise variance 4, R = 4: the means carry 1 + 4/4, half of it noise.
    const res = replicationNoise(matrix(2000, 4, (p, r) => z(p, 1000) + 2 * z(p, r)));
    expect(res.noiseShare).toBeGreaterThan(0.42);
    expect(res.noiseShare).toBeLessThan(0.58);
  });

  it("does not count a seed effect shared by every point (common random numbers) as noise", () => {
    const values = matrix(100, 6, (p, r) => p / 10 + 5 * z(-1, r));
    expect(replicationNoise(values).noiseShare).toBeLessThan(1e-12);
    // Treated as independent seeds, the within-point spread would swamp the factor effect.
    expect(replicationNoise(values, false).noiseShare).toBeGreaterThan(0.1);
  });

  it("averages each point's replications and checks the shape", () => {
    expect(replicationMeans([[1, 2, 3], [4, 4, 4]])).toEqual([2, 4]);
    expect(() => replicationNoise([[1, 2]])).toThrow(RangeError);
    expect(() => replicationNoise([[1], [2]])).toThrow(RangeError);
    expect(() => replicationNoise([[1, 2], [3]])).toThrow(/point 1/);
    expect(() => replicationNoise([[1, 2], [3, NaN]])).toThrow(/not finite/);
    expect(replicationNoise([[1, 2], [1, 2]]).noiseShare).toBeNaN();
  });
});
