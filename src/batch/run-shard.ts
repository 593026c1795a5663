/**
 * Runs one shard of a batch in the current thread (in-process executor, Node worker, browser
 * worker): each run's record goes into one Float64Array; a run that throws or produces a
 * non-finite number is recorded with its message and the shard goes on. An experiment's shard
 * goes to experiment/run-shard.ts.
 */
import { runScenario } from "../model/run.js";
import type { Scenario } from "../scenario/schema.js";
import { injectedFault, type Fault } from "./faults.js";
import type { Shard } from "./plan.js";
import { recordLayout, writeRecord, type RecordLayout } from "./record.js";
import { runExperimentShard } from "./experiment/run-shard.js";

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

/**
 * Runs every run of `shard` with its seed and packs the records. An experiment's shard
 * (shard.experiment) records its outcomes instead and needs no layout: pass the layout as a
 * function to compute it only when it is used.
 */
export function runShard(scenario: Scenario, layoutOf: RecordLayout | (() => RecordLayout), shard: Shard, faults?: readonly Fault[]): ShardResult {
  if (shard.experiment) return runExperimentShard(scenario, shard, faults);
  const layout = typeof layoutOf === "function" ? layoutOf() : layoutOf;
  const started = performance.now();
  const data = new Float64Array(shard.count * layout.width);
  const errors: (string | null)[] = [];
  for (let j = 0; j < shard.count; j++) {
    try {
      injectedFault(faults, shard.scenarioIndex, shard.firstRun + j);
      const r = runScenario(scenario, shard.seeds[j]);
      errors.push(writeRecord(layout, r, data, j * layout.width));
    } catch (err) {
      errors.push(err instanceof Error ? err.message : String(err));
    }
  }
  return { shard, width: layout.width, data, errors, computeMs: performance.now() - started };
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
