/**
 * A failure of the executor is not a failure of runs: a worker that cannot start (its bundle
 * missing) stops the batch with exit 1 and stores no run, and after the repair the same command
 * finishes the batch. Failed runs are stored but not done: the next invocation runs them again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { buildCli, crashLines, disposeCli, runCli } from "../cli/child-cli.js";
import { cliChild, smallScenario, tempDir } from "./helpers.js";

let bundle: string;
let copy: string;

beforeAll(async () => {
  bundle = await buildCli();
  copy = mkdtempSync(join(tmpdir(), "clustersim-bundle-"));
  cpSync(dirname(bundle), copy, { recursive: true });
}, 120_000);
afterAll(() => {
  disposeCli(bundle);
  rmSync(copy, { recursive: true, force: true });
});

describe("a worker that cannot start", () => {
  it("fails the batch (exit 1, no run stored); after the repair the same command finishes it", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const cli = join(copy, "cli.js");
    const args = ["batch", scenario, "--runs", "6", "--workers", "2", "--out", out, "--quiet"];
    renameSync(join(copy, "worker.js"), join(copy, "worker.js.away"));
    const broken = await runCli(cli, args, {}, 60_000);
    expect(broken.code, broken.stderr).toBe(1);
    expect(broken.stderr).toContain("a worker could not start");
    expect(crashLines(broken.stderr)).toEqual([]);
    const stored = inspectCheckpoint(join(out, "checkpoint.bin"));
    expect(stored.runs).toBe(0);
    renameSync(join(copy, "worker.js.away"), join(copy, "worker.js"));
    const repaired = await runCli(cli, [...args, "--json"], {}, 60_000);
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(JSON.parse(repaired.stdout).scenarios[0]).toMatchObject({ completed: 6, failed: 0 });
  }, 120_000);
});

describe("failed runs", () => {
  it("are run again by the next invocation", () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const args = ["batch", scenario, "--runs", "5", "--workers", "0", "--out", out, "--quiet", "--json"];
    const failing = cliChild(args, { CLUSTERSIM_FAULT: "throw:0:3" });
    expect(failing.status).toBe(1);
    expect(JSON.parse(failing.stdout).scenarios[0]).toMatchObject({ completed: 4, failed: 1 });
    const again = cliChild(args);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain("4 runs already stored, 1 to run");
    expect(JSON.parse(again.stdout).scenarios[0]).toMatchObject({ completed: 5, failed: 0 });
  }, 60_000);
});
