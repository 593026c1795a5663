import { describe, expect, it } from "vitest";
import {
  abcSmc,
  abcSmcAsync,
  abcSmcSteps,
  checkSpec,
  poissonMeanInterval,
  poissonRatio,
  posteriorSamples,
  type AbcSmcResult,
  type CalibrationProblem,
  type SimulationJob,
} from "../../../src/analysis/calibration/index.js";
import { normalCdf } from "../../../src/random/index.js";
import { adaptiveRound } from "../../../src/analysis/calibration/smc.js";
import { historyNormal, normalMeanIntervalPosterior, normalMeanProblem } from "./toys.js";

const NOISE = 1 / Math.sqrt(10);
/** Two parameters, two interval observations and a Poisson count; stochastic in every statistic. */
const problem: CalibrationProblem = {
  parameters: [
    { path: "$.level", prior: { dist: "lognormal", meanlog: 0, sdlog: 0.5 } },
    { path: "$.rate", prior: { dist: "beta", alpha: 2, beta: 2 } },
  ],
  observations: [
    { id: "level", kind: "interval", min: 1.1, max: 1.4, target: 1.25 },
    { id: "growth", kind: "interval", min: 0.3 },
    { id: "count", kind: "poisson", count: 2 },
  ],
  simulate: (theta, seed) =>
    Float64Array.of(theta[0] * (1 + 0.1 * historyNormal(seed, 0)), theta[1] + 0.1 * historyNormal(seed, 1), 4 * theta[1] * theta[0]),
};
const OPTIONS = { particles: 200, replicates: 5, seed: 42, predictiveDraws: 100 };
const result = abcSmc(problem, OPTIONS);

describe("weights and effective sample size", () => {
  it("normalises the final weights and reports the Kish ESS of them", () => {
    const w = result.population.map((p) => p.weight);
    expect(w.every((x) => x > 0)).toBe(true);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const kish = 1 / w.reduce((a, b) => a + b * b, 0);
    expect(result.ess).toBeCloseTo(kish, 9);
    expect(result.ess).toBeGreaterThan(1);
    expect(result.ess).toBeLessThanOrEqual(result.population.length + 1e-9);
    expect(result.generations.at(-1)!.ess).toBeCloseTo(result.ess, 12);
  });

  it("reports per generation the acceptance rate, replicate acceptance and simulations", () => {
    expect(result.stopReason).toBe("done");
    for (const g of result.generations) {
      expect(g.particles).toBe(OPTIONS.particles);
      expect(g.acceptanceRate).toBeCloseTo(g.particles / g.proposals, 14);
      expect(g.replicateAcceptance).toBeGreaterThan(0);
      expect(g.replicateAcceptance).toBeLessThanOrEqual(g.acceptanceRate);
      expect(g.simulations % OPTIONS.replicates).toBe(0);
      expect(g.simulations).toBeGreaterThanOrEqual(g.proposals * OPTIONS.replicates);
    }
    const sims = result.generations.reduce((a, g) => a + g.simulations, 0) + OPTIONS.predictiveDraws;
    expect(result.simulations).toBe(sims);
    expect(result.generations.at(-1)!.acceptanceRate).toBeLessThan(1);
  });
});

describe("replicates and history seeds", () => {
  it("keeps per particle the seeds of the replicates that met every interval, and they replay", () => {
    for (const p of result.population) {
      expect(p.accepted.length).toBeGreaterThan(0);
      expect(p.accepted.length).toBeLessThanOrEqual(OPTIONS.replicates);
      expect(new Set(p.accepted.map((r) => r.historySeed)).size).toBe(p.accepted.length);
      for (const r of p.accepted) {
        const replay = problem.simulate(Float64Array.from(p.theta), r.historySeed);
        expect(Array.from(replay)).toEqual(r.statistics);
        expect(replay[0] >= 1.1 && replay[0] <= 1.4 && replay[1] >= 0.3).toBe(true);
        expect(r.score).toBeCloseTo(poissonRatio(2, replay[2]), 14);
      }
    }
  });

  it("draws replayable (parameters, history seed) samples from accepted replicates", () => {
    const samples = posteriorSamples(result.population, 50, 9);
    expect(samples).toHaveLength(50);
    expect(posteriorSamples(result.population, 50, 9)).toEqual(samples);
    for (const s of samples) {
      const particle = result.population.find((p) => p.theta.every((v, k) => v === s.theta[k]))!;
      expect(particle.accepted.map((r) => r.historySeed)).toContain(s.historySeed);
      const replay = problem.simulate(Float64Array.from(s.theta), s.historySeed);
      expect(replay[0] >= 1.1 && replay[0] <= 1.4).toBe(true);
    }
  });
});

describe("determinism", () => {
  it("gives the identical result for the same seed and a different one for another seed", () => {
    expect(abcSmc(problem, OPTIONS)).toEqual(result);
    const other = abcSmc(problem, { ...OPTIONS, seed: 43 });
    expect(other.population[0].theta).not.toEqual(result.population[0].theta);
  });

  it("does not depend on the round size, fixed or adaptive (only the count of simulations run does)", () => {
    for (const roundSize of [37, OPTIONS.particles]) {
      const fixed = abcSmc(problem, { ...OPTIONS, roundSize });
      expect(fixed.population).toEqual(result.population);
      expect(fixed.summary).toEqual(result.summary);
      expect(fixed.posteriorPredictive).toEqual(result.posteriorPredictive);
      expect(fixed.generations.map((g) => ({ ...g, simulations: 0 }))).toEqual(result.generations.map((g) => ({ ...g, simulations: 0 })));
    }
  });

  it("sizes adaptive rounds from the acceptance seen so far, else the previous generation's, with 20% and 4 to spare", () => {
    expect(adaptiveRound(200, 0, 0, null, 200)).toBe(200);
    expect(adaptiveRound(100, 0, 0, 0.5, 100)).toBe(244);
    expect(adaptiveRound(50, 50, 100, 0.9, 100)).toBe(124);
    expect(adaptiveRound(100, 0, 200, 0.5, 100)).toBe(1000);
    expect(adaptiveRound(1, 10, 10, 0.1, 100)).toBe(6);
  });

  it("gives the same result with an asynchronous executor that completes jobs in reverse order", async () => {
    const execute = async (jobs: SimulationJob[]): Promise<Float64Array[]> => {
      const out = new Array<Float64Array>(jobs.length);
      const pending = jobs.map((job, i) => ({ job, i })).reverse();
      for (const { job, i } of pending) {
        await Promise.resolve();
        out[i] = problem.simulate(job.theta, job.historySeed);
      }
      return out;
    };
    const viaAsync: AbcSmcResult = await abcSmcAsync(problem, OPTIONS, execute);
    expect(viaAsync).toEqual(result);
  });
});

describe("posterior predictive coverage", () => {
  it("is the share of fresh-seed predictive simulations within each observation", () => {
    const steps = abcSmcSteps(problem, OPTIONS);
    let next = steps.next();
    let last: { jobs: SimulationJob[]; stats: Float64Array[] } | null = null;
    while (!next.done) {
      const jobs = next.value;
      const stats = jobs.map((j) => problem.simulate(j.theta, j.historySeed));
      last = { jobs, stats };
      next = steps.next(stats);
    }
    const out = next.value;
    expect(out).toEqual(result);
    const { jobs, stats } = last!;
    expect(jobs).toHaveLength(OPTIONS.predictiveDraws);
    // Fresh: no predictive seed is one of the calibration replicates' seeds of its particle.
    for (const job of jobs) {
      const particle = result.population.find((p) => p.theta.every((v, k) => v === job.theta[k]))!;
      expect(particle.accepted.map((r) => r.historySeed)).not.toContain(job.historySeed);
    }
    const [lo, hi] = poissonMeanInterval(2, 0.9);
    const within = [(x: number) => x >= 1.1 && x <= 1.4, (x: number) => x >= 0.3, (x: number) => x >= lo && x <= hi];
    expect(out.posteriorPredictive.map((c) => c.observation)).toEqual(["level", "growth", "count"]);
    out.posteriorPredictive.forEach((c, j) => {
      expect(c.coverage).toBe(stats.filter((s) => within[j](s[j])).length / stats.length);
    });
    expect(out.jointCoverage).toBe(stats.filter((s) => within.every((f, j) => f(s[j]))).length / stats.length);
  });

  it("matches the analytic posterior predictive probability on the normal mean", () => {
    const exact = normalMeanIntervalPosterior(0.9, 1.1, NOISE);
    const p = normalMeanProblem({ id: "xbar", kind: "interval", min: 0.9, max: 1.1 }, NOISE);
    const r = abcSmc(p, { particles: 500, seed: 2, predictiveDraws: 400 });
    const predictive = exact.expect((mu) => normalCdf((1.1 - mu) / NOISE) - normalCdf((0.9 - mu) / NOISE));
    // 400 draws: binomial sd about 0.019.
    expect(Math.abs(r.posteriorPredictive[0].coverage - predictive), `${r.posteriorPredictive[0].coverage} vs ${predictive}`).toBeLessThan(0.08);
    // The history noise (sd 0.316) is what keeps coverage low: it is reported with the ceiling it implies.
    const { historySd, ceiling } = r.posteriorPredictive[0];
    expect(Math.abs(historySd / NOISE - 1)).toBeLessThan(0.1);
    expect(ceiling).toBeCloseTo(2 * normalCdf(0.1 / historySd) - 1, 14);
    expect(ceiling!).toBeLessThan(0.3);
  });

  it("reports a ceiling of 1 for one-sided intervals and none for a Poisson count", () => {
    expect(result.posteriorPredictive.map((c) => c.ceiling)).toEqual([expect.any(Number), 1, null]);
    expect(result.posteriorPredictive[1].historySd).toBeGreaterThan(0.05);
    expect(result.posteriorPredictive[1].historySd).toBeLessThan(0.15);
  });

  it("uses the exact Poisson interval of the count (Garwood; scipy chi2 quantiles)", () => {
    const [lo, hi] = poissonMeanInterval(2, 0.9);
    expect(lo).toBeCloseTo(0.35536151069866195, 9);
    expect(hi).toBeCloseTo(6.295793621871988, 9);
    expect(poissonMeanInterval(0, 0.9)).toEqual([0, expect.closeTo(2.9957322735539895, 9)]);
  });
});

describe("stopping and schedules", () => {
  const normal = normalMeanProblem({ id: "xbar", kind: "interval", min: 0.9, max: 1.1 }, NOISE);

  it("follows a fixed tolerance schedule after the prior generation", () => {
    const r = abcSmc(normal, { particles: 100, seed: 1, tolerances: [1, 0.3, 0], predictiveDraws: 0 });
    expect(r.generations.map((g) => g.tolerance)).toEqual([Infinity, 1, 0.3, 0]);
    expect(r.stopReason).toBe("done");
  });

  it("stops at the generation limit with the tolerance it reached", () => {
    const far = normalMeanProblem({ id: "xbar", kind: "interval", min: 4, max: 4.1 }, NOISE);
    const r = abcSmc(far, { particles: 100, seed: 1, maxGenerations: 3, predictiveDraws: 10 });
    expect(r.generations).toHaveLength(3);
    expect(r.stopReason).toBe("generations");
    expect(r.finalTolerance).toBeGreaterThan(0);
    expect(r.posteriorPredictive[0].coverage).toBeLessThan(1);
  });

  it("stops when the proposal budget runs out and keeps the last full generation", () => {
    const never = normalMeanProblem({ id: "xbar", kind: "interval", min: 40, max: 41 }, NOISE);
    const r = abcSmc(never, { particles: 50, seed: 1, tolerances: [0], maxProposalsPerGeneration: 200, predictiveDraws: 0 });
    expect(r.stopReason).toBe("budget");
    expect(r.generations[1]).toMatchObject({ particles: 0, proposals: 200, short: true, ess: 0 });
    expect(r.finalTolerance).toBe(Infinity);
    expect(r.population).toHaveLength(50);
  });
});

describe("checks", () => {
  it("rejects bad specs, options and results", () => {
    const p = problem.parameters;
    const o = problem.observations;
    expect(() => checkSpec({ parameters: [], observations: o })).toThrow(/no parameters/);
    const many = Array.from({ length: 13 }, (_, i) => ({ path: `$.p${i}`, prior: p[0].prior }));
    expect(() => checkSpec({ parameters: many, observations: o })).toThrow(/at most 12/);
    expect(() => checkSpec({ parameters: [p[0], p[0]], observations: o })).toThrow(/twice/);
    expect(() => checkSpec({ parameters: p, observations: [o[0], o[0]] })).toThrow(/repeated/);
    expect(() => checkSpec({ parameters: p, observations: [{ id: "x", kind: "interval" }] })).toThrow(/min or max/);
    expect(() => checkSpec({ parameters: p, observations: [{ id: "x", kind: "interval", min: 1, max: 2, target: 3 }] })).toThrow(/target/);
    expect(() => checkSpec({ parameters: p, observations: [{ id: "x", kind: "poisson", count: 1.5 }] })).toThrow(/count/);
    expect(() => abcSmc(problem, { ...OPTIONS, tolerances: [1, 0.5] })).toThrow(/end at 0/);
    expect(() => abcSmc(problem, { ...OPTIONS, tolerances: [1, 2, 0] })).toThrow(/decreasing/);
    expect(() => abcSmc(problem, { ...OPTIONS, replicates: 0 })).toThrow(/replicates/);
    expect(() => abcSmc({ ...problem, simulate: () => Float64Array.of(1) }, OPTIONS)).toThrow(/statistics for 3 observations/);
  });
});

