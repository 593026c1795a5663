/**
 * A batch as plain data: which scenarios, which seeds, split into shards (a scenario, a range of
 * run indices and their seeds) that any executor (in-process, a worker pool, a browser pool, a
 * remote job) can run and return in any order.
 */
import { deriveSeed } from "../random/index.js";
import type { Scenario } from "../scenario/schema.js";
import type { ScenarioChange } from "../scenario/changes.js";
import type { Fault } from "./faults.js";
import { pointOfRun, shardExperiment, type PlanExperiment, type ShardExperiment } from "./experiment/spec.js";

/** One scenario of a batch. */
export interface BatchScenario {
  /** the scenario's name (its "name" field) */
  name: string;
  file: string;
  /** SHA-256 of the resolved scenario (after any --set changes) */
  hash: string;
  scenario: Scenario;
  /** the `--set '$.path=value'` changes applied on top of the file, in the order given */
  set?: readonly ScenarioChange[];
  /** the resolved scenario as merged before validation (its hash is `hash`); written into the results folder so that it is self-contained */
  raw?: Record<string, unknown>;
}

/**
 * Where a batch's seeds come from: derived from a base seed (run i has deriveSeed(baseSeed, i),
 * so N runs are a prefix of M > N runs) or an explicit list (run i has list[i]).
 */
export type SeedSource = { kind: "derived"; baseSeed: number } | { kind: "list"; file: string; seeds: readonly number[] };

/** A batch: every scenario runs the same seeds, runs 0..runs-1. */
export interface BatchPlan {
  scenarios: BatchScenario[];
  seeds: SeedSource;
  runs: number;
  /** a run taking longer than this (wall clock, ms) fails with a message instead of holding up the batch; none when absent */
  runTimeLimitMs?: number;
  /** test-only: runs that throw or kill their worker (see faults.ts); never in result files */
  faults?: readonly Fault[];
  /**
   * an experiment (issue 13): one scenario (the base, or a test function's stand-in), and run k
   * is replication k mod R of design point floor(k / R), with the seed of run k mod R
   */
  experiment?: PlanExperiment;
}

/** A unit of work: runs firstRun..firstRun+count-1 of one scenario with their seeds. Plain data (posted to workers). */
export interface Shard {
  scenarioIndex: number;
  scenarioHash: string;
  firstRun: number;
  count: number;
  /** the run seeds, one per run of the shard */
  seeds: number[];
  /** the plan's time limit per run, ms (absent: none) */
  timeLimitMs?: number;
  /** an experiment's shard: the run spec and the factor values of the points its runs cover */
  experiment?: ShardExperiment;
}

/** Seed of run i of a batch with base seed S. */
export const runSeed = (baseSeed: number, run: number): number => deriveSeed(baseSeed, run);

/** The seed of run `run` of a plan (of an experiment: the seed of its replication, the same at every point). */
export function planSeed(plan: Pick<BatchPlan, "seeds" | "experiment">, run: number): number {
  if (plan.experiment) run = pointOfRun(run, plan.experiment.replications).replication;
  const s = plan.seeds;
  if (s.kind === "derived") return runSeed(s.baseSeed, run);
  if (run >= s.seeds.length) throw new RangeError(`run ${run} is beyond the ${s.seeds.length} seeds of ${s.file}`);
  return s.seeds[run];
}

/** The base seed of a plan with derived seeds, or null for an explicit list. */
export function baseSeedOf(plan: Pick<BatchPlan, "seeds">): number | null {
  return plan.seeds.kind === "derived" ? plan.seeds.baseSeed : null;
}

/** A plan with derived seeds (the usual case). */
export function derivedPlan(scenarios: BatchScenario[], baseSeed: number, runs: number): BatchPlan {
  return { scenarios, seeds: { kind: "derived", baseSeed }, runs };
}

/** The shard of runs first..first+count-1 of scenario `scenarioIndex`. */
export function shardOf(plan: BatchPlan, scenarioIndex: number, firstRun: number, count: number): Shard {
  return {
    scenarioIndex,
    scenarioHash: plan.scenarios[scenarioIndex].hash,
    firstRun,
    count,
    seeds: Array.from({ length: count }, (_, j) => planSeed(plan, firstRun + j)),
    ...(plan.runTimeLimitMs !== undefined ? { timeLimitMs: plan.runTimeLimitMs } : {}),
    ...(plan.experiment ? { experiment: shardExperiment(plan.experiment, firstRun, count) } : {}),
  };
}

/**
 * Shards of at most `chunk` runs covering the runs not yet `done`, in (scenario, run) order,
 * made one at a time as they are taken (a batch of millions of runs starts at once and never
 * holds all its shards or seeds). `done` is asked about each run when the generator reaches it.
 */
export function* shardsOf(plan: BatchPlan, chunk: number, done: (scenario: number, run: number) => boolean = () => false): Generator<Shard> {
  for (let scenarioIndex = 0; scenarioIndex < plan.scenarios.length; scenarioIndex++) {
    let first = -1;
    for (let run = 0; run <= plan.runs; run++) {
      const stop = run === plan.runs || done(scenarioIndex, run);
      if (!stop && first < 0) first = run;
      if (first >= 0 && (stop || run - first === chunk)) {
        yield shardOf(plan, scenarioIndex, first, run - first);
        first = stop ? -1 : run;
      }
    }
  }
}

/** Every shard of shardsOf at once, as an array (small plans, tests). */
export function planShards(plan: BatchPlan, chunk: number, done: (scenario: number, run: number) => boolean = () => false): Shard[] {
  return [...shardsOf(plan, chunk, done)];
}
