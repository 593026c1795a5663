/**
 * Runs one shard of a batch in the current thread (in-process executor, Node worker, browser
 * worker): each run's record goes into one Float64Array; a run that throws, produces a
 * non-finite number or takes longer than the shard's time limit is recorded with its message
 * and the shard goes on. The time limit is checked after every quarter (a wall clock, so a run
 * stopped by it is a failure of this machine's run, not part of the model's results).
 */
import { runScenario } from "../model/run.js";
import type { Scenario } from "../scenario/schema.js";
import { SLOW_QUARTER_MS, hasFault, injectedFault, sleepBlocking, type Fault } from "./faults.js";
import type { Shard } from "./plan.js";
import { writeRecord, type RecordLayout } from "./record.js";

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

/** The message of a run stopped by the time limit. */
export function timeLimitMessage(limitMs: number, quarter: number, quarters: number): string {
  return `the run took longer than the time limit of ${limitMs / 1000} s (stopped after quarter ${quarter} of ${quarters}; --run-time-limit raises it)`;
}

/** An empty shard result whose runs are filled by runShardRun. */
export function emptyResult(layout: RecordLayout, shard: Shard): ShardResult {
  return { shard, width: layout.width, data: new Float64Array(shard.count * layout.width), errors: new Array<string | null>(shard.count).fill(null), computeMs: 0 };
}

/** Runs run j of the shard into `result` (its record row, or its failure message). */
export function runShardRun(scenario: Scenario, layout: RecordLayout, result: ShardResult, j: number, faults?: readonly Fault[]): void {
  const { shard } = result;
  const started = performance.now();
  const run = shard.firstRun + j;
  try {
    injectedFault(faults, shard.scenarioIndex, run);
    const slow = hasFault(faults, "slow", shard.scenarioIndex, run);
    const limit = shard.timeLimitMs;
    let quarter = 0;
    const afterStep = slow || limit !== undefined
      ? (p: { quarters: number }) => {
          quarter += 1;
          if (slow) sleepBlocking(SLOW_QUARTER_MS);
          if (limit !== undefined && performance.now() - started > limit && quarter < p.quarters) throw new Error(timeLimitMessage(limit, quarter, p.quarters));
        }
      : undefined;
    const r = runScenario(scenario, shard.seeds[j], afterStep ? { afterStep } : {});
    result.errors[j] = writeRecord(layout, r, result.data, j * layout.width);
  } catch (err) {
    result.errors[j] = err instanceof Error ? err.message : String(err);
  }
  result.computeMs += performance.now() - started;
}

/** Runs every run of `shard` with its seed and packs the records. */
export function runShard(scenario: Scenario, layout: RecordLayout, shard: Shard, faults?: readonly Fault[]): ShardResult {
  const result = emptyResult(layout, shard);
  for (let j = 0; j < shard.count; j++) runShardRun(scenario, layout, result, j, faults);
  return result;
}
