/**
 * ABC-SMC calibration end to end (docs/calibration.md): the SMC sequence, the regression
 * adjustment, the posterior predictive check with fresh history seeds, and the report. The
 * engine is a generator of job batches (abcSmcSteps); abcSmc drives it with a synchronous
 * simulator, abcSmcAsync with any asynchronous executor (e.g. a worker pool). All three give
 * bit-identical results for the same spec, options and simulator.
 */
import { checkSpec } from "./observations.js";
import { historySds, populationSource, predictiveCoverage, predictiveJobs, type PredictiveSource } from "./predictive.js";
import { regressionAdjust } from "./regression.js";
import { parameterReports } from "./report.js";
import { checkResults, smcGenerations, type SmcSettings } from "./smc.js";
import { kishEss } from "./weighted.js";
import type { AbcSmcOptions, AbcSmcResult, CalibrationProblem, CalibrationSpec, ParticleRecord, SimulationJob } from "./types.js";

/** Which posterior the predictive check simulates. */
export type PredictiveFrom = "population" | "adjusted";

/** Options with every default filled in. */
interface Resolved extends SmcSettings {
  regression: boolean;
  predictiveDraws: number;
  poissonLevel: number;
  predictiveFrom: PredictiveFrom;
}

/** Throws RangeError unless x is an integer in [lo, hi]. */
function intIn(name: string, x: number, lo: number, hi = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(x) || x < lo || x > hi) throw new RangeError(`ABC-SMC: ${name} must be an integer in [${lo}, ${hi}], got ${x}`);
  return x;
}

/** Throws RangeError unless x lies in the open interval (0, 1) (or [0, 1] when closed). */
function share(name: string, x: number, closed = false): number {
  if (!(closed ? x >= 0 && x <= 1 : x > 0 && x < 1)) throw new RangeError(`ABC-SMC: ${name} must lie in ${closed ? "[0, 1]" : "(0, 1)"}, got ${x}`);
  return x;
}

/** Fills in and checks the options (RangeError on a bad one). */
export function resolveOptions(o: AbcSmcOptions & { predictiveFrom?: PredictiveFrom }): Resolved {
  const particles = intIn("particles", o.particles, 2);
  const tolerances = o.tolerances ?? null;
  return {
    particles,
    replicates: intIn("replicates", o.replicates ?? 5, 1),
    seed: intIn("seed", o.seed, 0, 4294967295),
    tolerances,
    quantile: share("quantile", o.quantile ?? 0.5),
    maxGenerations: tolerances ? tolerances.length + 1 : intIn("maxGenerations", o.maxGenerations ?? 20, 1),
    roundSize: o.roundSize === undefined ? null : intIn("roundSize", o.roundSize, 1),
    maxProposalsPerGeneration: intIn("maxProposalsPerGeneration", o.maxProposalsPerGeneration ?? 100 * particles, particles),
    minParticles: intIn("minParticles", o.minParticles ?? Math.ceil(particles / 2), 1, particles),
    choiceKeep: share("choiceKeep", o.choiceKeep ?? 0.7, true),
    regression: o.regression ?? true,
    predictiveDraws: intIn("predictiveDraws", o.predictiveDraws ?? 400, 0),
    poissonLevel: share("poissonLevel", o.poissonLevel ?? 0.9),
    predictiveFrom: o.predictiveFrom ?? "population",
    onGeneration: o.onGeneration,
  };
}

/**
 * The calibration as a generator: yields batches of jobs, to be resumed with their statistics
 * (one Float64Array per job, in job order); returns the result. RangeError on a bad spec or
 * option, or on results that do not match their jobs.
 */
export function* abcSmcSteps(
  spec: CalibrationSpec,
  options: AbcSmcOptions & { predictiveFrom?: PredictiveFrom },
): Generator<SimulationJob[], AbcSmcResult, Float64Array[]> {
  checkSpec(spec);
  const s = resolveOptions(options);
  const { parameters, observations } = spec;
  const smc = yield* smcGenerations(spec, s);
  const population: ParticleRecord[] = smc.population.map((p, i) => ({
    theta: Array.from(p.theta),
    weight: smc.weights[i],
    accepted: p.replicates
      .filter((r) => r.score > 0)
      .map((r) => ({ historySeed: r.historySeed, score: r.score, statistics: Array.from(r.statistics) })),
  }));
  const adjustment = s.regression ? regressionAdjust(parameters, observations, smc.population, smc.weights, smc.scales) : null;
  const seedsOf = smc.population.map((p) => p.replicates.map((r) => r.historySeed));
  let source: PredictiveSource = populationSource({ population }, seedsOf);
  if (s.predictiveFrom === "adjusted" && adjustment) {
    const used = smc.population.flatMap((p, i) => p.replicates.filter((r) => r.score > 0).map(() => seedsOf[i]));
    source = { rows: adjustment.rows, weights: adjustment.weights, usedSeeds: used };
  }
  let coverage = { perObservation: [] as AbcSmcResult["posteriorPredictive"], joint: NaN };
  if (s.predictiveDraws > 0) {
    const jobs = predictiveJobs(source, s.predictiveDraws, s.seed);
    const stats = checkResults(jobs, yield jobs, observations.length);
    coverage = predictiveCoverage(observations, stats, s.poissonLevel, historySds(observations, smc.population, smc.weights));
  }
  return {
    parameters: parameters.map((p) => p.path),
    observations: observations.map((o) => o.id),
    replicates: s.replicates,
    seed: s.seed,
    generations: smc.generations,
    finalTolerance: smc.tolerance,
    stopReason: smc.stopReason,
    ess: kishEss(smc.weights),
    simulations: smc.simulations + s.predictiveDraws,
    population,
    adjustment,
    summary: parameterReports(parameters, population, adjustment),
    posteriorPredictive: coverage.perObservation,
    jointCoverage: coverage.joint,
  };
}

/** Runs abcSmcSteps with the problem's synchronous simulator, jobs in order. */
export function abcSmc(problem: CalibrationProblem, options: AbcSmcOptions & { predictiveFrom?: PredictiveFrom }): AbcSmcResult {
  const steps = abcSmcSteps(problem, options);
  let next = steps.next();
  while (!next.done) next = steps.next(next.value.map((job) => problem.simulate(job.theta, job.historySeed)));
  return next.value;
}

/**
 * Runs abcSmcSteps with an asynchronous executor that returns each batch's statistics in job
 * order (it may run the jobs in parallel and complete them in any order).
 */
export async function abcSmcAsync(
  spec: CalibrationSpec,
  options: AbcSmcOptions & { predictiveFrom?: PredictiveFrom },
  execute: (jobs: SimulationJob[]) => Promise<Float64Array[]>,
): Promise<AbcSmcResult> {
  const steps = abcSmcSteps(spec, options);
  let next = steps.next();
  while (!next.done) next = steps.next(await execute(next.value));
  return next.value;
}
