import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/model/run.js";
import { drawScenario, HISTORY_SEED_PATH, POSTERIOR_ROW_PATH } from "../../src/model/draw.js";
import { stringifyResult } from "../../src/report/json.js";
import { METRIC_INDEX } from "../../src/model/metrics.js";
import { clone, scenario, shippedScenarioFiles, stepped } from "./fixtures.js";

describe("runScenario", () => {
  it("gives the same bytes for the same scenario and seed, and different results for another seed", async () => {
    const s = await scenario("baseline.json");
    expect(stringifyResult(runScenario(s, 7))).toBe(stringifyResult(runScenario(s, 7)));
    expect(runScenario(s, 1).targets.map((t) => t.value)).not.toEqual(runScenario(s, 2).targets.map((t) => t.value));
  });

  it("covers the history and the projection: metrics from 2016, targets and costs from 2018", async () => {
    const s = await scenario("baseline.json");
    const r = runScenario(s, 3);
    expect([r.startYear, r.projectionStartYear, r.years, r.quarters]).toEqual([2016, 2018, 7, 28]);
    const cost = r.metrics[METRIC_INDEX["fiscalCost/lever"]];
    let projection = 0;
    for (let q = 8; q < 28; q++) for (let l = 0; l < cost.labels.length; l++) projection += cost.values[q * cost.labels.length + l];
    expect(Object.values(r.fiscalCost).reduce((a, b) => a + b, 0)).toBeCloseTo(projection, 9);
    expect(r.fiscal.netCost).toBeCloseTo(r.fiscal.costs - r.fiscal.localTax, 9);
  });

  it("reports the history seed and the drawn value of every distribution", async () => {
    const s = await scenario("wenjiang-2017.json");
    const r = runScenario(s, 3);
    // With a posterior (the shipped one), the row a run uses comes first, then its history seed.
    expect(r.drawn.find((d) => d.path === HISTORY_SEED_PATH)).toEqual({ path: HISTORY_SEED_PATH, value: r.historySeed });
    expect(s.posterior?.historySeeds).toContain(r.historySeed);
    const paths = r.drawn.map((d) => d.path);
    expect(paths).toContain("$.dynamics.accelerator");
    expect(paths).toContain('$.industries.biopharma.maxOutputPerMu');
    const u = r.drawn.find((d) => d.path === "$.dynamics.targetUtilisation")!.value;
    expect(u).toBeGreaterThanOrEqual(0.78);
    expect(u).toBeLessThanOrEqual(0.9);
  });

  it.each(shippedScenarioFiles())("runs the shipped scenario %s with finite, non-negative outputs and every target evaluated", async (file) => {
    const s = await scenario(file);
    const r = runScenario(s, 11);
    expect(r.targets.map((t) => t.id)).toEqual(Object.keys(s.targets).sort());
    for (const m of r.metrics) {
      for (const v of m.values) expect(Number.isFinite(v)).toBe(true);
      if (m.name === "output" || m.name === "potentialOutput") for (const v of m.values) expect(v).toBeGreaterThanOrEqual(0);
    }
    for (const t of r.targets) {
      expect(Number.isFinite(t.value)).toBe(true);
      if (t.firstYearMet !== null) expect(t.firstYearMet).toBeGreaterThanOrEqual(r.projectionStartYear);
    }
  });
});

describe("drawScenario", () => {
  it("adding a distribution elsewhere changes no other draw", async () => {
    const s = await scenario("example.json");
    const more = clone(s);
    more.costs.perTeamYear = { dist: "uniform", min: 0.01, max: 0.03 };
    const a = new Map(drawScenario(s, 42).values.map((d) => [d.path, d.value]));
    const b = new Map(drawScenario(more, 42).values.map((d) => [d.path, d.value]));
    expect(b.size).toBe(a.size + 1);
    for (const [path, value] of a) expect(b.get(path)).toBe(value);
  });

  it("parameters are keyed by the history seed: a posterior row's seed fixes every other parameter too", async () => {
    const s = clone(await scenario("wenjiang-2017-prior.json"));
    s.posterior = { parameters: ["$.dynamics.accelerator"], draws: [[1.25], [0.75]], historySeeds: [123, 456], source: "test" };
    const runs = Array.from({ length: 12 }, (_, i) => drawScenario(s, i));
    for (const d of runs) {
      const row = d.values.find((v) => v.path === POSTERIOR_ROW_PATH)!.value;
      expect(d.historySeed).toBe(s.posterior.historySeeds[row]);
      expect(d.drawn.dynamics.accelerator).toBe(s.posterior.draws[row][0]);
      const same = runs.find((o) => o.historySeed === d.historySeed)!;
      expect(d.drawn.dynamics.targetUtilisation).toBe(same.drawn.dynamics.targetUtilisation);
    }
    expect(new Set(runs.map((d) => d.historySeed)).size).toBe(2);
  });

  it("an overlay that fixes a posterior parameter to a number wins", async () => {
    const s = clone(await scenario("wenjiang-2017-prior.json"));
    s.posterior = { parameters: ["$.dynamics.accelerator"], draws: [[1.25]], historySeeds: [5], source: "test" };
    s.dynamics.accelerator = 0.9;
    expect(drawScenario(s, 8).drawn.dynamics.accelerator).toBe(0.9);
  });
});

describe("the history inside every run", () => {
  it.each([
    // the shipped posterior's scenarios, and the prior's (the calibration scenario extends the prior)
    [["no-plan.json", "baseline.json", "lever-promotion.json", "lever-tight-land.json"]],
    [["wenjiang-2017-prior.json", "calibration-2016.json"]],
  ])("is the same under every scenario that shares the 2016-17 policy and parameters: %j reach the same end-2017 state", async (names) => {
    const states = await Promise.all(
      names.map(async (n) => {
        const sim = stepped(await scenario(n), 9, 8);
        return { firms: sim.s.firms.count, output: Array.from(sim.s.cellOutput), wage: Array.from(sim.s.wage), land: Array.from(sim.s.landFreeMu) };
      }),
    );
    for (const st of states.slice(1)) expect(st).toEqual(states[0]);
  });

  it("replays bit for bit from a posterior row: the accepted replicate's end-2017 state is the projection's start", async () => {
    const prior = await scenario("calibration-2016.json");
    const values = new Map([["$.dynamics.accelerator", 1.1], ["$.choice.districtConstant", 0.3]]);
    const calibrated = stepped(prior, 77, 8, { fixed: { values, historySeed: 2024 } });
    const base = clone(await scenario("baseline.json"));
    base.posterior = { parameters: [...values.keys()], draws: [[...values.values()]], historySeeds: [2024], source: "test" };
    const projected = stepped(base, 5, 8);
    expect(Array.from(projected.s.cellOutput)).toEqual(Array.from(calibrated.s.cellOutput));
    expect(Array.from(projected.s.firms.capacity.subarray(0, projected.s.firms.count))).toEqual(Array.from(calibrated.s.firms.capacity.subarray(0, calibrated.s.firms.count)));
    expect(projected.s.anchorMu).toBe(calibrated.s.anchorMu);
  });
});
