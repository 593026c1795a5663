/**
 * Failures on the queue end as they do locally: a run that kills its worker thread twice is
 * recorded as failed with the same message as with local threads, and a job whose processing
 * fails twice gives its runs as failed while the batch goes on. Real redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueExecutor } from "../../src/batch/node/queue/coordinator.js";
import { loadQueueLibs } from "../../src/batch/node/queue/libs.js";
import { BUILD_ID } from "../../src/batch/build-id.js";
import { JobDataSchema, KEY_PREFIX, batchIdOf, encodeResult, queueName, scenarioText } from "../../src/batch/node/queue/protocol.js";
import { runQueueWorker } from "../../src/batch/node/queue/remote-worker.js";
import { parseQueueUrl } from "../../src/batch/node/queue/url.js";
import { workerThreadPool } from "../../src/batch/node/worker-threads.js";
import { MemoryStore } from "../../src/batch/memory-store.js";
import { derivedPlan, type BatchPlan } from "../../src/batch/plan.js";
import { recordLayout } from "../../src/batch/record.js";
import { runBatch } from "../../src/batch/run-batch.js";
import { runShard } from "../../src/batch/run-shard.js";
import type { Executor } from "../../src/batch/executor.js";
import { loadScenario } from "../../src/scenario/load.js";
import { smallScenario, tempDir } from "../batch/helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await redis.stop();
});

async function smallPlan(seed: number, runs: number): Promise<BatchPlan> {
  const dir = tempDir();
  const file = smallScenario(dir);
  const l = await loadScenario(file);
  return derivedPlan([{ name: "small", file, hash: l.hash, scenario: l.scenario }], seed, runs);
}

/** Runs a plan on an executor into memory: every run's error and record bytes. */
async function stored(plan: BatchPlan, executor: Executor) {
  const store = new MemoryStore(plan);
  try {
    await runBatch(plan, executor, store);
  } finally {
    await executor.close();
  }
  return [...store.runs(0, 0, plan.runs)].map((r) => `${r.run}:${r.error}:${Buffer.from(r.values.buffer, r.values.byteOffset, r.values.byteLength).toString("hex")}`);
}

describe("failures on the queue", () => {
  it("a run that kills its worker thread twice is failed with the same message and records as locally", async () => {
    const plan = { ...(await smallPlan(3, 8)), faults: [{ kind: "exit" as const, scenario: 0, run: 5 }] };
    const stop = new AbortController();
    const worker = runQueueWorker({ url: parseQueueUrl(redis.url), concurrency: 2, pollMs: 100, log: () => {}, stop: stop.signal });
    try {
      const queued = await stored(plan, queueExecutor(plan, { url: parseQueueUrl(redis.url), checkMs: 200 }));
      const local = await stored(plan, workerThreadPool(plan, 2));
      expect(queued).toEqual(local);
      expect(queued.filter((r) => !r.includes(":null:"))).toEqual([expect.stringMatching(/^5:the run killed its worker 2 times/)]);
    } finally {
      stop.abort();
      await worker;
    }
  });

  it("a job whose processing fails twice gives its runs as failed, and the batch goes on", async () => {
    const plan = await smallPlan(4, 16); // one shard at a time: shards of 2 runs
    const layout = recordLayout(plan.scenarios[0].scenario);
    const { bullmq, Redis } = await loadQueueLibs();
    const attempts = new Map<number, number>();
    const executor = queueExecutor(plan, { url: parseQueueUrl(redis.url), window: 1, checkMs: 200 });
    // a stand-in worker on the batch's queue: runs the jobs in this thread, but its processing of runs 0-1 always throws
    const batch = batchIdOf(plan, BUILD_ID, [scenarioText(plan.scenarios[0].scenario).hash]);
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    let fake: InstanceType<typeof bullmq.Worker> | null = null;
    try {
      fake = new bullmq.Worker(
        queueName(batch),
        async (job) => {
          const d = JobDataSchema.parse(job.data);
          attempts.set(d.firstRun, (attempts.get(d.firstRun) ?? 0) + 1);
          if (d.firstRun === 0) throw new Error("the processing broke");
          const shard = { scenarioIndex: 0, scenarioHash: plan.scenarios[0].hash, firstRun: d.firstRun, count: d.seeds.length, seeds: d.seeds };
          return encodeResult(runShard(plan.scenarios[0].scenario, layout, shard), "source", "test");
        },
        { connection, prefix: KEY_PREFIX, concurrency: 2 },
      );
      const store = new MemoryStore(plan);
      const outcome = await runBatch(plan, executor, store);
      expect(outcome.failed).toBe(2);
      const runs = [...store.runs(0, 0, plan.runs)];
      expect(runs.slice(0, 2).map((r) => r.error)).toEqual(Array(2).fill(expect.stringMatching(/^its queue job failed 2 times: the processing broke$/)));
      expect(runs.slice(2).every((r) => r.error === null)).toBe(true);
      expect(attempts.get(0)).toBe(2);
      expect(executor.status().batch).toBe(batch);
    } finally {
      await fake?.close();
      await executor.close();
      connection.disconnect();
    }
  });
});
