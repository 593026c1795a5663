/**
 * A worker only runs what it should: a batch registered by another build is refused with a clear
 * message (also passed on to its coordinator), and a job that does not validate, or that was made
 * by another build, fails with the reason instead of running. Real redis-server, in-process worker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueExecutor } from "../../src/batch/node/queue/coordinator.js";
import { loadQueueLibs } from "../../src/batch/node/queue/libs.js";
import { KEY_PREFIX, PROTOCOL_VERSION, jobData, keys, queueName, scenarioText, type BatchMeta } from "../../src/batch/node/queue/protocol.js";
import { runQueueWorker } from "../../src/batch/node/queue/remote-worker.js";
import { parseQueueUrl } from "../../src/batch/node/queue/url.js";
import { derivedPlan, shardOf, type BatchPlan } from "../../src/batch/plan.js";
import { loadScenario } from "../../src/scenario/load.js";
import { smallScenario, tempDir } from "../batch/helpers.js";
import { until } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let worker: Promise<void>;
const log: string[] = [];
const stop = new AbortController();

beforeAll(async () => {
  redis = await startRedis();
  worker = runQueueWorker({ url: parseQueueUrl(redis.url), concurrency: 1, pollMs: 100, log: (l) => log.push(l), stop: stop.signal });
}, 60_000);

afterAll(async () => {
  stop.abort();
  await worker;
  await redis.stop();
}, 60_000);

async function smallPlan(seed: number): Promise<BatchPlan> {
  const dir = tempDir();
  const file = smallScenario(dir);
  const l = await loadScenario(file);
  return derivedPlan([{ name: "small", file, hash: l.hash, scenario: l.scenario }], seed, 4);
}

describe("a queue worker refuses", () => {
  it("a batch registered by another build, and tells its coordinator why", async () => {
    const { Redis } = await loadQueueLibs();
    const client = new Redis(redis.url);
    const plan = await smallPlan(1);
    const { text, hash } = scenarioText(plan.scenarios[0].scenario);
    const meta: BatchMeta = { v: PROTOCOL_VERSION, build: "other-build", batch: "00000000000000aa", scenarios: [{ name: "small", hash }] };
    await client.set(keys.scenario(hash), text);
    await client.set(keys.batch(meta.batch), JSON.stringify(meta), "PX", 60_000);
    await client.sadd(keys.registry, meta.batch);
    await until(() => log.some((l) => l.startsWith("refusing batch 00000000")));
    expect(log.find((l) => l.startsWith("refusing batch 00000000"))).toMatch(/made by clustersim build other-build, this worker is build \w+: run the same build on every machine/);
    expect(await client.lrange(keys.notes(meta.batch), 0, -1)).toEqual([expect.stringMatching(/^worker .+ refuses the batch: it was made by clustersim build other-build/)]);
    client.disconnect();
  });

  it("a job that does not match the schema or was made by another build, without running it", async () => {
    const plan = await smallPlan(2);
    const notices: string[] = [];
    const executor = queueExecutor(plan, { url: parseQueueUrl(redis.url), checkMs: 100, onNotice: (t) => notices.push(t) });
    try {
      const first = await executor.runShard(shardOf(plan, 0, 0, 1)); // the worker now serves the batch
      expect(first.errors).toEqual([null]);
      await until(() => executor.status().workers === 1); // the coordinator sees the one worker process on its queue
      const batch = executor.status().batch!;
      const { bullmq, Redis } = await loadQueueLibs();
      const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      const queue = new bullmq.Queue(queueName(batch), { connection, prefix: KEY_PREFIX });
      const meta: BatchMeta = { v: PROTOCOL_VERSION, build: "source", batch, scenarios: [{ name: "small", hash: scenarioText(plan.scenarios[0].scenario).hash }] };
      const good = jobData(meta, 2, shardOf(plan, 0, 1, 1));
      const ranBefore = log.filter((l) => / run \d+ done/.test(l)).length;
      await queue.add("shard", { ...good, build: "other-build" }, { jobId: "forged-build" });
      await queue.add("shard", { ...good, code: "require('child_process').exec('rm -rf /')" }, { jobId: "forged-code" });
      await until(() => notices.some((n) => n.includes("refused job forged-build")));
      const byId = async (id: string) => (await bullmq.Job.fromId(queue, id))!;
      for (const id of ["forged-build", "forged-code"]) while ((await queue.getJobState(id)) !== "failed") await new Promise((r) => setTimeout(r, 50));
      expect((await byId("forged-build")).failedReason).toMatch(/made for clustersim build other-build, this worker is build source/);
      expect((await byId("forged-code")).failedReason).toMatch(/does not match the job schema/);
      expect(log.filter((l) => /job forged-(build|code) refused/.test(l))).toHaveLength(2);
      expect(log.filter((l) => / run \d+ done/.test(l)).length).toBe(ranBefore); // nothing ran
      await queue.close();
      connection.disconnect();
    } finally {
      await executor.close();
    }
  });
});
