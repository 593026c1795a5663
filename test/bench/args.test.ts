import { describe, expect, it } from "vitest";
import { parseArgs } from "../../bench/args.js";
import { CASES, gatedCases } from "../../bench/cases.js";
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
    for (const c of CASES) for (const p of [c.full, c.check, c.quick]) expect(p.min).toBeLessThanOrEqual(p.max);
  });
});
