/**
 * The executor contract (test/batch/executor-contract.ts) for the queue executor, on a real
 * redis-server with one queue worker (in this process, two worker threads) taking the jobs.
 */
import { afterAll, beforeAll } from "vitest";
import { queueExecutor } from "../../src/batch/node/queue/coordinator.js";
import { runQueueWorker } from "../../src/batch/node/queue/remote-worker.js";
import { parseQueueUrl } from "../../src/batch/node/queue/url.js";
import { derivedPlan, type BatchPlan } from "../../src/batch/plan.js";
import { loadScenario } from "../../src/scenario/load.js";
import { executorContract } from "../batch/executor-contract.js";
import { smallScenario, tempDir } from "../batch/helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let worker: Promise<void>;
const stop = new AbortController();

beforeAll(async () => {
  redis = await startRedis();
  worker = runQueueWorker({ url: parseQueueUrl(redis.url), concurrency: 2, pollMs: 100, log: () => {}, stop: stop.signal });
}, 60_000);

afterAll(async () => {
  stop.abort();
  await worker;
  await redis.stop();
}, 60_000);

/** Two small scenarios (the second with another name), 12 runs each, base seed 5. */
async function plan(): Promise<BatchPlan> {
  const dir = tempDir();
  const files = [smallScenario(dir, "small"), smallScenario(dir, "other")];
  const loaded = await Promise.all(files.map((f) => loadScenario(f)));
  return derivedPlan(loaded.map((l, i) => ({ name: l.scenario.name, file: files[i], hash: l.hash, scenario: l.scenario })), 5, 12);
}

executorContract("queue (BullMQ on redis-server, one worker of 2 threads)", (p) => queueExecutor(p, { url: parseQueueUrl(redis.url), checkMs: 200 }), plan);
