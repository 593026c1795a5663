/**
 * Runs one shard of a batch in the current thread (in-process executor, Node worker, browser
 * worker): each run's record goes into one Float64Array; a run that throws, produces a
 * non-finite number or takes longer than the shard's time limit (run-limits.ts) is recorded
 * with its message and the shard goes on. An experiment's shard goes to experiment/run-shard.ts.
 * A shard runs run by run through a ShardRunner, so the in-process executor can yield between runs.
 */
import { runScenario } from "../model/run.js";
import type { Scenario } from "../scenario/schema.js";
import { injectedFault, type Fault } from "./faults.js";
import type { BatchPlan, Shard } from "./plan.js";
import { recordLayout, writeRecord, type RecordLayout } from "./record.js";
import { runGuard } from "./run-limits.js";
import { experimentShardRunner } from "./experiment/run-shard.js";

export { timeLimitMessage } from "./run-limits.js";

/** The records of a shard: `data` holds shard.count rows of `width` values. */
export interface ShardResult {
  shard: Shard;
  width: number;
  data: Float64Array;
  /** per run: null, or the message of its failure */
  errors: (string | null)[];
  /** time spent running the shard where it ran, ms (for the messaging share in bench/; never in result files) */
  computeMs: number;
}

/** A shard being run: run(j) fills run j's row (or its message) into `result`. */
export interface ShardRunner {
  readonly result: ShardResult;
  run(j: number): void;
}

/** An empty shard result of `width` values per run, its runs filled by a ShardRunner. */
export function emptyResult(width: number, shard: Shard): ShardResult {
  return { shard, width, data: new Float64Array(shard.count * width), errors: new Array<string | null>(shard.count).fill(null), computeMs: 0 };
}

/**
 * The runner of `shard`. An experiment's shard (shard.experiment) records its outcomes instead
 * and needs no layout: pass the layout as a function to compute it only when it is used.
 */
export function shardRunner(scenario: Scenario, layoutOf: RecordLayout | (() => RecordLayout), shard: Shard, faults?: readonly Fault[]): ShardRunner {
  if (shard.experiment) return experimentShardRunner(scenario, shard, faults);
  const layout = typeof layoutOf === "function" ? layoutOf() : layoutOf;
  const result = emptyResult(layout.width, shard);
  return {
    result,
    run(j) {
      const started = performance.now();
      const run = shard.firstRun + j;
      try {
        injectedFault(faults, shard.scenarioIndex, run);
        const r = runScenario(scenario, shard.seeds[j], runGuard(shard, run, started, faults));
        result.errors[j] = writeRecord(layout, r, result.data, j * layout.width);
      } catch (err) {
        result.errors[j] = err instanceof Error ? err.message : String(err);
      }
      result.computeMs += performance.now() - started;
    },
  };
}

/** Runs every run of `shard` with its seed and packs the records (see shardRunner). */
export function runShard(scenario: Scenario, layoutOf: RecordLayout | (() => RecordLayout), shard: Shard, faults?: readonly Fault[]): ShardResult {
  const runner = shardRunner(scenario, layoutOf, shard, faults);
  for (let j = 0; j < shard.count; j++) runner.run(j);
  return runner.result;
}

/** Record layouts of a plan's scenarios, each computed on first use (a test function's stand-in scenario has none). */
export function lazyLayouts(scenarios: readonly Scenario[]): (scenarioIndex: number) => RecordLayout {
  const layouts: (RecordLayout | undefined)[] = [];
  return (i) => (layouts[i] ??= recordLayout(scenarios[i]));
}

/** Values per run in a shard's records: its experiment's outcomes, or the scenario's record width. */
export function recordWidth(shard: Shard, layoutOf: (scenarioIndex: number) => RecordLayout): number {
  return shard.experiment ? shard.experiment.spec.values.length : layoutOf(shard.scenarioIndex).width;
}

/** Values per run of a plan's scenario: its experiment's outcomes, or the scenario's record width. */
export function planRecordWidth(plan: Pick<BatchPlan, "scenarios" | "experiment">, scenarioIndex: number): number {
  return plan.experiment ? plan.experiment.spec.values.length : recordLayout(plan.scenarios[scenarioIndex].scenario).width;
}
