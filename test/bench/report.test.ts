import { describe, expect, it } from "vitest";
import type { CaseResult } from "../../bench/measure.js";
import { humanReport, phaseTable, throughputTable } from "../../bench/report.js";

/** A core case's result with round figures (only the fields the tables read matter). */
function result(name: string, ratioToKernel: number, ratioToNative: number): CaseResult {
  const kernel = { agents: 1000, agentSteps: 20_000, medianMs: 10, madMs: 1, agentStepsPerSec: 2e6 };
  return {
    case: name,
    kind: "core",
    doc: "",
    scenario: "scenarios/baseline.json",
    scale: 1,
    gate: true,
    profile: "quick",
    slowdown: 1,
    seeds: [1],
    quarters: 20,
    agentSteps: 20_000,
    agentsPerQuarter: 1000,
    firmsEver: 1500,
    runs: 4,
    samples: 2,
    medianMs: 20,
    madMs: 1,
    q1Ms: 19,
    q3Ms: 21,
    constructMs: 1,
    stepMs: 18,
    finishMs: 1,
    msPerStep: 0.9,
    agentStepsPerSec: 1e6,
    agentStepsPerSecMad: 1e4,
    runsPerSec: 50,
    ratioToKernel,
    ratioMad: 0.01,
    ratioQ1: ratioToKernel,
    ratioQ3: ratioToKernel,
    stepRatioToKernel: ratioToKernel,
    kernel,
    ratioToNative,
    ratioToNativeMad: 0.02,
    ratioToNativeQ1: ratioToNative,
    ratioToNativeQ3: ratioToNative,
    stepRatioToNative: 0.333,
    kernelToNative: 0.45,
    nativeKernel: { ...kernel, medianMs: 4, agentStepsPerSec: 5e6 },
    trace: { modelMs: [], kernelMs: [], nativeMs: [], ratio: [], ratioToNative: [] },
    peakRssMB: 150,
    stateMB: 1,
    wallSeconds: 3,
  };
}

/** The cell under `column` in the row of `name` of a Markdown table. */
function cell(table: string, name: string, column: string): string {
  const rows = table.split("\n").map((l) => l.split("|").map((c) => c.trim()).slice(1, -1));
  const col = rows[0].indexOf(column);
  expect(col, `column ${column}`).toBeGreaterThanOrEqual(0);
  const row = rows.find((r) => r[0] === name);
  expect(row, `row ${name}`).toBeDefined();
  return row![col];
}

describe("core report tables", () => {
  it("show each case's ratio to the native kernel beside the ratio to the frozen kernel", () => {
    const t = throughputTable([result("core-1x", 0.5, 0.2), result("core-100x", 0.8, 0.41)]);
    const head = t.split("\n")[0];
    expect(head.indexOf("ratio to native (MAD)")).toBe(head.indexOf("ratio to kernel (MAD)") + "ratio to kernel (MAD) | ".length);
    expect(cell(t, "core-1x", "ratio to kernel (MAD)")).toBe("0.500 (0.010)");
    expect(cell(t, "core-1x", "ratio to native (MAD)")).toBe("0.200 (0.020)");
    expect(cell(t, "core-100x", "ratio to native (MAD)")).toBe("0.410 (0.020)");
    expect(cell(t, "core-100x", "native agent-steps/s")).toBe("5 M");
  });

  it("show the step-only ratio to native and the frozen kernel's speed over the native kernel's", () => {
    const t = phaseTable([result("core-10x", 0.7, 0.3)]);
    expect(cell(t, "core-10x", "step-only ratio to native")).toBe("0.333");
    expect(cell(t, "core-10x", "kernel / native")).toBe("0.450");
    const machine = { node: "v20", cpu: "cpu", cores: 2, platform: "linux-x64", memoryGB: 8, loadavg1: 1, date: "d" };
    expect(humanReport([result("core-10x", 0.7, 0.3)], machine)).toContain("ratio to native (MAD)");
  });
});
