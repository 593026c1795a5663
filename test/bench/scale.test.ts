import { describe, expect, it } from "vitest";
import { scaleNum, scaleScenario, shiftNum } from "../../bench/scale.js";
import { drawScenario } from "../../src/model/draw.js";
import { countAgentSteps } from "../../bench/model-run.js";
import { clone, scenario } from "../model/fixtures.js";

describe("scaleNum and shiftNum", () => {
  it("scale every distribution family so each draw scales", () => {
    expect(scaleNum(2, 10)).toBe(20);
    expect(scaleNum({ dist: "uniform", min: 1, max: 2 }, 10)).toEqual({ dist: "uniform", min: 10, max: 20 });
    expect(scaleNum({ dist: "triangular", min: 1, mode: 2, max: 3 }, 2)).toEqual({ dist: "triangular", min: 2, mode: 4, max: 6 });
    expect(scaleNum({ dist: "normal", mean: 1, sd: 0.5 }, 4)).toMatchObject({ dist: "normal", mean: 4, sd: 2 });
    expect(scaleNum({ dist: "lognormal", meanlog: 0, sdlog: 1, max: 5 }, Math.E)).toMatchObject({ meanlog: 1, sdlog: 1, max: 5 * Math.E });
    expect(scaleNum({ dist: "beta", alpha: 2, beta: 3 }, 10)).toMatchObject({ min: 0, max: 10 });
    expect(scaleNum({ dist: "choice", values: [1, 2] }, 3)).toEqual({ dist: "choice", values: [3, 6] });
  });

  it("shift location families and refuse a lognormal", () => {
    expect(shiftNum(-2, -1)).toBe(-3);
    expect(shiftNum({ dist: "uniform", min: -4, max: -1 }, -0.5)).toEqual({ dist: "uniform", min: -4.5, max: -1.5 });
    expect(() => shiftNum({ dist: "lognormal", meanlog: 0, sdlog: 1 }, 1)).toThrow(/lognormal/);
  });
});

describe("scaleScenario", () => {
  it("is pure, and the identity at factor 1", async () => {
    const s = await scenario("baseline.json");
    const copy = clone(s);
    const x10 = scaleScenario(s, 10);
    expect(s).toEqual(copy);
    expect(x10).not.toBe(s);
    expect(scaleScenario(s, 1)).toEqual(s);
    expect(() => scaleScenario(s, 0)).toThrow(/positive/);
  });

  it("scales the initial state, the flows and the markets, and compensates per-firm terms", async () => {
    const s = await scenario("baseline.json");
    const x = scaleScenario(s, 10);
    s.initialState.firms.forEach((g, i) => {
      if (typeof g.count === "number") expect(x.initialState.firms[i].count).toBe(g.count * 10);
    });
    for (const [id, park] of Object.entries(s.initialState.parks))
      if (typeof park.landFreeMu === "number") expect(x.initialState.parks[id].landFreeMu).toBe(park.landFreeMu * 10);
    expect(x.initialState.projects).toEqual(s.initialState.projects);
    const d1 = new Map(drawScenario(s, 4).values.map((v) => [v.path, v.value]));
    const d10 = new Map(drawScenario(x, 4).values.map((v) => [v.path, v.value]));
    for (const [path, v] of d1)
      if (path.startsWith("$.initialState.firms") && path.endsWith(".output")) expect(d10.get(path)! / v).toBeCloseTo(10, 9);
    for (const [id, k] of Object.entries(s.institutionKinds))
      if (typeof k.spilloverPerYear === "number") expect(x.institutionKinds[id].spilloverPerYear).toBeCloseTo(k.spilloverPerYear / 10, 15);
  });

  it("grows the agent-steps of a run about linearly", async () => {
    const s = await scenario("baseline.json");
    const one = countAgentSteps(s, 1);
    const ten = countAgentSteps(scaleScenario(s, 10), 1);
    expect(ten.quarters).toBe(one.quarters);
    const growth = ten.agentSteps / one.agentSteps;
    expect(growth).toBeGreaterThan(8);
    expect(growth).toBeLessThan(12);
  });
});

describe("scaleScenario with a posterior", () => {
  it("gives the posterior's columns the same transform as the parameters", async () => {
    const s = await scenario("baseline.json");
    if (!s.posterior) return; // the shipped baseline has no posterior any more
    const x = scaleScenario(s, 10);
    const j = s.posterior.parameters.indexOf("$.choice.locationConstant");
    const agglomeration = s.choice.agglomeration;
    if (j < 0 || typeof agglomeration !== "number") return;
    s.posterior.draws.forEach((row, r) => expect(x.posterior!.draws[r][j]).toBeCloseTo(row[j] - agglomeration * Math.log(10), 12));
    const k = s.posterior.parameters.indexOf("$.attraction.leadsPerTeamQuarter");
    if (k >= 0) s.posterior.draws.forEach((row, r) => expect(x.posterior!.draws[r][k]).toBe(row[k]));
  });
});
