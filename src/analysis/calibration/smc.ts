/**
 * The ABC-SMC sequence (Toni et al. 2009; Beaumont et al. 2009) as a generator of job batches:
 * it yields a list of (theta, history seed) jobs and is resumed with their statistics in job
 * order, so any executor (in-process, worker threads, any completion order) gives the same
 * result. Generation 0 samples the prior; generation t > 0 perturbs the previous population.
 * Each proposal is simulated with R history seeds; its score is the mean replicate score (share
 * of replicates meeting every interval at the generation's tolerance, times Poisson ratios) and
 * its weight score x prior / proposal. A generation takes the first N proposals (in proposal
 * order) with a positive score, so the result does not depend on the round size either.
 */
import { keyedHash32, streamId } from "../../random/keyed.js";
import { ln } from "../../random/math.js";
import { quantileType7 } from "../statistics.js";
import { fitKernel, kernelStreams, logProposal, perturb, type Kernel } from "./kernel.js";
import { observationScales, replicateDistance, replicateScore } from "./observations.js";
import { drawPrior, logPrior, priorSd, priorStreams } from "./prior.js";
import type { CalibrationSpec, GenerationReport, SimulationJob } from "./types.js";
import { kishEss, normaliseLogWeights } from "./weighted.js";

/** Options of the sequence with every default filled in. */
export interface SmcSettings {
  particles: number;
  replicates: number;
  seed: number;
  tolerances: number[] | null;
  quantile: number;
  maxGenerations: number;
  /** proposals per round; null: adaptive (adaptiveRound) */
  roundSize: number | null;
  maxProposalsPerGeneration: number;
  minParticles: number;
  choiceKeep: number;
  onGeneration?: (report: GenerationReport) => void;
}

/** One replicate history of a particle. */
export interface Replicate {
  historySeed: number;
  statistics: Float64Array;
  /** distance outside the intervals in observation scales */
  distance: number;
  score: number;
}

/** A particle with a positive score. */
export interface Particle {
  theta: Float64Array;
  replicates: Replicate[];
  /** mean replicate score */
  score: number;
  /** ln prior - ln proposal (0 in generation 0) */
  logRatio: number;
}

/** What the sequence hands on: the final population, its weights and the reports. */
export interface SmcOutcome {
  generations: GenerationReport[];
  population: Particle[];
  weights: number[];
  tolerance: number;
  stopReason: "done" | "budget" | "generations";
  scales: number[];
  simulations: number;
}

/** A generation's particles before weighting. */
interface Generation {
  particles: Particle[];
  proposals: number;
  simulations: number;
  scoreSum: number;
  short: boolean;
}

/** The calibration could not proceed: generation 0 found too few prior draws with usable statistics. */
export class CalibrationFailure extends Error {
  override name = "CalibrationFailure";
}

/** Throws RangeError when a batch of results does not match its jobs. */
export function checkResults(jobs: readonly SimulationJob[], results: readonly Float64Array[] | undefined, width: number): readonly Float64Array[] {
  if (!results || results.length !== jobs.length) throw new RangeError(`ABC-SMC: expected ${jobs.length} results, got ${results?.length}`);
  for (const r of results) {
    if (r.length !== width) throw new RangeError(`ABC-SMC: a simulation returned ${r.length} statistics for ${width} observations`);
  }
  return results;
}

/** Next adaptive tolerance: the quantile of the accepted replicates' distances, strictly below eps. */
function nextTolerance(population: Particle[], eps: number, quantile: number): number {
  const ds: number[] = [];
  for (const p of population) for (const r of p.replicates) if (r.score > 0) ds.push(r.distance);
  const sorted = Float64Array.from(ds).sort();
  if (sorted.length === 0) return 0;
  const q = quantileType7(sorted, quantile);
  if (q < eps) return q;
  let below = 0;
  for (const d of sorted) if (d < eps) below = d;
  return below;
}

/**
 * Proposals for the next round when rounds are adaptive: enough to find the `needed` particles
 * at the acceptance rate seen so far in this generation (`found` of `tried`), else at the
 * previous generation's rate (`prior`), with 20% and 4 proposals to spare; at most `particles`
 * x 10 and at least 1. Generation 0 (no rate yet) takes `particles`.
 */
export function adaptiveRound(needed: number, found: number, tried: number, prior: number | null, particles: number): number {
  const rate = tried > 0 && found > 0 ? found / tried : tried > 0 ? Math.min(prior ?? 1, 1 / tried) : prior;
  if (rate === null || !(rate > 0)) return particles;
  return Math.max(1, Math.min(10 * particles, Math.ceil((1.2 * needed) / rate) + 4));
}

/** Checks the fixed schedule: non-negative, decreasing, ending at 0. */
function checkSchedule(tolerances: number[]): void {
  if (tolerances.length === 0 || tolerances[tolerances.length - 1] !== 0) throw new RangeError("ABC-SMC: a tolerance schedule must end at 0");
  tolerances.forEach((e, i) => {
    if (!(e >= 0) || (i > 0 && !(e < tolerances[i - 1]))) throw new RangeError("ABC-SMC: tolerances must be >= 0 and strictly decreasing");
  });
}

/**
 * Runs the sequence, yielding job batches; returns the final population. Throws
 * CalibrationFailure when generation 0 finds fewer than `minParticles` particles (no prior draw gives usable statistics).
 */
export function* smcGenerations(spec: CalibrationSpec, s: SmcSettings): Generator<SimulationJob[], SmcOutcome, Float64Array[]> {
  const { parameters, observations } = spec;
  if (s.tolerances) checkSchedule(s.tolerances);
  const priorSds = parameters.map(priorSd);
  const pStreams = priorStreams(parameters);
  const kStreams = kernelStreams(parameters);
  const historyStream = streamId("abc/history");
  const width = observations.length;
  let scales: number[] = observations.map(() => 1);
  const reports: GenerationReport[] = [];
  let population: Particle[] = [];
  let weights: number[] = [];
  let tolerance = Infinity;
  let simulations = 0;
  let kernel: Kernel | null = null;

  for (let t = 0; ; t++) {
    const eps: number = t === 0 ? Infinity : s.tolerances ? s.tolerances[t - 1] : nextTolerance(population, tolerance, s.quantile);
    const gen: Generation = { particles: [], proposals: 0, simulations: 0, scoreSum: 0, short: false };
    let next = 0;
    const previousRate = t === 0 ? null : reports[reports.length - 1].acceptanceRate;
    while (gen.particles.length < s.particles && next < s.maxProposalsPerGeneration) {
      const round = s.roundSize ?? adaptiveRound(s.particles - gen.particles.length, gen.particles.length, next, previousRate, s.particles);
      const m = Math.min(round, s.maxProposalsPerGeneration - next);
      const thetas: Float64Array[] = [];
      const jobs: SimulationJob[] = [];
      for (let j = next; j < next + m; j++) {
        const theta = kernel ? perturb(kernel, parameters, kStreams, s.seed, j, t) : drawPrior(parameters, pStreams, s.seed, j, t);
        thetas.push(theta);
        // Each job gets its own copy of theta, so an executor may transfer or mutate it freely.
        for (let r = 0; r < s.replicates; r++) jobs.push({ theta: theta.slice(), historySeed: keyedHash32(s.seed, historyStream, j, t, r) });
      }
      const results = checkResults(jobs, yield jobs, width);
      gen.simulations += jobs.length;
      for (let i = 0; i < m && gen.particles.length < s.particles; i++) {
        gen.proposals++;
        const replicates: Replicate[] = [];
        let sum = 0;
        for (let r = 0; r < s.replicates; r++) {
          const job = jobs[i * s.replicates + r];
          const statistics = results[i * s.replicates + r];
          const distance = replicateDistance(observations, scales, statistics);
          const score = replicateScore(observations, distance, eps, statistics);
          sum += score;
          replicates.push({ historySeed: job.historySeed, statistics, distance, score });
        }
        const score = sum / s.replicates;
        gen.scoreSum += score;
        if (score > 0) {
          const logRatio = kernel ? logPrior(parameters, thetas[i]) - logProposal(kernel, parameters, thetas[i]) : 0;
          gen.particles.push({ theta: thetas[i], replicates, score, logRatio });
        }
      }
      next += m;
    }
    gen.short = gen.particles.length < s.particles;
    simulations += gen.simulations;
    if (t === 0) {
      if (gen.particles.length < s.minParticles) {
        throw new CalibrationFailure(`ABC-SMC: only ${gen.particles.length} of ${gen.proposals} prior draws gave usable statistics (need ${s.minParticles})`);
      }
      scales = observationScales(observations, gen.particles.flatMap((p) => p.replicates.map((r) => r.statistics)));
      for (const p of gen.particles) for (const r of p.replicates) r.distance = replicateDistance(observations, scales, r.statistics);
    }
    if (gen.particles.length < s.minParticles) {
      reports.push(report(t, eps, gen, []));
      s.onGeneration?.(reports[reports.length - 1]);
      return { generations: reports, population, weights, tolerance, stopReason: "budget", scales, simulations };
    }
    population = gen.particles;
    weights = normaliseLogWeights(population.map((p) => ln(p.score) + p.logRatio));
    tolerance = eps;
    reports.push(report(t, eps, gen, weights));
    s.onGeneration?.(reports[reports.length - 1]);
    const stopReason = tolerance === 0 ? "done" : gen.short ? "budget" : t + 1 >= s.maxGenerations ? "generations" : null;
    if (stopReason) return { generations: reports, population, weights, tolerance, stopReason, scales, simulations };
    kernel = fitKernel(parameters, population.map((p) => p.theta), weights, priorSds, s.choiceKeep);
  }
}

/** The report of one generation (ess 0 when it was discarded). */
function report(t: number, eps: number, gen: Generation, weights: number[]): GenerationReport {
  return {
    generation: t,
    tolerance: eps,
    proposals: gen.proposals,
    particles: gen.particles.length,
    acceptanceRate: gen.proposals > 0 ? gen.particles.length / gen.proposals : 0,
    replicateAcceptance: gen.proposals > 0 ? gen.scoreSum / gen.proposals : 0,
    simulations: gen.simulations,
    ess: kishEss(weights),
    short: gen.short,
  };
}
