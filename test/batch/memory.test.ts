import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

/** Runs a probe script in a child with --expose-gc and returns what it printed. */
function run<T>(script: string, runs: number): T {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(ROOT, "test", "batch", script), String(runs)], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const probe = (runs: number) => run<{ bytesPerRun: number; width: number; cells: number }>("memory-probe.ts", runs);

describe("batch memory", () => {
  it("keeps per-run scalars only: far less than a run's record, and no time series", () => {
    const big = probe(50_000);
    // a record (drawn parameters, targets, headlines and every yearly cell) is width x 8 bytes;
    // the aggregator keeps only each target's value per run (the fans are sketches)
    expect(big.bytesPerRun).toBeLessThan(big.width * 8 * 0.25);
    expect(big.cells).toBeGreaterThan(50);
  }, 60_000);

  it("the checkpoint keeps a few bytes per run open (which frame holds it), and reads the runs back one frame at a time", () => {
    const small = run<{ keptPerRun: number; readPeakBytes: number; width: number }>("store-memory-probe.ts", 8_000);
    const large = run<{ keptPerRun: number; readPeakBytes: number; width: number }>("store-memory-probe.ts", 32_000);
    // the index: one Int32 per run and a few numbers per frame of 64 runs (a Map entry per run took over 100 bytes)
    expect(large.keptPerRun).toBeLessThan(16);
    // reading holds one decoded frame at a time: four times the runs add far less than one run's record each
    expect(large.readPeakBytes - small.readPeakBytes).toBeLessThan(24_000 * large.width * 8 * 0.05);
  }, 120_000);

  it("the worker pool and the batch loop let go of each shard's results once stored (a race against a worker's death or the abort signal kept them all)", () => {
    const r = run<{ outcome: string; shards: number; reachable: number }>("pool-memory-probe.ts", 640);
    expect(r.outcome).toBe("done");
    expect(r.shards).toBeGreaterThanOrEqual(16);
    expect(r.reachable).toBeLessThanOrEqual(2);
  }, 120_000);
});
