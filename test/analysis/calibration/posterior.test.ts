import { describe, expect, it } from "vitest";
import { abcSmc, type AbcSmcResult } from "../../../src/analysis/calibration/index.js";
import { normalCdf } from "../../../src/random/index.js";
import { gridPosterior, normalMeanIntervalPosterior, normalMeanProblem, weightedCdf } from "./toys.js";

/** Largest |weighted ECDF - exact CDF| of the population's first parameter at 41 points of [lo, hi]. */
function cdfDistance(result: AbcSmcResult, cdf: (x: number) => number, lo: number, hi: number): number {
  const xs = result.population.map((p) => p.theta[0]);
  const ws = result.population.map((p) => p.weight);
  let d = 0;
  for (let i = 0; i <= 40; i++) {
    const x = lo + ((hi - lo) * i) / 40;
    d = Math.max(d, Math.abs(weightedCdf(xs, ws, x) - cdf(x)));
  }
  return d;
}

describe("ABC-SMC on a normal mean (known posterior)", () => {
  const noise = 1 / Math.sqrt(10);
  const problem = normalMeanProblem({ id: "xbar", kind: "interval", min: 0.9, max: 1.1, target: 1 }, noise);
  const exact = normalMeanIntervalPosterior(0.9, 1.1, noise);
  const result = abcSmc(problem, { particles: 1000, replicates: 5, seed: 11, predictiveDraws: 0 });

  it("reaches the observation's interval (tolerance 0) through decreasing tolerances", () => {
    expect(result.stopReason).toBe("done");
    expect(result.finalTolerance).toBe(0);
    const tolerances = result.generations.map((g) => g.tolerance);
    expect(tolerances[0]).toBe(Infinity);
    for (let t = 1; t < tolerances.length; t++) expect(tolerances[t]).toBeLessThan(tolerances[t - 1]);
  });

  it("matches the exact posterior given the statistic in [0.9, 1.1]: mean, sd and CDF", () => {
    const post = result.summary[0].posterior;
    // The ESS is about 800; the Monte Carlo sd of the mean is about 0.306 / sqrt(800) = 0.011.
    expect(Math.abs(post.mean - exact.mean), `mean ${post.mean} vs ${exact.mean}`).toBeLessThan(0.05);
    expect(Math.abs(post.sd / exact.sd - 1), `sd ${post.sd} vs ${exact.sd}`).toBeLessThan(0.1);
    expect(cdfDistance(result, exact.cdf, 0, 2)).toBeLessThan(0.07);
    // The check can fail: the prior N(0, 1)'s CDF is far from the population's.
    expect(cdfDistance(result, (x) => normalCdf(x), 0, 2)).toBeGreaterThan(0.3);
  });
});

describe("regression adjustment", () => {
  // A precise statistic (sd 0.1) inside a wide tolerance [0.5, 1.5] around the observed 1.0:
  // the unadjusted posterior is about as wide as the tolerance; the posterior given the point
  // value 1.0 is Normal(1 / 1.01, 0.1 / sqrt(1.01)).
  const noise = 0.1;
  const pointMean = 1 / 1.01;
  const pointSd = noise / Math.sqrt(1.01);
  const withTarget = abcSmc(normalMeanProblem({ id: "xbar", kind: "interval", min: 0.5, max: 1.5, target: 1 }, noise), {
    particles: 1000,
    seed: 5,
    predictiveDraws: 0,
  });

  it("narrows the posterior towards the one given the target value", () => {
    const raw = withTarget.summary[0].posterior;
    const adj = withTarget.summary[0].adjusted!;
    expect(raw.sd).toBeGreaterThan(2 * pointSd);
    expect(Math.abs(adj.sd / pointSd - 1), `adjusted sd ${adj.sd} vs ${pointSd}`).toBeLessThan(0.2);
    expect(Math.abs(adj.mean - pointMean), `adjusted mean ${adj.mean} vs ${pointMean}`).toBeLessThan(0.03);
    expect(adj.p95 - adj.p5).toBeLessThan(0.5 * (raw.p95 - raw.p5));
    // The slope of mu on the standardised deviation is about 0.5 (half-width) x 1/1.01.
    expect(withTarget.adjustment!.regressors).toEqual(["xbar"]);
    expect(withTarget.adjustment!.slopes[0][0]).toBeGreaterThan(0.35);
    expect(withTarget.adjustment!.slopes[0][0]).toBeLessThan(0.65);
  });

  it("is not done for an interval without a target (the interval is the datum)", () => {
    const noTarget = abcSmc(normalMeanProblem({ id: "xbar", kind: "interval", min: 0.5, max: 1.5 }, noise), {
      particles: 200,
      seed: 5,
      predictiveDraws: 0,
    });
    expect(noTarget.adjustment).toBeNull();
    expect(noTarget.summary[0].adjusted).toBeNull();
  });

  it("keeps adjusted values inside a bounded prior's support (logit working scale)", () => {
    const bounded = abcSmc(
      {
        parameters: [{ path: "$.p", prior: { dist: "uniform", min: 0, max: 1 } }],
        observations: [{ id: "x", kind: "interval", min: 0.6, max: 1.4, target: 1 }],
        simulate: (theta, seed) => Float64Array.of(theta[0] + 0.05 * Math.sin(seed)),
      },
      { particles: 300, seed: 3, predictiveDraws: 0 },
    );
    const column = bounded.adjustment!.rows.map((r) => r[0]);
    expect(Math.min(...column)).toBeGreaterThan(0);
    expect(Math.max(...column)).toBeLessThan(1);
    expect(bounded.summary[0].adjusted!.p5).toBeGreaterThan(bounded.summary[0].posterior.p5);
  });
});

describe("a Poisson-scored count", () => {
  it("gives the exact posterior mu^2 exp(-mu) on a uniform prior (count 2, deterministic mean)", () => {
    const result = abcSmc(
      {
        parameters: [{ path: "$.mu", prior: { dist: "uniform", min: 0, max: 10 } }],
        observations: [{ id: "anchors", kind: "poisson", count: 2 }],
        simulate: (theta) => Float64Array.of(theta[0]),
      },
      { particles: 1000, replicates: 5, seed: 8, predictiveDraws: 0 },
    );
    const exact = gridPosterior((mu) => mu * mu * Math.exp(-mu), 0, 10);
    expect(result.stopReason).toBe("done");
    const post = result.summary[0].posterior;
    expect(Math.abs(post.mean - exact.mean), `mean ${post.mean} vs ${exact.mean}`).toBeLessThan(0.12);
    expect(Math.abs(post.sd / exact.sd - 1)).toBeLessThan(0.1);
    expect(cdfDistance(result, exact.cdf, 0, 10)).toBeLessThan(0.06);
    // Every replicate is kept with its score P(2 | mu) / P(2 | 2).
    for (const p of result.population) {
      const mu = p.theta[0];
      for (const r of p.accepted) expect(r.score).toBeCloseTo((mu * mu * Math.exp(2 - mu)) / 4, 12);
    }
  });
});

describe("a choice parameter", () => {
  it("gets the exact discrete posterior through the keep-or-redraw kernel", () => {
    const values = [0, 1, 2];
    const noise = 0.5;
    const result = abcSmc(
      {
        parameters: [
          { path: "$.k", prior: { dist: "choice", values, weights: [1, 2, 1] } },
          { path: "$.c", prior: { dist: "normal", mean: 0, sd: 0.1 } },
        ],
        observations: [{ id: "x", kind: "interval", min: 0.8, max: 1.4 }],
        simulate: (theta, seed) => Float64Array.of(theta[0] + theta[1] + noise * Math.sin(seed * 1e-3)),
      },
      { particles: 1000, seed: 21, predictiveDraws: 0 },
    );
    // P(x in [0.8, 1.4] | k) with x = k + c + noise * sin(.), c ~ N(0, 0.1), sin(.) ~ arcsine on [-1, 1]:
    // computed on a grid; then the posterior mass of k is prior x that.
    const like = values.map((k) => {
      let s = 0;
      const n = 2000;
      for (let i = 0; i < n; i++) {
        const v = noise * Math.sin((Math.PI * (i + 0.5)) / n - Math.PI / 2);
        for (let j = -40; j <= 40; j++) {
          const c = j * 0.01;
          const w = Math.exp(-0.5 * (c / 0.1) * (c / 0.1));
          const x = k + c + v;
          if (x >= 0.8 && x <= 1.4) s += w;
        }
      }
      return s;
    });
    const prior = [1, 2, 1];
    const z = like.reduce((a, l, i) => a + l * prior[i], 0);
    values.forEach((k, i) => {
      const mass = result.population.filter((p) => p.theta[0] === k).reduce((a, p) => a + p.weight, 0);
      expect(Math.abs(mass - (like[i] * prior[i]) / z), `P(k = ${k})`).toBeLessThan(0.05);
    });
  });
});
