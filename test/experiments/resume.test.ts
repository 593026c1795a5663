/**
 * An experiment's files are byte-identical whatever the worker count and after kill -9 and a
 * resume (real child processes running the CLI from source), and a checkpoint of another
 * experiment is refused.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { ROOT, cli, cliSpawn, exampleScenario, experimentFiles, tempDir, writeExperiment } from "./helpers.js";

/** Runs stored in a folder's checkpoint so far (0 when there is none yet). */
function storedRuns(out: string): number {
  return inspectCheckpoint(join(out, CHECKPOINT_FILE)).runs;
}

/**
 * A scenario experiment of `points` x 6 runs: an LHS over a lever, a distribution of the
 * scenario and a scaled per-park schedule; `short`: the scenario over 2018-2019 without targets.
 */
function experiment(dir: string, points: number, short = false): string {
  exampleScenario(dir, "small", short);
  const year = short ? 2019 : 2020;
  return writeExperiment(dir, "e.json", {
    name: "resume",
    scenario: "small.json",
    factors: [
      { name: "teams", path: "$.attraction.promotionTeams", apply: "scale", range: [0.5, 2] },
      { path: "$.industries.biopharma.marketTrend", distribution: "scenario" },
      { name: "land", path: ["$.factors.landQuotaMu.biopark", "$.factors.landQuotaMu[\"health-park\"]"], apply: "scale", levels: [0.5, 1, 1.5] },
    ],
    design: { method: "lhs", n: points },
    replications: 6,
    outcomes: [...(short ? [] : [{ target: "anchors-signed" }]), { metric: "output/park", label: "biopark", year }, { headline: "fiscalCostTotal" }],
    seed: 11,
  });
}

/** Runs the CLI from source in a child process and waits. */
function child(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli.ts"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
}

describe("experiment determinism", () => {
  it("gives byte-identical files with 1 and 2 worker threads and in-process", async () => {
    const dir = tempDir();
    const file = experiment(dir, 30);
    const outs = [1, 2].map((w) => {
      const out = join(dir, `w${w}`);
      const r = child(["experiment", file, "--workers", String(w), "--out", out, "--quiet"]);
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    const inProcess = join(dir, "w0");
    expect((await cli(["experiment", file, "--workers", "0", "--out", inProcess, "--quiet"])).code).toBe(0);
    expect(experimentFiles(outs[1])).toEqual(experimentFiles(outs[0]));
    expect(experimentFiles(inProcess)).toEqual(experimentFiles(outs[0]));
    const manifests = outs.map((o) => JSON.parse(readFileSync(join(o, "manifest.json"), "utf8")).workers);
    expect(manifests).toEqual([1, 2]);
  }, 300_000);

  it("after kill -9, --resume finishes with the files of an uninterrupted run", async () => {
    const dir = tempDir();
    const file = experiment(dir, 100, true);
    const killed = join(dir, "killed");
    const proc = cliSpawn(["experiment", file, "--workers", "1", "--out", killed, "--quiet"]);
    let running = true;
    const exited = new Promise((resolve) => proc.once("exit", () => resolve((running = false))));
    while (running && storedRuns(killed) < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(running).toBe(true);
    proc.kill("SIGKILL");
    await exited;
    const stored = storedRuns(killed);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(600);
    expect(existsSync(join(killed, "experiment.json"))).toBe(false);
    const checkpoint = join(killed, CHECKPOINT_FILE);
    appendFileSync(checkpoint, readFileSync(checkpoint).subarray(-40)); // a torn last record, as a kill in mid-write leaves it
    const resumed = await cli(["experiment", file, "--workers", "0", "--out", killed, "--resume", "--quiet"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain("continuing the experiment");
    const whole = join(dir, "whole");
    expect((await cli(["experiment", file, "--workers", "0", "--out", whole, "--quiet"])).code).toBe(0);
    expect(experimentFiles(killed)).toEqual(experimentFiles(whole));
    expect(storedRuns(killed)).toBe(600);
  }, 300_000);

  it("refuses to resume a checkpoint of another experiment (a changed design, seed or replications)", async () => {
    const dir = tempDir();
    const file = experiment(dir, 100, true);
    const out = join(dir, "o");
    const small = ["--set", "$.design.n=4", "--set", "$.replications=2"];
    expect((await cli(["experiment", file, ...small, "--workers", "0", "--out", out, "--quiet"])).code).toBe(0);
    const again = await cli(["experiment", file, ...small, "--workers", "0", "--out", out, "--quiet"]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("nothing left to run");
    for (const change of [["--set", "$.replications=3"], ["--seed", "12"], ["--set", "$.design.n=5"]]) {
      const r = await cli(["experiment", file, ...small, ...change, "--workers", "0", "--out", out, "--quiet", "--resume"]);
      expect(r.code, change.join(" ")).toBe(2);
      expect(r.stderr).toContain("resume refused");
    }
  }, 120_000);
});
