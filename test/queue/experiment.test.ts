/**
 * `clustersim experiment --queue URL` on a real redis-server with one real `clustersim worker`
 * process: a scenario experiment (an LHS of 6 points x 2 replications of the 2018-2019 example)
 * and a test-function experiment give result files byte-identical to the same experiment run
 * locally in this thread, and the password shows nowhere (output, manifest.json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, exampleScenario, experimentFiles, tempDir, writeExperiment } from "../experiments/helpers.js";
import { killAllCli, startWorker, stopCli, type CliProcess } from "./helpers.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let worker: CliProcess;
let dir: string;

beforeAll(async () => {
  redis = await startRedis();
  dir = tempDir();
  worker = startWorker(redis.url, 1, 5000);
  await worker.waitFor(/waiting for batches/);
}, 60_000);

afterAll(async () => {
  try {
    if (worker) expect(await stopCli(worker)).toBe(0); // SIGTERM: a clean stop
  } finally {
    killAllCli();
    await redis?.stop();
  }
}, 60_000);

/** Runs `file` locally in this thread and on the queue; returns both folders and the queue run's output. */
async function localAndQueued(file: string, name: string) {
  const local = join(dir, `${name}-local`);
  const queued = join(dir, `${name}-queued`);
  const l = await cli(["experiment", file, "--workers", "0", "--out", local, "--quiet"]);
  expect(l.code, l.stderr).toBe(0);
  const q = await cli(["experiment", file, "--queue", redis.url, "--out", queued, "--quiet"]);
  expect(q.code, q.stderr).toBe(0);
  return { local, queued, output: q.stdout + q.stderr };
}

describe("an experiment on the queue with one worker process", () => {
  it("gives design.csv, runs.csv, points.csv (and the other files) byte-identical to a local run, without printing the password", async () => {
    exampleScenario(dir, "small", true);
    const file = writeExperiment(dir, "s.json", {
      name: "s",
      scenario: "small.json",
      factors: [{ name: "teams", path: "$.attraction.promotionTeams", apply: "scale", range: [0.5, 2] }, { path: "$.industries.biopharma.marketTrend", distribution: "scenario" }],
      design: { method: "lhs", n: 6 },
      replications: 2,
      outcomes: [{ metric: "output/park", label: "biopark", year: 2019 }, { headline: "fiscalCostTotal" }, { headline: "signed", atLeast: 5 }],
      seed: 7,
    });
    const { local, queued, output } = await localAndQueued(file, "s");
    const files = experimentFiles(queued);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["design.csv", "runs.csv", "points.csv"]));
    expect(files).toEqual(experimentFiles(local));
    expect(files["runs.csv"].trim().split("\n")).toHaveLength(1 + 6 * 2);
    // the worker ran them: it logged the batch's runs
    expect(worker.lines.some((l) => /batch [0-9a-f]{8} s: runs? \d+/.test(l))).toBe(true);
    const manifest = readFileSync(join(queued, "manifest.json"), "utf8");
    expect(JSON.parse(manifest).queue).toBe(`redis://:***@127.0.0.1:${redis.port}/0`);
    for (const text of [manifest, output, worker.lines.join("\n")]) expect(text).not.toContain(redis.password);
  }, 60_000);

  it("runs a test function's experiment too (no scenario travels), byte-identical to a local run", async () => {
    const file = writeExperiment(dir, "f.json", { name: "f", model: { testFunction: "ishigami", noise: 0.5 }, design: { method: "lhs", n: 9 }, replications: 2, seed: 4 });
    const { local, queued } = await localAndQueued(file, "f");
    expect(experimentFiles(queued)).toEqual(experimentFiles(local));
    expect(worker.lines.some((l) => /batch [0-9a-f]{8} f: runs? \d+/.test(l))).toBe(true);
  }, 60_000);
});
