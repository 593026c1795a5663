/**
 * What a worker accepts of an experiment's batch: the experiment (run spec, replications, design
 * points) only when its text matches its hash and the schema (every experiment the compiler
 * makes passes, forged ones do not); a job only when its seeds follow the experiment's rule (run
 * k has the seed of replication k mod R) and its runs lie in the design. On a real redis-server
 * with an in-process worker: a batch naming a forged experiment is refused and its job never
 * runs; a job with the wrong seeds in a valid experiment's batch fails with the reason.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { experimentPlan } from "../../src/batch/experiment/plan.js";
import { loadExperiment } from "../../src/batch/experiment/node/load.js";
import type { PlanExperiment } from "../../src/batch/experiment/spec.js";
import { queueExecutor } from "../../src/batch/node/queue/coordinator.js";
import { experimentText, verifyExperiment } from "../../src/batch/node/queue/experiment-store.js";
import { loadQueueLibs } from "../../src/batch/node/queue/libs.js";
import { InvalidDataError, KEY_PREFIX, PROTOCOL_VERSION, jobData, keys, queueName, scenarioText, sha256, type BatchMeta } from "../../src/batch/node/queue/protocol.js";
import { runQueueWorker } from "../../src/batch/node/queue/remote-worker.js";
import { misfit } from "../../src/batch/node/queue/served-batch.js";
import { parseQueueUrl } from "../../src/batch/node/queue/url.js";
import { runSeed, shardOf, type BatchPlan } from "../../src/batch/plan.js";
import { parseChange } from "../../src/scenario/changes.js";
import { ROOT, exampleScenario, tempDir, writeExperiment } from "../experiments/helpers.js";
import { until } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

/** A small scenario experiment's plan: 6 LHS points x 2 replications of the 2018-2019 example. */
async function scenarioPlan(seed: number): Promise<BatchPlan> {
  const dir = tempDir();
  exampleScenario(dir, "small", true);
  const file = writeExperiment(dir, "s.json", {
    name: "s",
    scenario: "small.json",
    factors: [{ name: "teams", path: "$.attraction.promotionTeams", apply: "scale", range: [0.5, 2] }],
    design: { method: "lhs", n: 6 },
    replications: 2,
    outcomes: [{ headline: "signed" }],
    seed,
  });
  return experimentPlan(await loadExperiment(file));
}

/** Overrides that make each shipped experiment small (its factors and outcomes unchanged), as in test/experiments/shipped.test.ts. */
const SMALL: Record<string, string[]> = {
  "levers-grid.json": ['$.design={"method":"lhs","n":3}'],
  "sobol-parameters.json": ["$.design.n=2"],
  "morris-uncertain.json": ["$.design.trajectories=2", "$.design.candidates=2"],
};

/** The text and hash of an experiment after `change` (stored under its own hash: only the schema can refuse it). */
function rehashed(experiment: PlanExperiment, change: (json: Record<string, unknown>) => void): { hash: string; text: string } {
  const json = JSON.parse(experimentText(experiment).text) as Record<string, unknown>;
  change(json);
  const text = JSON.stringify(json);
  return { text, hash: sha256(text) };
}

describe("an experiment in Redis", () => {
  it("passes the worker's checks for every experiment the compiler makes: the shipped ones (small) and each test function", async () => {
    const dir = tempDir();
    const files = readdirSync(join(ROOT, "experiments")).filter((f) => f.endsWith(".json") && f !== "experiment.schema.json").map((f) => join(ROOT, "experiments", f));
    expect(files.map((f) => f.split("/").pop()).sort()).toEqual(Object.keys(SMALL).sort());
    files.push(writeExperiment(dir, "i.json", { name: "i", model: { testFunction: "ishigami", noise: 0.5 }, design: { method: "lhs", n: 4 }, replications: 2 }));
    files.push(writeExperiment(dir, "g.json", { name: "g", model: { testFunction: "sobol-g", a: [0, 1, 9] }, design: { method: "saltelli", n: 4 } }));
    files.push(writeExperiment(dir, "b.json", { name: "b", model: { testFunction: "box", dimensions: 4, box: [[0.2, 0.5]] }, design: { method: "lhs", n: 4 }, outcomes: [{ name: "inside", output: "y", atLeast: 0.5 }] }));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const changes = (SMALL[file.split("/").pop()!] ?? []).map(parseChange);
      const { experiment } = experimentPlan(await loadExperiment(file, { changes }));
      const { text, hash } = experimentText(experiment!);
      expect(verifyExperiment(hash, text), file).toEqual(JSON.parse(JSON.stringify(experiment)));
    }
  }, 60_000);

  it("is refused when its text does not match its hash, or when it does not match the schema", async () => {
    const { experiment } = await scenarioPlan(1);
    const { text, hash } = experimentText(experiment!);
    expect(() => verifyExperiment(hash, text.replace("2", "3"))).toThrow(/does not match its hash/);
    const refused = (change: (json: Record<string, unknown>) => void, message: RegExp) => {
      const forged = rehashed(experiment!, change);
      expect(() => verifyExperiment(forged.hash, forged.text)).toThrow(InvalidDataError);
      expect(() => verifyExperiment(forged.hash, forged.text)).toThrow(message);
    };
    refused((j) => (j.code = "process.exit(1)"), /experiment schema: : Unrecognized key/);
    refused((j) => ((j.spec as { model: unknown }).model = { kind: "eval", source: "1" }), /spec\.model/);
    refused((j) => ((j.points as number[][])[3] = [1, 2]), /point 3 has 2 values, the model takes 1/);
    refused((j) => ((j.points as unknown[][])[0] = ["1"]), /points\.0\.0/);
    refused((j) => (j.replications = 0), /replications/);
    refused((j) => ((j.spec as { factors: { paths: unknown[] }[] }).factors[0].paths = []), /a factor moves no path/);
    refused((j) => ((j.spec as { values: unknown[] }).values = []), /spec\.values/);
  });
});

describe("a job of an experiment's batch", () => {
  it("fits only with the seeds of its replications (k mod R) and runs inside the design", async () => {
    const plan = await scenarioPlan(5);
    const experiment = plan.experiment!;
    const meta: BatchMeta = { v: PROTOCOL_VERSION, build: "source", batch: "0123456789abcdef", scenarios: [{ name: "s", hash: scenarioText(plan.scenarios[0].scenario).hash }], experiment: experimentText(experiment).hash };
    const good = jobData(meta, 5, shardOf(plan, 0, 3, 6));
    expect(good.seeds).toEqual([runSeed(5, 1), runSeed(5, 0), runSeed(5, 1), runSeed(5, 0), runSeed(5, 1), runSeed(5, 0)]);
    expect(misfit(good, meta, experiment)).toBeNull();
    // a plain batch's seeds (run k has seed k) do not fit an experiment, nor do they fit without it
    const plain = { ...good, seeds: good.seeds.map((_, j) => runSeed(5, 3 + j)) };
    expect(misfit(plain, meta, experiment)).toMatch(/its seed for run 3 does not follow base seed 5/);
    expect(misfit(good, meta, null)).toMatch(/does not follow base seed 5/);
    expect(misfit({ ...good, firstRun: 8 }, meta, experiment)).toMatch(/its runs 8-13 go beyond the experiment's 12/);
    expect(misfit({ ...good, baseSeed: null }, meta, experiment)).toMatch(/must carry its base seed/);
  });
});

describe("a queue worker (real redis-server)", () => {
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

  it("refuses a batch whose experiment does not validate, and never runs its job", async () => {
    const plan = await scenarioPlan(2);
    const { Redis, bullmq } = await loadQueueLibs();
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    const scenario = scenarioText(plan.scenarios[0].scenario);
    const forged = rehashed(plan.experiment!, (j) => ((j.points as number[][])[0] = [1e9, 2]));
    const meta: BatchMeta = { v: PROTOCOL_VERSION, build: "source", batch: "00000000000000bb", scenarios: [{ name: "s", hash: scenario.hash }], experiment: forged.hash };
    await client.set(keys.scenario(scenario.hash), scenario.text);
    await client.set(keys.experiment(forged.hash), forged.text);
    const queue = new bullmq.Queue(queueName(meta.batch), { connection: client, prefix: KEY_PREFIX });
    await queue.add("shard", jobData(meta, 2, shardOf(plan, 0, 0, 2)), { jobId: "forged-experiment" });
    await client.set(keys.batch(meta.batch), JSON.stringify(meta), "PX", 60_000);
    await client.sadd(keys.registry, meta.batch);
    await until(() => log.some((l) => l.startsWith("refusing batch 00000000")));
    expect(log.find((l) => l.startsWith("refusing batch 00000000"))).toMatch(/the experiment stored under [0-9a-f]{12}… does not match the experiment schema: points\.0: point 0 has 2 values, the model takes 1/);
    expect(await client.lrange(keys.notes(meta.batch), 0, -1)).toEqual([expect.stringMatching(/^worker .+ refuses the batch: the experiment stored under/)]);
    expect(await queue.getJobState("forged-experiment")).toBe("waiting"); // nobody took it
    expect(log.filter((l) => /batch 00000000/.test(l) && / runs? \d+/.test(l))).toEqual([]);
    await queue.obliterate({ force: true });
    await queue.close();
    client.disconnect();
  });

  it("fails a job whose seeds do not follow the experiment's rule, without running it", async () => {
    const plan = await scenarioPlan(3);
    const notices: string[] = [];
    const executor = queueExecutor(plan, { url: parseQueueUrl(redis.url), checkMs: 100, onNotice: (t) => notices.push(t) });
    try {
      const first = await executor.runShard(shardOf(plan, 0, 0, 2)); // the worker now serves the batch
      expect(first.errors).toEqual([null, null]);
      expect(first.width).toBe(1);
      const batch = executor.status().batch!;
      const { bullmq, Redis } = await loadQueueLibs();
      const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
      const queue = new bullmq.Queue(queueName(batch), { connection, prefix: KEY_PREFIX });
      const meta: BatchMeta = { v: PROTOCOL_VERSION, build: "source", batch, scenarios: [{ name: "s", hash: scenarioText(plan.scenarios[0].scenario).hash }], experiment: experimentText(plan.experiment!).hash };
      const good = jobData(meta, 3, shardOf(plan, 0, 2, 2));
      const ranBefore = log.filter((l) => / done in /.test(l)).length;
      await queue.add("shard", { ...good, seeds: [runSeed(3, 2), runSeed(3, 3)] }, { jobId: "plain-seeds" });
      await until(() => notices.some((n) => n.includes("refused job plain-seeds")));
      while ((await queue.getJobState("plain-seeds")) !== "failed") await new Promise((r) => setTimeout(r, 50));
      expect((await bullmq.Job.fromId(queue, "plain-seeds"))!.failedReason).toMatch(/its seed for run 2 does not follow base seed 3/);
      expect(log.filter((l) => / done in /.test(l)).length).toBe(ranBefore); // nothing ran
      await queue.close();
      connection.disconnect();
    } finally {
      await executor.close();
    }
  });
});
