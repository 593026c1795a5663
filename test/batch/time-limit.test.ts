/**
 * A run that takes too long fails with a message instead of holding up the batch: the time limit
 * per run (--run-time-limit, default 60 s) is checked after every quarter, in-process and in a
 * worker; a run stuck inside one quarter on a worker thread is stopped by the pool's watchdog.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { cliChild, smallScenario, tempDir } from "./helpers.js";

describe("the time limit per run", () => {
  it.each(["0", "1"])("fails a slow run with a message and finishes the others (--workers %s)", (workers) => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const args = ["batch", scenario, "--runs", "4", "--workers", workers, "--run-time-limit", "1", "--out", join(dir, "o"), "--quiet", "--json"];
    const r = cliChild(args, { CLUSTERSIM_FAULT: "slow:0:2" });
    expect(r.status, r.stderr).toBe(1);
    const s = JSON.parse(r.stdout).scenarios[0];
    expect(s).toMatchObject({ completed: 3, failed: 1 });
    expect(s.failures[0].run).toBe(2);
    expect(s.failures[0].message).toMatch(/^the run took longer than the time limit of 1 s \(stopped after quarter \d of 8; --run-time-limit raises it\)$/);
  }, 60_000);

  it("stops a worker whose run is stuck inside a quarter, and records the run as failed", () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const args = ["batch", scenario, "--runs", "4", "--workers", "1", "--run-time-limit", "1", "--out", join(dir, "o"), "--quiet", "--json"];
    const r = cliChild(args, { CLUSTERSIM_FAULT: "hang:0:1" });
    expect(r.status, r.stderr).toBe(1);
    const s = JSON.parse(r.stdout).scenarios[0];
    expect(s).toMatchObject({ completed: 3, failed: 1 });
    expect(s.failures[0].run).toBe(1);
    expect(s.failures[0].message).toContain("its worker was stopped");
  }, 60_000);
});
