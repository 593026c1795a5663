import { describe, expect, it } from "vitest";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { cli, cliChild, cliSpawn, resultFiles, smallScenario, tempDir } from "./helpers.js";

/** Runs stored in a folder's checkpoint so far (0 when there is none yet). */
function storedRuns(out: string): number {
  return inspectCheckpoint(join(out, CHECKPOINT_FILE)).runs;
}

describe("checkpoint and resume", () => {
  it("after kill -9, --resume finishes with files identical to an uninterrupted batch", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const killed = join(dir, "killed");
    const args = ["batch", scenario, "--runs", "600", "--seed", "3", "--workers", "1", "--quiet"];
    const child = cliSpawn([...args, "--out", killed]);
    let running = true;
    const exited = new Promise((resolve) => child.once("exit", () => resolve((running = false))));
    // poll the checkpoint until some runs are stored, then kill hard (no fixed sleeps)
    while (running && storedRuns(killed) < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(running).toBe(true);
    child.kill("SIGKILL");
    await exited;
    const stored = storedRuns(killed);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(600);
    expect(existsSync(join(killed, "summary.json"))).toBe(false);
    // a torn last record, as a kill in mid-write leaves it, is dropped and run again
    const file = join(killed, CHECKPOINT_FILE);
    appendFileSync(file, readFileSync(file).subarray(-40));
    const resumed = await cli([...args, "--workers", "0", "--out", killed, "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const whole = join(dir, "whole");
    expect((await cli([...args, "--workers", "0", "--out", whole])).code).toBe(0);
    expect(resultFiles(killed)).toEqual(resultFiles(whole));
    expect(storedRuns(killed)).toBe(600);
  }, 120_000);
});

describe("Ctrl-C", () => {
  it("exits 130 with the checkpoint intact, and the batch resumes", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const args = ["batch", scenario, "--runs", "600", "--workers", "1", "--out", out, "--quiet"];
    const child = cliSpawn(args);
    let code: number | null | undefined;
    const exited = new Promise((resolve) => child.once("exit", (c) => resolve((code = c))));
    while (code === undefined && storedRuns(out) < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill("SIGINT");
    await exited;
    expect(code).toBe(130);
    expect(existsSync(join(out, "summary.json"))).toBe(false);
    const resumed = await cli([...args, "--workers", "0", "--resume"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(storedRuns(out)).toBe(600);
  }, 120_000);
});

describe("faults", () => {
  it("a run that throws is recorded with its seed and message, the batch goes on, exit 1", () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const r = cliChild(["batch", scenario, "--runs", "8", "--workers", "0", "--out", out, "--json", "--quiet"], { CLUSTERSIM_FAULT: "throw:0:3" });
    expect(r.status).toBe(1);
    const summary = JSON.parse(r.stdout).scenarios[0];
    expect(summary.failed).toBe(1);
    expect(summary.completed).toBe(7);
    expect(summary.failures[0]).toMatchObject({ run: 3, message: "injected fault at run 3" });
    const row = readFileSync(join(out, "runs.csv"), "utf8").split("\n")[4].split(",");
    expect(row.slice(1, 5)).toEqual(["3", String(summary.failures[0].seed), "1", "injected fault at run 3"]);
  });

  it("a worker that dies is replaced; a run that kills workers repeatedly is marked failed", () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const r = cliChild(["batch", scenario, "--runs", "12", "--workers", "2", "--out", out, "--json", "--quiet"], { CLUSTERSIM_FAULT: "exit:0:5" });
    expect(r.status).toBe(1);
    const summary = JSON.parse(r.stdout).scenarios[0];
    expect(summary.completed).toBe(11);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0].run).toBe(5);
    expect(summary.failures[0].message).toContain("killed its worker");
  }, 60_000);
});
