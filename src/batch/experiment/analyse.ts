/**
 * The analysis of an experiment's stored runs, read once in run order: each outcome's value per
 * run, its statistic per point (points.csv), the replication-noise share (noise.csv), Sobol'
 * indices on a Saltelli design or Morris measures on a Morris design (indices.csv), and PRIM
 * boxes for the met/not-met outcomes (boxes.csv). Indices are computed on the point statistics
 * (the replication means); PRIM looks at the runs themselves (each run a case at its point's
 * factor values), on every point but the AB rows of a Saltelli design.
 */
import {
  morrisIndices,
  prim,
  replicationNoise,
  sobolIndices,
  saltelliStride,
  type MorrisIndexRow,
  type PrimResult,
  type ReplicationNoise,
  type SobolIndices,
} from "../../analysis/experiments/index.js";
import type { BatchPlan } from "../plan.js";
import type { RunStore, StoredRun } from "../store.js";
import type { Experiment } from "./compile.js";
import type { ResolvedOutcome } from "./outcomes.js";
import { pointStat, type PointStat } from "./point-stats.js";
import { pointOfRun } from "./spec.js";

/** One outcome's analysis. */
export interface OutcomeAnalysis {
  outcome: ResolvedOutcome;
  /** the statistic at each point */
  points: PointStat[];
  noise: ReplicationNoise | null;
  noiseNote: string | null;
  sobol: SobolIndices | null;
  morris: MorrisIndexRow[] | null;
  indicesNote: string | null;
  prim: (PrimResult & { cases: number; met: number }) | null;
  primNote: string | null;
}

/** A failed run: where and why. */
export interface ExperimentFailure {
  run: number;
  point: number;
  replication: number;
  seed: number;
  message: string;
}

/** The analysis of a whole experiment. */
export interface ExperimentAnalysis {
  /** runs completed and failed at each point */
  completed: Int32Array;
  failed: Int32Array;
  failures: ExperimentFailure[];
  failedRuns: number;
  outcomes: OutcomeAnalysis[];
}

/** Failed runs listed at most in experiment.json. */
export const MAX_LISTED_FAILURES = 50;

/** The replication noise of an outcome, or why it is missing. */
function noiseOf(o: ResolvedOutcome, values: Float64Array, P: number, R: number): [ReplicationNoise | null, string | null] {
  if (o.statistic !== "mean") return [null, "the noise share is about the mean; this outcome's statistic is a quantile"];
  if (R < 2) return [null, "one replication per point: the noise cannot be told from the factors' effects"];
  if (P < 2) return [null, "one point"];
  if (values.some((x) => Number.isNaN(x))) return [null, "some runs failed"];
  return [replicationNoise(Array.from({ length: P }, (_, p) => values.subarray(p * R, (p + 1) * R))), null];
}

/**
 * Indices are withheld when at least this share of the variance of the point means is
 * replication noise: they would apportion noise (a rare event met in a handful of runs gives
 * ST near 2 with bootstrap intervals to 1e31) rather than the factors' effects.
 */
export const MAX_NOISE_SHARE_FOR_INDICES = 0.8;

/** Sobol' or Morris indices of an outcome on the point statistics, or why there are none. */
function indicesOf(ex: Experiment, y: number[], seed: number, noise: ReplicationNoise | null): Pick<OutcomeAnalysis, "sobol" | "morris" | "indicesNote"> {
  const d = ex.design;
  const none = (why: string) => ({ sobol: null, morris: null, indicesNote: why });
  if (d.method !== "saltelli" && d.method !== "morris") return none(`a ${d.method} design has no index estimator (Sobol' indices need a Saltelli design, Morris measures a Morris design)`);
  if (y.some((v) => Number.isNaN(v))) return none("some points have no completed run");
  if (y.every((v) => v === y[0])) return none("the outcome does not vary across points: its indices are undefined");
  if (noise !== null && noise.noiseShare >= MAX_NOISE_SHARE_FOR_INDICES)
    return none(`${(100 * noise.noiseShare).toFixed(1)}% of the variance of the point means is replication noise (indices are withheld from ${100 * MAX_NOISE_SHARE_FOR_INDICES}%): they would apportion noise; run more replications per point`);
  const options = { resamples: ex.analysis.resamples, seed };
  if (d.method === "saltelli") return { sobol: sobolIndices(d, y, options), morris: null, indicesNote: null };
  return { sobol: null, morris: morrisIndices(d, y, options), indicesNote: null };
}

/** PRIM on the runs of a met/not-met outcome, or why there is no box. */
function primOf(ex: Experiment, o: ResolvedOutcome, values: Float64Array, R: number): Pick<OutcomeAnalysis, "prim" | "primNote"> {
  if (!o.binary) return { prim: null, primNote: "PRIM looks for where a met/not-met outcome is likely; this outcome is a number" };
  const d = ex.design;
  const stride = d.method === "saltelli" ? saltelliStride(d.factors.length, d.secondOrder) : 1;
  const x: (readonly number[])[] = [];
  const y: number[] = [];
  for (let p = 0; p < d.points.length; p++) {
    if (stride > 1 && p % stride !== 0 && p % stride !== stride - 1) continue; // a Saltelli design: its A and B rows only
    for (let r = 0; r < R; r++) {
      const v = values[p * R + r];
      if (Number.isNaN(v)) continue;
      x.push(d.points[p]);
      y.push(v);
    }
  }
  const met = y.reduce((s, v) => s + v, 0);
  if (met === 0) return { prim: null, primNote: "never met in any run: no box to find" };
  try {
    return { prim: { ...prim(d.factors, x, y, ex.analysis.prim), cases: y.length, met }, primNote: null };
  } catch (err) {
    if (err instanceof RangeError) return { prim: null, primNote: err.message };
    throw err;
  }
}

/**
 * Reads the experiment's runs from the store in run order, handing each to `onRun` (runs.csv is
 * written there), then analyses every outcome. Memory: one number per run and outcome.
 */
export async function analyseExperiment(ex: Experiment, plan: BatchPlan, store: RunStore, onRun?: (run: StoredRun, point: number, replication: number) => Promise<void>): Promise<ExperimentAnalysis> {
  const P = ex.design.points.length;
  const R = ex.replications;
  const values = ex.outcomes.map(() => new Float64Array(P * R).fill(NaN));
  const completed = new Int32Array(P);
  const failed = new Int32Array(P);
  const failures: ExperimentFailure[] = [];
  let failedRuns = 0;
  for (const run of store.runs(0, 0, plan.runs)) {
    const { point, replication } = pointOfRun(run.run, R);
    if (run.error === null && run.values.length !== values.length)
      throw new Error(`run ${run.run} holds ${run.values.length} values, the experiment has ${values.length} outcomes (was it run by an executor that does not know experiments?)`);
    if (run.error === null) {
      completed[point] += 1;
      for (let o = 0; o < values.length; o++) values[o][run.run] = run.values[o];
    } else {
      failed[point] += 1;
      failedRuns += 1;
      if (failures.length < MAX_LISTED_FAILURES) failures.push({ run: run.run, point, replication, seed: run.seed, message: run.error });
    }
    await onRun?.(run, point, replication);
  }
  const outcomes = ex.outcomes.map((o, i): OutcomeAnalysis => {
    const v = values[i];
    const points = Array.from({ length: P }, (_, p) => pointStat(o, v.subarray(p * R, (p + 1) * R)));
    const [noise, noiseNote] = noiseOf(o, v, P, R);
    const indices = indicesOf(ex, points.map((s) => s.value ?? NaN), ex.seed, noise);
    return { outcome: o, points, noise, noiseNote, ...indices, ...primOf(ex, o, v, R) };
  });
  return { completed, failed, failures, failedRuns, outcomes };
}
