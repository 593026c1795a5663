/**
 * Analytic test functions run through the experiment machinery in place of the model (to check
 * the estimators end to end): Ishigami, Sobol' G and a planted box (1 inside a box of the unit
 * cube, 0 outside, for PRIM). Deterministic unless `noise` is set: then each run adds
 * noise x a standard normal drawn from its seed and its point (keyed, so the same run always
 * gets the same draw, and independently across points and seeds). Without noise the
 * replications of a point are identical and add nothing.
 */
import { ishigami, ishigamiFactors, sobolG, sobolGFactors, type RangeFactor } from "../../analysis/experiments/index.js";
import { keyedUniform, normalQuantile, streamId } from "../../random/index.js";
import type { TestFunctionModel } from "./spec.js";

/** The stream of the test functions' noise. */
const NOISE_STREAM = streamId("experiment/test-function-noise");

/** The inputs of a test function: x1..xk with their standard ranges. */
export function testFunctionFactors(model: TestFunctionModel): RangeFactor[] {
  switch (model.kind) {
    case "ishigami":
      return ishigamiFactors();
    case "sobol-g":
      return sobolGFactors(model.a.length);
    case "box":
      return sobolGFactors(model.dimensions);
  }
}

/** The test function's value at x (the inputs in order). */
export function testFunctionValue(model: TestFunctionModel, x: readonly number[]): number {
  switch (model.kind) {
    case "ishigami":
      return ishigami(x, model.a, model.b);
    case "sobol-g":
      return sobolG(x, model.a);
    case "box":
      return model.box.every(([lo, hi], j) => x[j] >= lo && x[j] <= hi) ? 1 : 0;
  }
}

/** The run's noise: sd x a standard normal keyed by (run seed, point); 0 when sd is 0. */
export function testFunctionNoise(sd: number, seed: number, point: number): number {
  return sd === 0 ? 0 : sd * normalQuantile(keyedUniform(seed, NOISE_STREAM, point, 0, 0));
}
