import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/model/run.js";
import { stringifyResult } from "../../src/report/json.js";
import { scenario, shippedScenarioFiles } from "./fixtures.js";

describe("runScenario", () => {
  it("gives the same bytes for the same scenario and seed", async () => {
    const s = await scenario("baseline.json");
    expect(stringifyResult(runScenario(s, 7))).toBe(stringifyResult(runScenario(s, 7)));
  });

  it("gives different results for different seeds", async () => {
    const s = await scenario("baseline.json");
    const a = runScenario(s, 1).targets.map((t) => t.value);
    const b = runScenario(s, 2).targets.map((t) => t.value);
    expect(a).not.toEqual(b);
  });

  it("reports the drawn value of every distribution", async () => {
    const s = await scenario("wenjiang-2017.json");
    const r = runScenario(s, 3);
    const paths = r.drawn.map((d) => d.path);
    expect(paths).toContain("$.attraction.leadsPerTeamQuarter");
    expect(paths).toContain('$.industries.biopharma.maxOutputPerMu');
    const lead = r.drawn.find((d) => d.path === "$.attraction.leadsPerTeamQuarter")!.value;
    expect(lead).toBeGreaterThanOrEqual(0.5);
    expect(lead).toBeLessThanOrEqual(3);
  });

  it.each(shippedScenarioFiles())("runs the shipped scenario %s with finite, non-negative outputs and every target evaluated", async (file) => {
    const s = await scenario(file);
    const r = runScenario(s, 11);
    expect(r.targets.map((t) => t.id)).toEqual(Object.keys(s.targets).sort());
    for (const m of r.metrics) {
      for (const v of m.values) expect(Number.isFinite(v)).toBe(true);
      if (m.name === "output") for (const v of m.values) expect(v).toBeGreaterThanOrEqual(0);
    }
    for (const t of r.targets) {
      expect(Number.isFinite(t.value)).toBe(true);
      if (t.firstYearMet !== null) expect(t.firstYearMet).toBeGreaterThanOrEqual(r.startYear);
    }
  });
});
