/**
 * `clustersim calibrate --queue` on a real redis-server with two `clustersim worker` processes:
 * the same JSON and posterior file, byte for byte, as a local calibrate; the queue history
 * executor's contract (statistics in job order, as simulateHistory gives them); forged history
 * jobs refused without running; a wrong password or a closed port failing at once in one line.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calibrationSpecOf, simulateHistory } from "../../src/analysis/calibration/model.js";
import { BUILD_ID } from "../../src/batch/build-id.js";
import { queueHistoryExecutor, type QueueHistoryExecutor } from "../../src/batch/node/queue/history-coordinator.js";
import { HISTORY_JOB_NAME, historyJobData, historyJobId } from "../../src/batch/node/queue/history-protocol.js";
import { loadQueueLibs } from "../../src/batch/node/queue/libs.js";
import { KEY_PREFIX, PROTOCOL_VERSION, queueName, scenarioText, type BatchMeta } from "../../src/batch/node/queue/protocol.js";
import { parseQueueUrl } from "../../src/batch/node/queue/url.js";
import { EXIT } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { loadScenario } from "../../src/scenario/load.js";
import { SMALL, fakeIO, fixture } from "../cli/calibrate-fixture.js";
import { killAllCli, startWorker, stopCli, until, type CliProcess } from "./helpers.js";
import { freePort, startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let workers: CliProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  workers = [startWorker(redis.url, 1), startWorker(redis.url, 1)];
  await Promise.all(workers.map((w) => w.waitFor(/waiting for batches/)));
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map(stopCli));
  killAllCli();
  await redis.stop();
}, 60_000);

/** Histories the worker processes have reported done so far. */
const historiesDone = () =>
  workers.flatMap((w) => w.lines).reduce((n, l) => n + Number(/, (\d+) histor(?:y|ies) done in/.exec(l)?.[1] ?? 0), 0);

describe("calibrate --queue", () => {
  it("gives the same JSON and posterior file, byte for byte, as a local calibrate, its histories run by both worker processes", async () => {
    const { dir, calib } = fixture();
    for (const d of ["local", "queue"]) mkdirSync(join(dir, d));
    const local = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--workers", "0", "--json", "--out", join(dir, "local", "posterior.json")], local.io)).toBe(EXIT.ok);
    const before = historiesDone();
    const queued = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--queue", redis.url, "--json", "--out", join(dir, "queue", "posterior.json")], queued.io)).toBe(EXIT.ok);
    expect(queued.out.stdout).toBe(local.out.stdout);
    expect(readFileSync(join(dir, "queue", "posterior.json"), "utf8")).toBe(readFileSync(join(dir, "local", "posterior.json"), "utf8"));
    expect(queued.out.stderr).not.toContain(redis.password);
    // every history of the calibration ran on a worker process, and both took the calibration
    const simulations = JSON.parse(local.out.stdout).simulations;
    await until(() => historiesDone() - before >= simulations); // the workers' last log lines may still be on their way
    expect(historiesDone() - before).toBe(simulations);
    for (const w of workers) expect(w.lines.some((l) => /calibration [0-9a-f]{8} \(calib\): taking its jobs/.test(l))).toBe(true);
  }, 300_000);

  it("fails at once in one line, without the password, on a wrong password or a closed port (exit 1)", async () => {
    const { calib } = fixture();
    const wrong = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--queue", redis.url.replace(redis.password, "not-the-password")], wrong.io)).toBe(EXIT.failure);
    expect(wrong.out.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^clustersim calibrate: failed: cannot use the queue at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0: Redis refused the password/)]);
    expect(wrong.out.stderr).not.toContain("not-the-password");
    const closed = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--queue", `redis://:${redis.password}@127.0.0.1:${await freePort()}/0`], closed.io)).toBe(EXIT.failure);
    expect(closed.out.stderr.trim().split("\n")).toEqual([expect.stringContaining("connection refused")]);
    expect(closed.out.stderr).not.toContain(redis.password);
    const bad = fakeIO();
    expect(await main(["calibrate", calib, "--queue", "http://:hunter2@127.0.0.1:1/0"], bad.io)).toBe(EXIT.usage);
    expect(bad.out.stderr).toContain("--queue expects redis://");
    expect(bad.out.stderr).not.toContain("hunter2");
  }, 120_000);
});

describe("the queue history executor", () => {
  let executor: QueueHistoryExecutor;
  let cal: Awaited<ReturnType<typeof loadScenario>>["scenario"];
  let paths: string[];
  const notices: string[] = [];

  beforeAll(async () => {
    cal = (await loadScenario(fixture().calib)).scenario;
    const spec = calibrationSpecOf(cal);
    paths = spec.parameters.map((p) => p.path);
    executor = await queueHistoryExecutor(cal, paths, spec.observations.length, { url: parseQueueUrl(redis.url), checkMs: 200, run: "contract", onNotice: (t) => notices.push(t) });
  }, 60_000);
  afterAll(async () => {
    await executor?.close();
  }, 60_000);

  it("returns each job's statistics in job order, as simulateHistory gives them, counting every job done", async () => {
    const jobs = Array.from({ length: 70 }, (_, i) => ({ theta: Float64Array.of(0.2 * (i % 7) - 0.6, 0.5 + 0.05 * (i % 5)), historySeed: 1000 + i }));
    const done: number[] = [];
    const stats = await executor.run(jobs, (n) => done.push(n));
    expect(stats).toHaveLength(jobs.length);
    jobs.forEach((j, i) => expect(Array.from(stats[i])).toEqual(Array.from(simulateHistory(cal, paths, j.theta, j.historySeed))));
    expect(done[done.length - 1]).toBe(jobs.length);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(await executor.run([])).toEqual([]);
    await until(() => executor.status().workers === 2);
  }, 120_000);

  it("refuses parameter values of the wrong length or not finite before queueing them", async () => {
    await expect(executor.run([{ theta: Float64Array.of(0.1), historySeed: 1 }])).rejects.toThrow(/2 finite numbers expected/);
    await expect(executor.run([{ theta: Float64Array.of(0.1, Number.NaN), historySeed: 1 }])).rejects.toThrow(/2 finite numbers expected/);
  });

  it("a worker refuses a forged history job (schema, theta length, id, build) with a clear reason, without running it", async () => {
    const batch = executor.status().batch!;
    const { bullmq, Redis } = await loadQueueLibs();
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new bullmq.Queue(queueName(batch), { connection, prefix: KEY_PREFIX });
    try {
      const meta: BatchMeta = {
        v: PROTOCOL_VERSION,
        build: BUILD_ID,
        batch,
        scenarios: [{ name: cal.name, hash: scenarioText(cal).hash }],
        calibration: { parameters: paths, width: calibrationSpecOf(cal).observations.length },
      };
      const good = historyJobData(meta, [{ theta: [0.1, 0.6], historySeed: 7 }]);
      const forged = {
        "forged-code": { data: { ...good, code: "require('child_process').exec('rm -rf /')" }, reason: /does not match the history job schema/ },
        "forged-theta": { data: { ...good, jobs: [{ theta: [0.1, null], historySeed: 7 }] }, reason: /does not match the history job schema \(jobs\.0\.theta\.1/ },
        "forged-length": { data: historyJobData(meta, [{ theta: [0.1, 0.6, 3], historySeed: 7 }]), reason: /its history 0 has 3 parameter values, the calibration 2/ },
        "forged-id": { data: good, reason: /its id is not the hash of its content/ },
        "forged-build": { data: { ...good, build: "other-build" }, reason: /made for clustersim build other-build, this worker is build/ },
      };
      const ran = historiesDone();
      for (const [id, f] of Object.entries(forged)) await queue.add(HISTORY_JOB_NAME, f.data, { jobId: id });
      for (const id of Object.keys(forged)) while ((await queue.getJobState(id)) !== "failed") await new Promise((r) => setTimeout(r, 50));
      for (const [id, f] of Object.entries(forged)) expect((await bullmq.Job.fromId(queue, id))!.failedReason).toMatch(f.reason);
      expect(historiesDone()).toBe(ran); // nothing ran
      await until(() => notices.some((n) => n.includes("refused job forged-build")));
      expect(workers.flatMap((w) => w.lines).filter((l) => /job forged-\w+ refused/.test(l))).toHaveLength(Object.keys(forged).length);
      // the genuine job, under its content-hash id, runs
      await queue.add(HISTORY_JOB_NAME, good, { jobId: historyJobId(good) });
      await until(() => historiesDone() === ran + 1);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }, 120_000);

  it("a second coordinator of the same calibration (a re-run) reuses the results on the queue without running them again (last: its close removes the queue)", async () => {
    const jobs = Array.from({ length: 12 }, (_, i) => ({ theta: Float64Array.of(0.1 * i - 0.5, 0.6), historySeed: 5000 + i }));
    const before = historiesDone();
    const first = await executor.run(jobs);
    await until(() => historiesDone() === before + jobs.length); // each ran once (their log lines are in)
    const ran = historiesDone();
    const again: string[] = [];
    const spec = calibrationSpecOf(cal);
    const rerun = await queueHistoryExecutor(cal, paths, spec.observations.length, { url: parseQueueUrl(redis.url), checkMs: 200, run: "contract", onNotice: (t) => again.push(t) });
    try {
      expect(rerun.status().batch).toBe(executor.status().batch);
      const second = await rerun.run(jobs);
      expect(second.map((s) => Array.from(s))).toEqual(first.map((s) => Array.from(s)));
      expect(again).toContain("the queue already held 12 finished histories of this calibration (reused)");
      expect(historiesDone()).toBe(ran);
    } finally {
      await rerun.close();
    }
  }, 120_000);
});
