/**
 * Experiments on the batch layer's executors (the contract of test/batch/executor-contract.ts,
 * for experiment plans): records byte-identical to running each shard directly, a failing run
 * reported, any order of results giving the same store and files, a run that kills its worker
 * twice recorded as failed with the experiment's record width. And what a shard carries: the
 * points its runs cover, never a scenario per point.
 */
import { describe, expect, it } from "vitest";
import { inProcessExecutor, type Executor, type ExecutorFactory } from "../../src/batch/executor.js";
import { experimentPlan } from "../../src/batch/experiment/plan.js";
import { loadExperiment } from "../../src/batch/experiment/node/load.js";
import { writeExperimentFiles } from "../../src/batch/experiment/write.js";
import type { Experiment } from "../../src/batch/experiment/compile.js";
import { MemorySink } from "../../src/batch/files/sink.js";
import { MemoryStore } from "../../src/batch/memory-store.js";
import { workerThreadPool } from "../../src/batch/node/worker-threads.js";
import { planShards, shardOf, type BatchPlan } from "../../src/batch/plan.js";
import { runBatch } from "../../src/batch/run-batch.js";
import { runShard } from "../../src/batch/run-shard.js";
import type { StoredRun } from "../../src/batch/store.js";
import { deriveSeed } from "../../src/random/index.js";
import { reorderingExecutor } from "../batch/executor-contract.js";
import { exampleScenario, tempDir, writeExperiment } from "./helpers.js";

/** A scenario experiment (6 LHS points x 3 replications of the 2018-2019 example) and a test-function one. */
async function experiments(): Promise<Experiment[]> {
  const dir = tempDir();
  exampleScenario(dir, "small", true);
  const scenario = await loadExperiment(
    writeExperiment(dir, "s.json", {
      name: "s",
      scenario: "small.json",
      factors: [{ name: "teams", path: "$.attraction.promotionTeams", apply: "scale", range: [0.5, 2] }, { path: "$.industries.biopharma.marketTrend", distribution: "scenario" }],
      design: { method: "lhs", n: 6 },
      replications: 3,
      outcomes: [{ metric: "output/park", label: "biopark", year: 2019 }, { headline: "fiscalCostTotal" }, { headline: "signed", atLeast: 5 }],
      seed: 4,
    }),
  );
  const fn = await loadExperiment(writeExperiment(dir, "f.json", { name: "f", model: { testFunction: "ishigami", noise: 0.5 }, design: { method: "lhs", n: 9 }, replications: 2, seed: 4 }));
  return [scenario, fn];
}

const bytes = (runs: StoredRun[]) => runs.map((r) => `${r.run}:${r.seed}:${r.error}:${Buffer.from(r.values.buffer, r.values.byteOffset, r.values.byteLength).toString("hex")}`);

/** The records of `plan` with every shard run directly in this thread. */
function reference(plan: BatchPlan): StoredRun[] {
  const store = new MemoryStore(plan);
  for (const shard of planShards(plan, 4)) store.append(runShard(plan.scenarios[0].scenario, () => { throw new Error("an experiment shard needs no layout"); }, shard, plan.faults));
  return [...store.runs(0, 0, plan.runs)];
}

/** Runs the experiment's plan on an executor into memory; returns the stored runs and the files. */
async function runOn(ex: Experiment, plan: BatchPlan, executor: Executor) {
  const store = new MemoryStore(plan);
  try {
    const outcome = await runBatch(plan, executor, store);
    const sink = new MemorySink();
    await writeExperimentFiles(ex, plan, store, sink);
    return { outcome, runs: [...store.runs(0, 0, plan.runs)], files: sink.files };
  } finally {
    await executor.close();
  }
}

/** The contract for experiment plans on the executors `factory` makes. */
function contract(name: string, factory: ExecutorFactory) {
  describe(`experiments on ${name}`, () => {
    it("give byte-identical records to running each shard directly, for a scenario and a test function", async () => {
      for (const ex of await experiments()) {
        const plan = experimentPlan(ex);
        const { outcome, runs } = await runOn(ex, plan, factory(plan));
        expect(outcome).toMatchObject({ outcome: "done", ran: plan.runs, failed: 0 });
        expect(runs.every((r) => r.values.length === ex.outcomes.length)).toBe(true);
        expect(bytes(runs)).toEqual(bytes(reference(plan)));
        expect(runs.map((r) => r.seed)).toEqual(runs.map((r) => deriveSeed(ex.seed, r.run % ex.replications)));
      }
    }, 120_000);

    it("report a failing run with its message, and the experiment goes on", async () => {
      const [ex] = await experiments();
      const plan = experimentPlan(ex, [{ kind: "throw", scenario: 0, run: 4 }]);
      const { outcome, runs, files } = await runOn(ex, plan, factory(plan));
      expect(outcome.failed).toBe(1);
      expect(runs.filter((r) => r.error !== null).map((r) => [r.run, r.error])).toEqual([[4, "injected fault at run 4"]]);
      expect(bytes(runs)).toEqual(bytes(reference(plan)));
      expect(files.get("points.csv")!.split("\n")[2]).toMatch(/^1,2,1,/); // point 1: runs 3-5, run 4 failed
    }, 120_000);

    it("give the same store and files when results come back in another order", async () => {
      const [ex] = await experiments();
      const plan = experimentPlan(ex);
      const straight = await runOn(ex, plan, factory(plan));
      const wrapped = reorderingExecutor(factory(plan));
      const shuffled = await runOn(ex, plan, wrapped);
      expect(wrapped.answered).not.toEqual([...wrapped.answered].sort((a, b) => a - b));
      expect(bytes(shuffled.runs)).toEqual(bytes(straight.runs));
      expect([...shuffled.files]).toEqual([...straight.files]);
    }, 120_000);
  });
}

contract("the in-process executor", inProcessExecutor);
contract("a pool of 2 worker threads", (p) => workerThreadPool(p, 2));

describe("a run that kills its worker", () => {
  it("is retried, then recorded as failed with the experiment's record width, and the files are written", async () => {
    const [, ex] = await experiments();
    const plan = experimentPlan(ex, [{ kind: "exit", scenario: 0, run: 5 }]);
    const { outcome, runs, files } = await runOn(ex, plan, workerThreadPool(plan, 2));
    expect(outcome.failed).toBe(1);
    expect(runs.filter((r) => r.error !== null).map((r) => r.run)).toEqual([5]);
    expect(runs.filter((r) => r.error === null).every((r) => r.values.length === 1)).toBe(true);
    expect(files.get("runs.csv")!.split("\n")[6]).toMatch(/^2,1,\d+,1,the run killed its worker 2 times/);
  }, 120_000);
});

describe("what an experiment's plan and shards hold", () => {
  it("one scenario for the whole experiment, and in each shard only the points its runs cover", async () => {
    const [ex] = await experiments();
    const plan = experimentPlan(ex);
    expect(plan.scenarios).toHaveLength(1);
    expect(plan.runs).toBe(18);
    const shard = shardOf(plan, 0, 4, 4); // runs 4-7: points 1 and 2
    expect(shard.seeds).toEqual([1, 2, 0, 1].map((r) => deriveSeed(4, r)));
    expect(shard.experiment!.firstPoint).toBe(1);
    expect(shard.experiment!.points).toEqual([ex.design.points[1], ex.design.points[2]]);
    const size = JSON.stringify(shard).length;
    expect(size).toBeLessThan(2000); // the run spec and two points: no scenario travels with a shard
    expect(JSON.stringify(plan.scenarios[0].scenario).length).toBeGreaterThan(10 * size);
  });
});
