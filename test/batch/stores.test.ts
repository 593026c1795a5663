/** The two RunStores (file and memory) keep the same runs and read them back the same way, in run order; the file store checks the batch it belongs to. */
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/batch/memory-store.js";
import { FileStore } from "../../src/batch/node/file-store.js";
import { derivedPlan, planShards, type BatchPlan } from "../../src/batch/plan.js";
import { recordLayout } from "../../src/batch/record.js";
import { runShard } from "../../src/batch/run-shard.js";
import type { RunStore } from "../../src/batch/store.js";
import { InputError } from "../../src/scenario/input-error.js";
import { loadScenario } from "../../src/scenario/load.js";
import { smallScenario, tempDir } from "./helpers.js";

async function plan(runs: number, seed = 3): Promise<BatchPlan> {
  const file = smallScenario(tempDir());
  const l = await loadScenario(file);
  return derivedPlan([{ name: l.scenario.name, file, hash: l.hash, scenario: l.scenario }], seed, runs);
}

/** Appends the plan's shards last first (a failure injected at run 2). */
function fill(store: RunStore, p: BatchPlan): void {
  const layout = recordLayout(p.scenarios[0].scenario);
  for (const shard of planShards(p, 2).reverse()) store.append(runShard(p.scenarios[0].scenario, layout, shard, [{ kind: "throw", scenario: 0, run: 2 }]));
}

const dump = (store: RunStore, runs: number) => [...store.runs(0, 0, runs)].map((r) => [r.run, r.seed, r.error, Array.from(r.values)]);

describe("run stores", () => {
  it("file and memory stores read back the same runs in run order, and the file store after reopening", async () => {
    const p = await plan(7);
    const dir = tempDir();
    const file = FileStore.open(dir, p);
    const memory = new MemoryStore(p);
    fill(file, p);
    fill(memory, p);
    // the failed run 2 is stored but not done: a later batch runs it again
    expect(file.size).toBe(6);
    expect(memory.size).toBe(6);
    expect([file.has(0, 2), memory.has(0, 2), file.has(0, 3), memory.has(0, 3)]).toEqual([false, false, true, true]);
    const read = dump(memory, 7);
    expect(read.map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(read[2][2]).toBe("injected fault at run 2");
    expect(dump(file, 7)).toEqual(read);
    file.close();
    const again = FileStore.open(dir, p, true);
    expect(again.size).toBe(6);
    expect(dump(again, 7)).toEqual(read);
    again.close();
  });

  it("the file store opens for more runs (the stored ones are a prefix) and refuses fewer runs or another seed", async () => {
    const p = await plan(4);
    const dir = tempDir();
    const store = FileStore.open(dir, p);
    fill(store, p);
    store.close();
    const grown = FileStore.open(dir, { ...p, runs: 9 });
    expect(grown.size).toBe(3);
    expect(grown.has(0, 3)).toBe(true);
    expect(grown.has(0, 4)).toBe(false);
    grown.close();
    expect(() => FileStore.open(dir, { ...p, runs: 3 })).toThrow(/grow, not shrink/);
    expect(() => FileStore.open(dir, { ...p, seeds: { kind: "derived", baseSeed: 4 } })).toThrow(InputError);
    const list = { ...p, seeds: { kind: "list" as const, file: "seeds.txt", seeds: [1, 2, 3, 4] } };
    expect(() => FileStore.open(dir, list)).toThrow(/seed list differs/);
  });
});
