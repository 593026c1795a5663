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

describe("drawScenario", () => {
  it("adding a distribution elsewhere changes no other draw", async () => {
    const { drawScenario } = await import("../../src/model/draw.js");
    const s = await scenario("example.json");
    const more = structuredClone(s);
    more.costs.perTeamYear = { dist: "uniform", min: 0.01, max: 0.03 };
    const a = new Map(drawScenario(s, 42).values.map((d) => [d.path, d.value]));
    const b = new Map(drawScenario(more, 42).values.map((d) => [d.path, d.value]));
    expect(b.size).toBe(a.size + 1);
    for (const [path, value] of a) expect(b.get(path)).toBe(value);
  });
});

describe("posterior", () => {
  it("gives calibrated parameters one accepted row per run, unless an overlay fixed them to a number", async () => {
    const { drawScenario } = await import("../../src/model/draw.js");
    const s = await scenario("wenjiang-2017.json");
    const post = s.posterior!;
    const path = "$.factors.startupsPerTenThousandTalent";
    const column = post.parameters.indexOf(path);
    expect(column).toBeGreaterThanOrEqual(0);
    const values = drawScenario(s, 8).values;
    const row = values.find((d) => d.path === "$.posterior.row")!.value;
    expect(values.find((d) => d.path === path)!.value).toBe(post.draws[row][column]);
    const fixed = structuredClone(s);
    fixed.factors.startupsPerTenThousandTalent = 4;
    expect(drawScenario(fixed, 8).drawn.factors.startupsPerTenThousandTalent).toBe(4);
  });
});
