/**
 * An experiment as a BatchPlan, so it runs on any executor into any store: one "scenario" (the
 * base scenario, or a stand-in for a test function) whose hash is the experiment's identity
 * hash (a checkpoint of another experiment is refused), derived seeds from the experiment's
 * base seed, points x replications runs, and the experiment part (run spec, replications, the
 * design's points) from which each shard takes the values of the points it covers.
 */
import type { Scenario } from "../../scenario/schema.js";
import type { Fault } from "../faults.js";
import type { BatchPlan } from "../plan.js";
import type { Experiment } from "./compile.js";
import type { ExperimentRunSpec } from "./spec.js";

/** What the runs of an experiment need (plain data for the workers). */
export function runSpecOf(ex: Experiment): ExperimentRunSpec {
  const m = ex.model;
  return {
    model: m.kind === "scenario" ? { kind: "scenario" } : { ...m.model, noise: m.noise },
    factors: ex.factors.map((f) => ({ name: f.name, paths: f.segments, apply: f.apply })),
    values: ex.outcomes.map((o) => o.value),
  };
}

/**
 * The stand-in scenario of a test-function experiment: it only names the experiment. No shard
 * of the plan runs it (experiment shards evaluate the function) and executors compute no record
 * layout for it.
 */
function testFunctionStandIn(ex: Experiment): Scenario {
  return { name: ex.name } as unknown as Scenario;
}

/** The BatchPlan of an experiment (test faults and a time limit per run, when given, are carried as in any batch). */
export function experimentPlan(ex: Experiment, faults?: readonly Fault[], runTimeLimitMs?: number): BatchPlan {
  const scenario = ex.model.kind === "scenario" ? ex.model.loaded.scenario : testFunctionStandIn(ex);
  return {
    scenarios: [{ name: ex.name, file: ex.file, hash: ex.hash, scenario }],
    seeds: { kind: "derived", baseSeed: ex.seed },
    runs: ex.design.points.length * ex.replications,
    ...(faults && faults.length > 0 ? { faults } : {}),
    ...(runTimeLimitMs !== undefined ? { runTimeLimitMs } : {}),
    experiment: { spec: runSpecOf(ex), replications: ex.replications, points: ex.design.points },
  };
}
