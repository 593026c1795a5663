import { describe, expect, it } from "vitest";
import { runScenario, type RunResult } from "../../src/model/run.js";
import { METRIC_INDEX } from "../../src/model/metrics.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { clone, scenario } from "./fixtures.js";

/** Initial output of an industry in a run: the sum of its firm groups' drawn outputs. */
function startOutput(r: RunResult, sc: Scenario, industry: string): number {
  return sc.initialState.firms.reduce((sum, g, gi) => {
    if (g.industry !== industry) return sum;
    const drawn = r.drawn.find((d) => d.path === `$.initialState.firms[${gi}].output`);
    return sum + (drawn ? drawn.value : (g.output as number));
  }, 0);
}

/** The baseline with noise, entry, exit, premia and every binding constraint removed. */
async function frictionless(): Promise<{ sc: Scenario; g: Map<string, number> }> {
  const sc = clone(await scenario("baseline.json"));
  sc.initialState.projects = [];
  sc.initialState.institutions = [];
  const g = new Map<string, number>();
  Object.entries(sc.industries).forEach(([id, ind], k) => {
    const rate = 0.03 + 0.01 * k;
    g.set(id, rate);
    Object.assign(ind, { marketTrend: rate, marketVolatility: 0, exitHazard: 0, maxDistrictShare: 1, nationalMarket: 1e9 });
  });
  Object.assign(sc.dynamics, { agglomerationElasticity: 0, chainGrowthPremium: 0, shockVolatility: 0 });
  for (const kind of Object.values(sc.institutionKinds)) Object.assign(kind, { spilloverPerYear: 0, leadsPerTeamQuarter: 0, startupsPerYear: 0 });
  sc.attraction.promotionTeams = { "2018": 0 };
  sc.attraction.supplierLeadsPerAnchorQuarter = 0;
  sc.factors.guidanceFund = { "2018": 0 };
  sc.factors.startupsPerTenThousandTalent = 0;
  for (const park of Object.values(sc.initialState.parks)) Object.assign(park, { talentPool: 1e9, housingCapacity: 1e9, landFreeMu: 1e9 });
  return { sc, g };
}

describe("analytic limit", () => {
  it("with no noise, no entry or exit and zero premia, output after 20 quarters is initial x (1 + g)^5 within 1e-9", async () => {
    const { sc, g } = await frictionless();
    const r = runScenario(sc, 5);
    const out = r.metrics[METRIC_INDEX["output/industry"]];
    const I = out.labels.length;
    out.labels.forEach((id, i) => {
      const expected = startOutput(r, sc, id) * (1 + g.get(id)!) ** 5;
      expect(Math.abs(out.values[19 * I + i] - expected) / expected).toBeLessThan(1e-9);
    });
    expect(r.leads).toBe(0);
  });
});
