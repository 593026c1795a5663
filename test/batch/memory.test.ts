import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

function probe(runs: number): { bytesPerRun: number; width: number; cells: number } {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(ROOT, "test", "batch", "memory-probe.ts"), String(runs)], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe("batch memory", () => {
  it("keeps per-run scalars only: far less than a run's record, and no time series", () => {
    const big = probe(50_000);
    // a record (drawn parameters, targets, headlines and every yearly cell) is width x 8 bytes;
    // the aggregator keeps only each target's value per run (the fans are sketches)
    expect(big.bytesPerRun).toBeLessThan(big.width * 8 * 0.25);
    expect(big.cells).toBeGreaterThan(50);
  }, 60_000);
});
