/** Toy simulators with known posteriors for the ABC-SMC tests, and quadrature helpers. */
import type { CalibrationObservation, CalibrationProblem } from "../../../src/analysis/calibration/index.js";
import { keyedUniform, normalCdf, normalQuantile } from "../../../src/random/index.js";

/** A standard normal draw from history seed `seed` (draw `index` of the history). */
export function historyNormal(seed: number, index = 0): number {
  return normalQuantile(keyedUniform(seed, 0x5eed, 0, 0, index));
}

/**
 * Normal mean: mu ~ Normal(0, 1); the statistic is a sample mean, mu + noiseSd x Z with Z from
 * the history seed; one interval observation.
 */
export function normalMeanProblem(observation: CalibrationObservation, noiseSd: number): CalibrationProblem {
  return {
    parameters: [{ path: "$.mu", prior: { dist: "normal", mean: 0, sd: 1 } }],
    observations: [observation],
    simulate: (theta, seed) => Float64Array.of(theta[0] + noiseSd * historyNormal(seed)),
  };
}

/** Mean, sd and CDF of a density known up to a constant on a grid over [lo, hi] (midpoint rule). */
export interface GridPosterior {
  mean: number;
  sd: number;
  cdf(x: number): number;
  /** probability of an event given the parameter, averaged over the posterior */
  expect(f: (x: number) => number): number;
}

/** Numerical posterior of an unnormalised density on [lo, hi] with n midpoints. */
export function gridPosterior(density: (x: number) => number, lo: number, hi: number, n = 200_000): GridPosterior {
  const h = (hi - lo) / n;
  const xs = new Float64Array(n);
  const ps = new Float64Array(n);
  let z = 0;
  for (let i = 0; i < n; i++) {
    xs[i] = lo + (i + 0.5) * h;
    ps[i] = density(xs[i]);
    z += ps[i];
  }
  for (let i = 0; i < n; i++) ps[i] /= z;
  const expect = (f: (x: number) => number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += ps[i] * f(xs[i]);
    return s;
  };
  const mean = expect((x) => x);
  const sd = Math.sqrt(expect((x) => (x - mean) * (x - mean)));
  const cdf = (x: number) => {
    let s = 0;
    for (let i = 0; i < n && xs[i] <= x; i++) s += ps[i];
    return s;
  };
  return { mean, sd, cdf, expect };
}

/** Exact posterior of normalMeanProblem given the statistic in [a, b]. */
export function normalMeanIntervalPosterior(a: number, b: number, noiseSd: number): GridPosterior {
  return gridPosterior((mu) => Math.exp(-0.5 * mu * mu) * (normalCdf((b - mu) / noiseSd) - normalCdf((a - mu) / noiseSd)), -8, 8);
}

/** Weighted empirical CDF of a sample at x. */
export function weightedCdf(xs: readonly number[], ws: readonly number[], x: number): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < xs.length; i++) {
    t += ws[i];
    if (xs[i] <= x) s += ws[i];
  }
  return s / t;
}
