/**
 * What an experiment's runs need, as plain data (posted to workers, stored in a queue job): the
 * model (the plan's scenario, or an analytic test function), how each factor's value changes
 * the scenario, and which value each run records per outcome. A BatchPlan carries it as
 * `experiment` with the design points; each Shard carries it with the values of the points its
 * runs cover, so a worker builds a point's scenario from the base scenario it already holds.
 * Run k of an experiment is replication k mod R of point floor(k / R); every point runs the same
 * R seeds (common random numbers).
 */

/** An analytic test function standing in for the model (no scenario is run). */
export type TestFunctionModel =
  | { kind: "ishigami"; a: number; b: number }
  | { kind: "sobol-g"; a: number[] }
  /** 1 inside the box (bounds for the first box.length inputs), 0 outside */
  | { kind: "box"; dimensions: number; box: [number, number][] };

/** The model of an experiment: the plan's scenario with the factors applied, or a test function. */
export type ExperimentModel = { kind: "scenario" } | (TestFunctionModel & { noise: number });

/** How a factor's value changes the scenario: `set` puts the number at each path, `scale` multiplies every number under it, `shift` adds to every number under it. */
export type ApplyMode = "set" | "scale" | "shift";

/** One factor of a scenario experiment: the JSON paths it moves (as segments) and how. */
export interface FactorApplication {
  name: string;
  paths: (string | number)[][];
  apply: ApplyMode;
}

/** Where a run's value of an outcome comes from. */
export type RunValueSource =
  | { kind: "target"; id: string }
  | { kind: "target-value"; id: string }
  | { kind: "metric"; metric: string; label: string; year: number }
  | { kind: "headline"; name: string }
  | { kind: "output" };

/** What each run records for one outcome: its source, turned into 1/0 by a threshold when it has one. */
export interface RunValue {
  source: RunValueSource;
  /** the run's value is 1 when value >= atLeast (or <= atMost), else 0 */
  atLeast?: number;
  atMost?: number;
}

/** Everything a worker needs to run an experiment's runs besides the base scenario and the points. */
export interface ExperimentRunSpec {
  model: ExperimentModel;
  /** scenario experiments: one per design column, in order (empty for test functions) */
  factors: FactorApplication[];
  /** one per outcome, in order: the width of a run's record */
  values: RunValue[];
}

/** An experiment in a BatchPlan (plain data, main thread): the run spec, replications and the design's points. */
export interface PlanExperiment {
  spec: ExperimentRunSpec;
  /** replications per point R (the plan's runs are points x R) */
  replications: number;
  /** the design's points, one row of factor values per point, in design order */
  points: readonly (readonly number[])[];
}

/** What a shard of an experiment carries: the run spec and the values of the points its runs cover. */
export interface ShardExperiment {
  spec: ExperimentRunSpec;
  replications: number;
  /** the point of the shard's first run */
  firstPoint: number;
  /** factor values of points firstPoint, firstPoint + 1, ..., one row per point */
  points: number[][];
}

/** The point and replication of run `run` of an experiment with R replications. */
export function pointOfRun(run: number, replications: number): { point: number; replication: number } {
  const point = Math.floor(run / replications);
  return { point, replication: run - point * replications };
}

/** The experiment part of the shard of runs first..first+count-1: the points those runs cover. */
export function shardExperiment(experiment: PlanExperiment, firstRun: number, count: number): ShardExperiment {
  const R = experiment.replications;
  const firstPoint = Math.floor(firstRun / R);
  const lastPoint = Math.floor((firstRun + count - 1) / R);
  const points: number[][] = [];
  for (let p = firstPoint; p <= lastPoint; p++) points.push([...experiment.points[p]]);
  return { spec: experiment.spec, replications: R, firstPoint, points };
}
