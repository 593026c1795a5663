/**
 * Issue 14's acceptance on a real redis-server with real `clustersim worker` processes: a batch
 * (and a comparison) on the queue gives result files byte-identical to a local batch; so does a
 * batch whose worker is killed -9 mid-job, one whose coordinator is killed -9 and re-run (reusing
 * the results already in the queue), and one whose Redis restarts (empty) mid-batch.
 * Slow (worker processes start through tsx): about a minute.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQueueLibs } from "../../src/batch/node/queue/libs.js";
import { KEY_PREFIX, batchIdOf, queueName, scenarioText } from "../../src/batch/node/queue/protocol.js";
import { derivedPlan } from "../../src/batch/plan.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT, cli, resultFiles, smallScenario, tempDir } from "../batch/helpers.js";
import { killAllCli, checkpointRuns, startCli, startWorker, stopCli, until, type CliProcess } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

const RUNS = 300;
let redis: TestRedis;
let dir: string;
let scenario: string;

beforeAll(async () => {
  redis = await startRedis();
  dir = tempDir();
  scenario = smallScenario(dir);
}, 30_000);

afterAll(async () => {
  killAllCli();
  await redis.stop();
});

/** The result files of the same batch run locally in this thread. */
async function localFiles(seed: number, files = [scenario], command = "batch") {
  const out = join(dir, `local-${command}-${seed}`);
  const r = await cli([command, ...files, "--runs", String(RUNS), "--seed", String(seed), "--workers", "0", "--out", out, "--quiet"]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

/** The batch's arguments on the queue. */
const queued = (seed: number, out: string, command = "batch", files = [scenario]) => [command, ...files, "--runs", String(RUNS), "--seed", String(seed), "--queue", redis.url, "--out", out, "--quiet"];

/** A worker's log line without its time. */
const text = (line: string) => line.slice(9);
const START = /batch [0-9a-f]{8} \S+: runs? \d+(-\d+)?$/;
const DONE = / done in \d+ ms/;

/** The BullMQ queue of the small scenario's batch with base seed `seed` (the batch id is computed as the coordinator does). */
async function batchQueue(seed: number) {
  const { scenario: resolved, hash } = await loadScenario(scenario);
  const { hash: content } = scenarioText(resolved);
  const id = batchIdOf(derivedPlan([{ name: "small", file: scenario, hash, scenario: resolved }], seed, RUNS), "source", [content]);
  const { bullmq, Redis } = await loadQueueLibs();
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new bullmq.Queue(queueName(id), { connection, prefix: KEY_PREFIX });
  return { getJobCounts: queue.getJobCounts.bind(queue), getJobCountByTypes: queue.getJobCountByTypes.bind(queue), close: async () => (await queue.close(), connection.disconnect()) };
}

/** Polls an asynchronous test every 50 ms until it holds. */
async function untilAsync(test: () => Promise<boolean>): Promise<void> {
  while (!(await test())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("batches on the queue with two worker processes", () => {
  let workers: CliProcess[] = [];

  beforeAll(async () => {
    workers = [startWorker(redis.url, 1, 5000), startWorker(redis.url, 1, 5000)];
    await Promise.all(workers.map((w) => w.waitFor(/waiting for batches/)));
  }, 300_000);

  afterAll(async () => {
    const codes = await Promise.all(workers.map(stopCli));
    expect(codes).toEqual([0, 0]); // SIGTERM: a clean stop
  }, 120_000);

  it("give byte-identical runs.csv, yearly.csv and summary.json (and comparison files) to a local batch, without printing the password", async () => {
    const local = await localFiles(21);
    const out = join(dir, "queue-21");
    const r = await cli(queued(21, out));
    expect(r.code, r.stderr).toBe(0);
    expect(resultFiles(out)).toEqual(resultFiles(local));
    for (const w of workers) expect(w.lines.some((l) => DONE.test(l))).toBe(true); // both took jobs
    const manifest = readFileSync(join(out, "manifest.json"), "utf8");
    expect(JSON.parse(manifest).queue).toBe(`redis://:***@127.0.0.1:${redis.port}/0`);
    for (const t of [manifest, r.stderr, r.stdout, ...workers.flatMap((w) => w.lines)]) expect(t).not.toContain(redis.password);

    const other = smallScenario(dir, "other");
    const localCompare = await localFiles(22, [scenario, other], "compare");
    const compared = join(dir, "queue-compare-22");
    const c = await cli(queued(22, compared, "compare", [scenario, other]));
    expect(c.code, c.stderr).toBe(0);
    for (const f of ["runs.csv", "yearly.csv", "summary.json", "comparison.json", "comparison.csv"])
      expect(readFileSync(join(compared, f), "utf8"), f).toBe(readFileSync(join(localCompare, f), "utf8"));
  }, 300_000);

  it("a coordinator killed -9 and run again resumes from its checkpoint and reuses the results already in the queue", async () => {
    const local = await localFiles(23);
    const out = join(dir, "queue-23");
    const coordinator = startCli(queued(23, out));
    await until(() => checkpointRuns(out) >= 60);
    coordinator.child.kill("SIGKILL");
    await coordinator.exited;
    const stored = checkpointRuns(out);
    expect(stored).toBeLessThan(RUNS);
    // the workers finish what the dead coordinator had queued: wait until its queue holds no job still to run
    const queue = await batchQueue(23);
    await untilAsync(async () => Object.values(await queue.getJobCounts("waiting", "active", "delayed", "prioritized")).every((n) => n === 0));
    const finished = await queue.getJobCountByTypes("completed");
    await queue.close();
    expect(finished).toBeGreaterThan(0);
    const r = await cli(queued(23, out));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${stored} runs already stored`);
    const [, reused, pending] = /the queue already holds (\d+) finished runs of this batch \(reused\) and (\d+) on their way/.exec(r.stderr) ?? [];
    expect(Number(reused)).toBeGreaterThan(0);
    expect(Number(pending)).toBe(0);
    expect(resultFiles(out)).toEqual(resultFiles(local));
  }, 300_000);

  it("a Redis that restarts (empty) mid-batch delays the batch, then it completes", async () => {
    const local = await localFiles(24);
    const out = join(dir, "queue-24");
    const run = cli(queued(24, out).filter((a) => a !== "--quiet"));
    await until(() => checkpointRuns(out) >= 60);
    await redis.restart();
    const r = await run;
    expect(r.code, r.stderr).toBe(0);
    expect(checkpointRuns(out)).toBe(RUNS);
    expect(r.stderr).toContain("registered the batch again");
    expect(resultFiles(out)).toEqual(resultFiles(local));
    for (const w of workers) expect(w.lines.some((l) => l.includes("Redis is back"))).toBe(true);
  }, 300_000);
});

describe("a worker killed -9 mid-job", () => {
  it("loses nothing: its jobs go back to the queue and the other worker runs them", async () => {
    // a has two threads, so it nearly always holds two jobs of baseline runs (tens of ms each)
    const [a, b] = [startWorker(redis.url, 2), startWorker(redis.url)];
    try {
      await Promise.all([a, b].map((w) => w.waitFor(/waiting for batches/)));
      const baseline = join(ROOT, "scenarios", "baseline.json");
      const local = await localFiles(25, [baseline]);
      const out = join(dir, "queue-25");
      const run = cli(queued(25, out, "batch", [baseline]));
      await a.waitFor(DONE); // a is taking the batch's jobs
      await a.killOnLine(START, "SIGKILL"); // killed the moment it starts a job
      expect(await a.exited).toBe("SIGKILL");
      const r = await run;
      expect(r.code, r.stderr).toBe(0);
      expect(resultFiles(out)).toEqual(resultFiles(local));
      // the jobs a had started and not finished when it died were run by b
      const aLines = a.lines.map(text);
      const lost = aLines.filter((l) => START.test(l) && !aLines.some((d) => d.startsWith(`${l} done in`)));
      expect(lost.length).toBeGreaterThan(0);
      for (const job of lost) expect(b.lines.map(text).some((l) => l.startsWith(`${job} done in`)), job).toBe(true);
    } finally {
      a.child.kill("SIGKILL");
      await stopCli(b);
    }
  }, 300_000);
});
