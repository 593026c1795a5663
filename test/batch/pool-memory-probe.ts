/**
 * Child-process probe for the memory test: runs a small batch of the example scenario on two
 * worker threads through runBatch (with an abort signal, as the CLI passes one), into a store that
 * keeps nothing, holding only a WeakRef to each shard's record values. After the batch, before the
 * pool closes, it collects garbage and prints how many shards' values are still reachable: the
 * pool and the batch loop must not retain finished shards. Run with --expose-gc.
 */
import { setImmediate as tick } from "node:timers/promises";
import { derivedPlan } from "../../src/batch/plan.js";
import { runBatch } from "../../src/batch/run-batch.js";
import type { RunStore } from "../../src/batch/store.js";
import { workerThreadPool } from "../../src/batch/node/worker-threads.js";
import { loadScenario } from "../../src/scenario/load.js";

const runs = Number(process.argv[2]);
const file = new URL("../../scenarios/example.json", import.meta.url).pathname;
const loaded = await loadScenario(file);
const plan = derivedPlan([{ name: loaded.scenario.name, file, hash: loaded.hash, scenario: loaded.scenario, raw: loaded.raw }], 1, runs);
const pool = workerThreadPool(plan, 2);
const refs: WeakRef<Float64Array>[] = [];
let stored = 0;
const store: RunStore = {
  get size() {
    return stored;
  },
  has: () => false,
  append(result) {
    refs.push(new WeakRef(result.data));
    stored += result.shard.count;
  },
  runs: () => [],
  close: () => {},
};
const outcome = await runBatch(plan, pool, store, { signal: new AbortController().signal });
const gc = (globalThis as { gc?: () => void }).gc!;
for (let i = 0; i < 3; i++) {
  await tick();
  gc();
}
const reachable = refs.filter((r) => r.deref() !== undefined).length;
await pool.close();
process.stdout.write(JSON.stringify({ outcome: outcome.outcome, shards: refs.length, reachable }));
