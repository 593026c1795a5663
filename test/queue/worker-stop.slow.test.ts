/**
 * A `clustersim worker` stops cleanly: on SIGTERM it finishes its running job and exits 0; on a
 * second signal it returns the job to the queue at once (exit 130) and another worker runs it.
 * Real redis-server and worker processes; the coordinator's side is the queue executor in this process.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueExecutor } from "../../src/batch/node/queue/coordinator.js";
import { loadQueueLibs } from "../../src/batch/node/queue/libs.js";
import { KEY_PREFIX, jobIdOf, queueName } from "../../src/batch/node/queue/protocol.js";
import { parseQueueUrl } from "../../src/batch/node/queue/url.js";
import { derivedPlan, shardOf, type BatchPlan } from "../../src/batch/plan.js";
import { recordLayout } from "../../src/batch/record.js";
import { runShard } from "../../src/batch/run-shard.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT } from "../batch/helpers.js";
import { killAllCli, startWorker, stopCli } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let plan: BatchPlan;
beforeAll(async () => {
  redis = await startRedis();
  const file = join(ROOT, "scenarios", "baseline.json");
  const l = await loadScenario(file);
  plan = derivedPlan([{ name: "baseline", file, hash: l.hash, scenario: l.scenario }], 31, 128);
}, 30_000);
afterAll(async () => {
  killAllCli();
  await redis.stop();
});

/** The records of a shard run here, as hex. */
function localHex(first: number, count: number): string {
  const r = runShard(plan.scenarios[0].scenario, recordLayout(plan.scenarios[0].scenario), shardOf(plan, 0, first, count));
  return Buffer.from(r.data.buffer).toString("hex");
}

describe("clustersim worker on SIGTERM", () => {
  it("finishes its running job, then exits 0; a second signal returns the job to the queue at once", async () => {
    const executor = queueExecutor(plan, { url: parseQueueUrl(redis.url), checkMs: 200 });
    try {
      // one signal: the job finishes and its result reaches the coordinator
      const w1 = startWorker(redis.url);
      await w1.waitFor(/waiting for batches/);
      const first = executor.runShard(shardOf(plan, 0, 0, 64));
      await w1.killOnLine(/: runs 0-63$/, "SIGTERM");
      await w1.waitFor(/stopping: finishing 1 running job/);
      expect(await w1.exited).toBe(0);
      expect(w1.lines.some((l) => / runs 0-63 done in /.test(l))).toBe(true);
      const r1 = await first;
      expect(r1.errors.every((e) => e === null)).toBe(true);
      expect(Buffer.from(r1.data.buffer).toString("hex")).toBe(localHex(0, 64));

      // two signals: the running job goes back to the queue, and the next worker runs it
      const w2 = startWorker(redis.url);
      await w2.waitFor(/waiting for batches/);
      const second = executor.runShard(shardOf(plan, 0, 64, 64));
      await w2.killOnLine(/: runs 64-127$/, "SIGTERM");
      await w2.killOnLine(/stopping: finishing 1 running job/, "SIGTERM");
      expect(await w2.exited).toBe(130);
      expect(w2.lines.some((l) => l.endsWith("returned the running jobs to the queue"))).toBe(true);
      expect(w2.lines.some((l) => / runs 64-127 done in /.test(l))).toBe(false);
      const { bullmq, Redis } = await loadQueueLibs();
      const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      const queue = new bullmq.Queue(queueName(executor.status().batch!), { connection, prefix: KEY_PREFIX });
      expect(await queue.getJobState(jobIdOf(0, 64, 64))).toBe("waiting");
      await queue.close();
      connection.disconnect();
      const w3 = startWorker(redis.url);
      const r2 = await second;
      expect(Buffer.from(r2.data.buffer).toString("hex")).toBe(localHex(64, 64));
      expect(await stopCli(w3)).toBe(0);
    } finally {
      await executor.close();
    }
  }, 300_000);

  it("stops (exit 0) even when Redis has gone away while it serves a batch", async () => {
    const own = await startRedis();
    const worker = startWorker(own.url);
    try {
      await worker.waitFor(/waiting for batches/);
      const executor = queueExecutor(plan, { url: parseQueueUrl(own.url) });
      await executor.runShard(shardOf(plan, 0, 0, 1));
      await executor.close();
      await own.stop(); // the worker still serves the batch (it waits a while for a registration to come back)
      await worker.waitFor(/lost Redis/);
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      expect(worker.lines.some((l) => l.endsWith("stopping"))).toBe(true);
      expect(worker.lines.some((l) => /finished or stopped by its coordinator/.test(l))).toBe(false); // it was still serving it
    } finally {
      worker.child.kill("SIGKILL");
    }
  }, 300_000);
});
