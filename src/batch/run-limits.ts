/**
 * The per-run guard of a shard's runs (batch and experiment alike): the shard's wall-clock time
 * limit, checked after every quarter, and the test-only "slow" fault. A run stopped by the limit
 * fails with a message (a failure of this machine's run, not part of the model's results).
 */
import { SLOW_QUARTER_MS, hasFault, sleepBlocking, type Fault } from "./faults.js";
import type { Shard } from "./plan.js";

/** The message of a run stopped by the time limit. */
export function timeLimitMessage(limitMs: number, quarter: number, quarters: number): string {
  return `the run took longer than the time limit of ${limitMs / 1000} s (stopped after quarter ${quarter} of ${quarters}; --run-time-limit raises it)`;
}

/** runScenario's options for run `run` of `shard` started at `started` (performance.now(), ms): an afterStep guard when one is needed. */
export function runGuard(shard: Shard, run: number, started: number, faults?: readonly Fault[]): { afterStep?: (p: { quarters: number }) => void } {
  const slow = hasFault(faults, "slow", shard.scenarioIndex, run);
  const limit = shard.timeLimitMs;
  if (!slow && limit === undefined) return {};
  let quarter = 0;
  return {
    afterStep(p) {
      quarter += 1;
      if (slow) sleepBlocking(SLOW_QUARTER_MS);
      if (limit !== undefined && performance.now() - started > limit && quarter < p.quarters) throw new Error(timeLimitMessage(limit, quarter, p.quarters));
    },
  };
}
