/**
 * A batch as plain data: which scenarios, which seeds, split into shards (a scenario and a range
 * of run indices) that any executor (in-process, a worker pool, a browser pool, a remote job) can
 * run and return in any order.
 */
import { deriveSeed } from "../random/index.js";
import type { Scenario } from "../scenario/schema.js";

/** One scenario of a batch. */
export interface BatchScenario {
  /** the scenario's name (its "name" field) */
  name: string;
  file: string;
  /** SHA-256 of the resolved scenario */
  hash: string;
  scenario: Scenario;
}

/** A batch: every scenario runs seeds deriveSeed(baseSeed, 0..runs-1). */
export interface BatchPlan {
  scenarios: BatchScenario[];
  baseSeed: number;
  runs: number;
}

/** A unit of work: runs firstRun..firstRun+count-1 of one scenario. Plain data (posted to workers). */
export interface Shard {
  scenarioIndex: number;
  scenarioHash: string;
  firstRun: number;
  count: number;
}

/** Seed of run i of a batch with base seed S. */
export const runSeed = (baseSeed: number, run: number): number => deriveSeed(baseSeed, run);

/** Shards of at most `chunk` runs covering the runs not yet `done`, in (scenario, run) order. */
export function planShards(plan: BatchPlan, chunk: number, done: (scenario: number, run: number) => boolean = () => false): Shard[] {
  const shards: Shard[] = [];
  plan.scenarios.forEach((s, scenarioIndex) => {
    let first = -1;
    const flush = (end: number) => {
      for (let a = first; a < end; a += chunk) shards.push({ scenarioIndex, scenarioHash: s.hash, firstRun: a, count: Math.min(chunk, end - a) });
      first = -1;
    };
    for (let run = 0; run < plan.runs; run++) {
      if (done(scenarioIndex, run)) {
        if (first >= 0) flush(run);
      } else if (first < 0) first = run;
    }
    if (first >= 0) flush(plan.runs);
  });
  return shards;
}
