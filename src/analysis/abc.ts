/**
 * Approximate Bayesian computation by rejection (MODEL.md "Calibration and honesty"): draw the
 * priors with run i's seed deriveSeed(S, i), run the calibration scenario, and keep the draws
 * whose run reproduces every observation. The accepted joint draws are the posterior, kept as
 * rows so that correlations between parameters survive.
 */
import { quantileSorted } from "simple-statistics";
import { runScenario } from "../model/run.js";
import { deriveSeed } from "../random/index.js";
import type { Scenario } from "../scenario/schema.js";
import { observe, withinObservation, type Observation } from "./observations.js";

/** The outcome of a rejection-ABC calibration. */
export interface AbcResult {
  draws: number;
  accepted: number;
  /** JSON paths of the calibrated parameters (columns of the rows) */
  parameters: string[];
  /** every prior draw, one row per run, columns as `parameters` */
  priorRows: number[][];
  /** the accepted draws, in run order */
  posteriorRows: number[][];
  /** per observation: how many runs fell within it */
  observationHits: number[];
}

/** Summary of one parameter's prior and posterior draws. */
export interface ParameterSummary {
  path: string;
  prior: { mean: number; p5: number; p50: number; p95: number };
  posterior: { mean: number; p5: number; p50: number; p95: number } | null;
}

/** Runs rejection ABC on `scenario` with `draws` runs from base seed `baseSeed`. */
export function runAbc(
  scenario: Scenario,
  observations: Observation[],
  parameters: string[],
  draws: number,
  baseSeed: number,
  onProgress?: (done: number, accepted: number) => void,
): AbcResult {
  const priorRows: number[][] = [];
  const posteriorRows: number[][] = [];
  const observationHits = observations.map(() => 0);
  for (let i = 0; i < draws; i++) {
    const r = runScenario(scenario, deriveSeed(baseSeed, i));
    const drawn = new Map(r.drawn.map((d) => [d.path, d.value]));
    const row = parameters.map((path) => {
      const v = drawn.get(path);
      if (v === undefined) throw new Error(`calibrated parameter ${path} is not a distribution of the scenario`);
      return v;
    });
    priorRows.push(row);
    let ok = true;
    observations.forEach((o, j) => {
      const within = withinObservation(o, observe(r, o));
      if (within) observationHits[j] += 1;
      ok &&= within;
    });
    if (ok) posteriorRows.push(row);
    onProgress?.(i + 1, posteriorRows.length);
  }
  return { draws, accepted: posteriorRows.length, parameters, priorRows, posteriorRows, observationHits };
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
