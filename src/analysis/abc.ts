/**
 * Approximate Bayesian computation by rejection (docs/model.md, "Calibration"), kept as the
 * simple reference method until ABC-SMC is wired in: draw the calibrated parameters from their
 * priors with draw i's seed deriveSeed(S, i), run R replicate histories with history seeds
 * deriveSeed(that seed, r), and accept each replicate whose range observations all hold and
 * whose Poisson observations pass a keyed acceptance test (probability P(observed | mu) /
 * P(observed | mu = observed)). An accepted replicate is a posterior row: the parameter values
 * and its history seed, which a projection replays.
 */
import { quantileSorted } from "simple-statistics";
import { drawScenario } from "../model/draw.js";
import { poissonProbability, runHistory, type Observation } from "../model/history.js";
import { deriveSeed, keyedUniform, streamId } from "../random/index.js";
import type { Scenario } from "../scenario/schema.js";

/** The outcome of a rejection-ABC calibration. */
export interface AbcResult {
  draws: number;
  replicates: number;
  accepted: number;
  /** JSON paths of the calibrated parameters (columns of the rows) */
  parameters: string[];
  /** every prior draw, one row per draw, columns as `parameters` */
  priorRows: number[][];
  /** the accepted replicates' rows, in draw then replicate order, and their history seeds */
  posteriorRows: number[][];
  historySeeds: number[];
  /** ids of the observations, and per observation how many replicates met it (Poisson: passed its test) */
  observationIds: string[];
  observationHits: number[];
}

/** Summary of one parameter's prior and posterior draws. */
export interface ParameterSummary {
  path: string;
  prior: { mean: number; p5: number; p50: number; p95: number };
  posterior: { mean: number; p5: number; p50: number; p95: number } | null;
}

const ACCEPT_STREAM = streamId("abc-poisson-acceptance");

/** Runs rejection ABC on a calibration scenario with `draws` prior draws of R replicates each from base seed `baseSeed`. */
export function runAbc(
  scenario: Scenario,
  parameters: string[],
  draws: number,
  baseSeed: number,
  replicates: number,
  onProgress?: (done: number, accepted: number) => void,
): AbcResult {
  const observations = (scenario.calibration?.observations ?? {}) as Record<string, Observation>;
  const ids = Object.keys(observations).sort();
  const priorRows: number[][] = [];
  const posteriorRows: number[][] = [];
  const historySeeds: number[] = [];
  const observationHits = ids.map(() => 0);
  for (let i = 0; i < draws; i++) {
    const drawSeed = deriveSeed(baseSeed, i);
    const drawn = new Map(drawScenario(scenario, drawSeed).values.map((d) => [d.path, d.value]));
    const row = parameters.map((path) => {
      const v = drawn.get(path);
      if (v === undefined) throw new Error(`calibrated parameter ${path} is not a distribution of the scenario`);
      return v;
    });
    priorRows.push(row);
    const values = new Map(parameters.map((path, c) => [path, row[c]]));
    for (let r = 0; r < replicates; r++) {
      const historySeed = deriveSeed(drawSeed, r);
      const stats = runHistory(scenario, values, historySeed);
      let ok = true;
      stats.forEach((st, j) => {
        const o = observations[st.id];
        const pass = o.kind === "poisson"
          ? keyedUniform(baseSeed, ACCEPT_STREAM, i, r, 0) < st.score / poissonProbability(o.observed, o.observed)
          : st.within;
        if (pass) observationHits[j] += 1;
        ok &&= pass;
      });
      if (ok) {
        posteriorRows.push(row);
        historySeeds.push(historySeed);
      }
    }
    onProgress?.(i + 1, posteriorRows.length);
  }
  return { draws, replicates, accepted: posteriorRows.length, parameters, priorRows, posteriorRows, historySeeds, observationIds: ids, observationHits };
}

function summarise(rows: number[][], column: number) {
  const xs = rows.map((r) => r[column]).sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, p5: quantileSorted(xs, 0.05), p50: quantileSorted(xs, 0.5), p95: quantileSorted(xs, 0.95) };
}

/** Prior versus posterior of each calibrated parameter. */
export function summariseAbc(result: AbcResult): ParameterSummary[] {
  return result.parameters.map((path, c) => ({
    path,
    prior: summarise(result.priorRows, c),
    posterior: result.posteriorRows.length > 0 ? summarise(result.posteriorRows, c) : null,
  }));
}

/** Coverage of one observation by the posterior predictive: the share of fresh-seed replicates that reproduce it. */
export interface Coverage {
  observation: string;
  coverage: number;
}

/**
 * Posterior predictive coverage (docs/model.md, "Calibration"): `runs` replicates, each with an
 * accepted row's parameter values (rows in turn) and a fresh history seed; per observation the
 * share within its tolerance (Poisson: the mean acceptance probability P(observed | mu) /
 * P(observed | observed)).
 */
export function posteriorPredictive(scenario: Scenario, result: AbcResult, runs: number, seed: number): Coverage[] {
  const observations = (scenario.calibration?.observations ?? {}) as Record<string, Observation>;
  const hits = result.observationIds.map(() => 0);
  if (result.posteriorRows.length === 0) return result.observationIds.map((observation) => ({ observation, coverage: NaN }));
  for (let i = 0; i < runs; i++) {
    const row = result.posteriorRows[i % result.posteriorRows.length];
    const values = new Map(result.parameters.map((path, c) => [path, row[c]]));
    runHistory(scenario, values, deriveSeed(seed, 1_000_000 + i)).forEach((st, j) => {
      const o = observations[st.id];
      hits[j] += o.kind === "poisson" ? st.score / poissonProbability(o.observed, o.observed) : st.within ? 1 : 0;
    });
  }
  return result.observationIds.map((observation, j) => ({ observation, coverage: hits[j] / runs }));
}
