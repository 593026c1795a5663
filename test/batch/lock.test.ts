/**
 * The lock of a results folder: while one batch runs in a folder, a second is refused with a
 * clear message and exit 2 (before, both wrote the same checkpoint); a lock left by a process
 * that is gone (kill -9) is taken over, and the batch finishes with the files of an
 * uninterrupted one.
 */
import { describe, expect, it } from "vitest";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { LOCK_FILE } from "../../src/batch/node/folder-lock.js";
import { cli, cliSpawn, resultFiles, smallScenario, tempDir } from "./helpers.js";

describe("the folder lock", () => {
  it("refuses a second batch while the first runs, and is taken over once its holder is killed", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const args = ["batch", scenario, "--runs", "40", "--workers", "0", "--out", out, "--quiet"];
    const first = cliSpawn(args, { CLUSTERSIM_FAULT: "slow:0:*" });
    let running = true;
    const exited = new Promise((resolve) => first.once("exit", () => resolve((running = false))));
    while (running && !existsSync(join(out, CHECKPOINT_FILE))) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(running).toBe(true);
    const second = await cli(args);
    expect(second.code, second.stderr).toBe(2);
    expect(second.stderr).toContain(`is in use by another clustersim batch (pid ${first.pid}`);
    expect(second.stderr).toContain("choose another --out");
    first.kill("SIGKILL");
    await exited;
    expect(existsSync(join(out, LOCK_FILE))).toBe(true);
    expect(inspectCheckpoint(join(out, CHECKPOINT_FILE)).runs).toBeLessThan(40);
    const third = await cli(args);
    expect(third.code, third.stderr).toBe(0);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    const whole = join(dir, "whole");
    expect((await cli([...args.slice(0, -3), "--out", whole, "--quiet"])).code).toBe(0);
    expect(resultFiles(out)).toEqual(resultFiles(whole));
  }, 120_000);

  it("takes over a lock that is empty or names a process that is gone", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const args = ["batch", scenario, "--runs", "2", "--workers", "0", "--out", out, "--quiet"];
    expect((await cli(args)).code).toBe(0);
    for (const text of ["", `{"pid": 2147483646, "host": ${JSON.stringify((await import("node:os")).hostname())}, "startedAt": "then"}`]) {
      writeFileSync(join(out, LOCK_FILE), text);
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    }
  });
});
