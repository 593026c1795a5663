/**
 * The contract every executor passes (in-process and the worker-thread pool now; a browser pool
 * and a queue executor later): the same plan gives byte-identical records to running each shard
 * directly, a failing run is reported with its message and the batch goes on, and shards that
 * come back in any order give the same store and the same result files.
 */
import { describe, expect, it } from "vitest";
import { yieldToEventLoop, type Executor, type ExecutorFactory } from "../../src/batch/executor.js";
import { MemorySink } from "../../src/batch/files/sink.js";
import { MemoryStore } from "../../src/batch/memory-store.js";
import { planShards, type BatchPlan } from "../../src/batch/plan.js";
import { recordLayout } from "../../src/batch/record.js";
import { runBatch } from "../../src/batch/run-batch.js";
import { runShard } from "../../src/batch/run-shard.js";
import type { StoredRun } from "../../src/batch/store.js";
import { writeBatchFiles } from "../../src/batch/write-batch.js";

/** Wraps `inner` so that shards come back in another order than they went out: it holds `hold` calls and answers the last first. */
export function reorderingExecutor(inner: Executor, hold = 3): Executor & { answered: number[] } {
  let pending: { shard: Parameters<Executor["runShard"]>[0]; resolve: (r: Awaited<ReturnType<Executor["runShard"]>>) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const answered: number[] = [];
  const flush = async () => {
    scheduled = false;
    const group = pending;
    pending = [];
    const results = await Promise.allSettled(group.map((p) => inner.runShard(p.shard)));
    for (let k = group.length - 1; k >= 0; k--) {
      const r = results[k];
      answered.push(group[k].shard.firstRun);
      if (r.status === "fulfilled") group[k].resolve(r.value);
      else group[k].reject(r.reason);
      await yieldToEventLoop();
    }
  };
  return {
    concurrency: hold,
    answered,
    runShard(shard) {
      return new Promise((resolve, reject) => {
        pending.push({ shard, resolve, reject });
        if (pending.length >= hold) void flush();
        else if (!scheduled) {
          scheduled = true;
          setTimeout(() => void (pending.length > 0 && flush()), 20);
        }
      });
    },
    close: () => inner.close(),
  };
}

/** Every stored run of a plan, scenario by scenario in run order. */
function storedRuns(store: MemoryStore, plan: BatchPlan): StoredRun[] {
  return plan.scenarios.flatMap((_, s) => [...store.runs(s, 0, plan.runs)]);
}

/** The stored runs as comparable text: seeds, errors and the exact bytes of every value. */
function bytes(runs: StoredRun[]): string[] {
  return runs.map((r) => `${r.run}:${r.seed}:${r.error}:${Buffer.from(r.values.buffer, r.values.byteOffset, r.values.byteLength).toString("hex")}`);
}

/** The records of `plan` with every shard run directly in this thread (the reference). */
function reference(plan: BatchPlan): MemoryStore {
  const store = new MemoryStore(plan);
  const layouts = plan.scenarios.map((s) => recordLayout(s.scenario));
  for (const shard of planShards(plan, 3)) store.append(runShard(plan.scenarios[shard.scenarioIndex].scenario, layouts[shard.scenarioIndex], shard, plan.faults));
  return store;
}

/** Runs `plan` on an executor into a memory store and writes the files into memory. */
async function runOn(plan: BatchPlan, executor: Executor) {
  const store = new MemoryStore(plan);
  try {
    const outcome = await runBatch(plan, executor, store);
    const sink = new MemorySink();
    await writeBatchFiles(plan, store, sink);
    return { outcome, store, files: sink.files };
  } finally {
    await executor.close();
  }
}

/**
 * Declares the contract's tests for the executors `factory` makes. `plan` returns a small plan
 * (two scenarios, a dozen runs each) whose records the executor must reproduce.
 */
export function executorContract(name: string, factory: ExecutorFactory, plan: () => Promise<BatchPlan>): void {
  describe(`executor contract: ${name}`, () => {
    it("gives byte-identical records to running each shard directly", async () => {
      const p = await plan();
      const { outcome, store } = await runOn(p, factory(p));
      expect(outcome).toMatchObject({ outcome: "done", before: 0, ran: p.runs * p.scenarios.length, failed: 0 });
      expect(bytes(storedRuns(store, p))).toEqual(bytes(storedRuns(reference(p), p)));
    });

    it("reports a failing run with its message, and the batch goes on", async () => {
      const p = { ...(await plan()), faults: [{ kind: "throw" as const, scenario: 1, run: 4 }] };
      const { outcome, store } = await runOn(p, factory(p));
      expect(outcome.failed).toBe(1);
      const runs = storedRuns(store, p);
      expect(runs.filter((r) => r.error !== null).map((r) => [r.run, r.error])).toEqual([[4, "injected fault at run 4"]]);
      expect(runs.filter((r) => r.error === null)).toHaveLength(p.runs * p.scenarios.length - 1);
      expect(bytes(runs)).toEqual(bytes(storedRuns(reference(p), p)));
    });

    it("gives the same store and files when shards come back in another order", async () => {
      const p = await plan();
      const straight = await runOn(p, factory(p));
      const wrapped = reorderingExecutor(factory(p));
      const shuffled = await runOn(p, wrapped);
      const firstRuns = wrapped.answered;
      expect(firstRuns).not.toEqual([...firstRuns].sort((a, b) => a - b)); // the wrapper really reordered them
      expect(bytes(storedRuns(shuffled.store, p))).toEqual(bytes(storedRuns(straight.store, p)));
      expect([...shuffled.files]).toEqual([...straight.files]);
    });
  });
}
