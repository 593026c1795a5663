import { describe, expect, it } from "vitest";
import { parseArgs } from "../../bench/args.js";
import { batchRuns, CASES, coreCases, gatedCases, type BatchCase } from "../../bench/cases.js";
import { slowdownFromEnv } from "../../bench/harness.js";

describe("bench command line", () => {
  it("parses the flags", () => {
    expect(parseArgs([])).toEqual({ json: false, check: false, update: false, quick: false, cases: [] });
    expect(parseArgs(["--json", "--check", "--quick", "--case", "core-1x"])).toEqual({ json: true, check: true, update: false, quick: true, cases: ["core-1x"] });
  });

  it("refuses contradictory or unknown flags", () => {
    expect(() => parseArgs(["--check", "--update"])).toThrow(/exclude/);
    expect(() => parseArgs(["--update", "--quick"])).toThrow(/--quick/);
    expect(() => parseArgs(["--update", "--case", "core-1x"])).toThrow(/every case/);
    expect(() => parseArgs(["--fast"])).toThrow(/unknown argument/);
  });

  it("reads the demonstration slowdown", () => {
    expect(slowdownFromEnv({})).toBe(1);
    expect(slowdownFromEnv({ CLUSTERSIM_BENCH_SLOWDOWN: "2" })).toBe(2);
    expect(() => slowdownFromEnv({ CLUSTERSIM_BENCH_SLOWDOWN: "1.5" })).toThrow(/whole number/);
    expect(() => slowdownFromEnv({ CLUSTERSIM_BENCH_SLOWDOWN: "0" })).toThrow(/whole number/);
  });
});

describe("cases", () => {
  it("have unique names, and the gate covers the core cases at 1x, 10x and 100x", () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(gatedCases().map((c) => c.scale)).toEqual([1, 10, 100]);
    for (const c of coreCases()) for (const p of [c.full, c.check, c.quick]) expect(p.min).toBeLessThanOrEqual(p.max);
  });

  it("batch cases are never gated; each compares with a case that exists", () => {
    const batch = CASES.filter((c): c is BatchCase => c.kind === "batch");
    expect(batch.map((c) => c.name)).toEqual(["batch-inprocess", "batch-1w", "batch-2w", "batch-100k-memory"]);
    expect(gatedCases().every((c) => c.kind === "core")).toBe(true);
    const names = new Set(CASES.map((c) => c.name));
    for (const c of batch) {
      expect(c.gate).toBe(false);
      if (c.speedUpOver) expect(names.has(c.speedUpOver)).toBe(true);
    }
    expect(batch.find((c) => c.name === "batch-2w")?.speedUpOver).toBe("batch-1w");
  });

  it("sizes a batch case by profile (check, which never runs one, takes the full size)", () => {
    const c = CASES.find((x): x is BatchCase => x.name === "batch-100k-memory" && x.kind === "batch")!;
    expect(batchRuns(c, "full").runs).toBe(100_000);
    expect(batchRuns(c, "check").runs).toBe(100_000);
    expect(batchRuns(c, "quick").runs).toBeLessThan(100_000);
    expect(batchRuns(c, "quick").warmupRuns).toBe(c.warmupRuns.quick);
    expect(batchRuns(c, "full").paired).toBeUndefined();
    const two = CASES.find((x): x is BatchCase => x.name === "batch-2w" && x.kind === "batch")!;
    expect(batchRuns(two, "full").paired).toEqual({ blockRuns: two.paired!.blockRuns.full, quartets: two.paired!.quartets.full });
  });
});
