import { describe, expect, it } from "vitest";
import { countAgentSteps, timedRun, zeroTimes } from "../../bench/model-run.js";
import { runScenario } from "../../src/model/run.js";
import { scenario } from "../model/fixtures.js";

describe("the benchmark's timed run", () => {
  it("does what runScenario does (same metrics and targets)", async () => {
    const s = await scenario("baseline.json");
    const times = zeroTimes();
    let clock = 0;
    const t = timedRun(s, 3, times, () => clock++);
    const r = runScenario(s, 3);
    expect(t.series.map((m) => Array.from(m.values))).toEqual(r.metrics.map((m) => Array.from(m.values)));
    expect(t.targets).toEqual(r.targets);
    expect(times).toEqual({ constructMs: 1, stepMs: 1, finishMs: 1 });
  });

  it("counts live agents over the quarters", async () => {
    const s = await scenario("baseline.json");
    const c = countAgentSteps(s, 3);
    expect(c.quarters).toBe(runScenario(s, 3).quarters);
    expect(c.agentSteps).toBeGreaterThan(c.quarters * c.institutions);
    expect(c.firmsEver).toBeGreaterThanOrEqual(c.firmsLive);
  });
});
