/**
 * Ctrl-C and SIGTERM stop a batch promptly, with a message, exit 130 or 143 and the checkpoint
 * intact: also while the main thread computes (--workers 0: it yields between runs, so a shard
 * in progress does not hold the signal up) and during the final writes (which used to ignore it
 * and end with exit 0). Runs and writes are slowed by the test-only faults "slow" (250 ms per
 * quarter) and "slow-write" (100 ms per run written).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { cli, cliSpawn, resultFiles, smallScenario, tempDir } from "./helpers.js";

/** Starts a batch child with faults, waits until `ready(out)` holds, sends `signal`; returns its exit code and stderr. */
async function interrupt(args: string[], fault: string, ready: () => boolean, signal: NodeJS.Signals) {
  const child = cliSpawn(args, { CLUSTERSIM_FAULT: fault }, "pipe");
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => void (stderr += d));
  let code: number | null | undefined;
  const exited = new Promise((resolve) => child.once("exit", (c) => resolve((code = c))));
  while (code === undefined && !ready()) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(code, stderr).toBeUndefined();
  child.kill(signal);
  await exited;
  return { code, stderr };
}

describe("a signal while the main thread computes (--workers 0)", () => {
  it.each([
    ["SIGINT", 130, "interrupted"],
    ["SIGTERM", 143, "terminated"],
  ] as const)("%s stops before the shard in progress ends: exit %i, nothing half-stored", async (signal, exit, word) => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    // 64 runs in shards of 8, each run 2 s: the first shard takes 16 s
    const args = ["batch", scenario, "--runs", "64", "--workers", "0", "--out", out, "--quiet"];
    const r = await interrupt(args, "slow:0:*", () => existsSync(join(out, CHECKPOINT_FILE)), signal);
    expect(r.code, r.stderr).toBe(exit);
    expect(r.stderr).toContain(`${word} (${signal})`);
    expect(r.stderr).toContain("the checkpoint in");
    expect(inspectCheckpoint(join(out, CHECKPOINT_FILE))).toMatchObject({ runs: 0, damage: null });
    expect(existsSync(join(out, "batch.lock"))).toBe(false);
  }, 60_000);
});

describe("a signal during the final writes", () => {
  it("stops the writing: exit 130, no manifest.json and no temporary file; the same command then finishes", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const args = ["batch", scenario, "--runs", "40", "--workers", "0", "--out", out, "--quiet"];
    const r = await interrupt(args, "slow-write:0:*", () => existsSync(join(out, "runs.csv.tmp")), "SIGINT");
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain("interrupted (SIGINT)");
    const left = readdirSync(out);
    expect(left).not.toContain("manifest.json");
    expect(left.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(inspectCheckpoint(join(out, CHECKPOINT_FILE))).toMatchObject({ runs: 40, damage: null });
    const again = await cli(args);
    expect(again.code, again.stderr).toBe(0);
    const whole = join(dir, "whole");
    expect((await cli([...args.slice(0, -3), "--out", whole, "--quiet"])).code).toBe(0);
    expect(resultFiles(out)).toEqual(resultFiles(whole));
  }, 120_000);
});
