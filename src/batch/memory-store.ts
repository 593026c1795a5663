/** A RunStore in memory (the browser, tests): the records of each scenario's runs, indexed by run; a failed run does not count as done. */
import type { BatchPlan } from "./plan.js";
import type { ShardResult } from "./run-shard.js";
import type { RunStore, StoredRun } from "./store.js";

/** Finished runs held in memory; nothing survives the process. */
export class MemoryStore implements RunStore {
  private readonly stored: (StoredRun | undefined)[][];
  private count = 0;

  constructor(plan: Pick<BatchPlan, "scenarios">) {
    this.stored = plan.scenarios.map(() => []);
  }

  get size(): number {
    return this.count;
  }

  has(scenario: number, run: number): boolean {
    const r = this.stored[scenario][run];
    return r !== undefined && r.error === null;
  }

  append(result: ShardResult): void {
    const { shard, width, data, errors } = result;
    for (let j = 0; j < shard.count; j++) {
      const run = shard.firstRun + j;
      const error = errors[j];
      const values = error === null ? data.slice(j * width, (j + 1) * width) : new Float64Array(0);
      for (let c = 0; c < values.length; c++) if (values[c] === 0) values[c] = 0; // -0 as 0, as the file store reads it back
      if (this.has(shard.scenarioIndex, run)) this.count -= 1;
      if (error === null) this.count += 1;
      this.stored[shard.scenarioIndex][run] = { run, seed: shard.seeds[j], values, error };
    }
  }

  *runs(scenario: number, from = 0, to = this.stored[scenario].length): Iterable<StoredRun> {
    for (let run = from; run < to; run++) {
      const r = this.stored[scenario][run];
      if (!r) throw new Error(`run ${run} of scenario ${scenario} is not in the store`);
      yield r;
    }
  }

  close(): void {}
}
