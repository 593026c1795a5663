import { describe, expect, it } from "vitest";
import { runScenario, signedLeads, type RunResult } from "../../src/model/run.js";
import { yearlyMeans } from "../../src/model/yearly.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { clone, scenario } from "./fixtures.js";

const SEEDS = Array.from({ length: 200 }, (_, i) => 1000 + i);

/** Paired differences f(alternative) - f(base) over the seeds, with common random numbers. */
function pairedDifferences(base: Scenario, alt: Scenario, f: (r: RunResult) => number): number[] {
  return SEEDS.map((seed) => f(runScenario(alt, seed)) - f(runScenario(base, seed)));
}

/** Asserts the mean paired difference is above -2 standard errors, and that the lever changed something. */
function expectNotBelow(d: number[]): void {
  const n = d.length;
  const mean = d.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  expect(d.some((x) => x !== 0)).toBe(true);
  expect(mean).toBeGreaterThan(-2 * (sd / Math.sqrt(n)));
}

const signed = signedLeads;
const districtShare = (r: RunResult) => (r.leads > 0 ? signed(r) / r.leads : 0);

/** The baseline over 2018-2020, so that 200 paired seeds stay quick. */
async function short(): Promise<Scenario> {
  const sc = clone(await scenario("baseline.json"));
  sc.horizon.endYear = 2020;
  for (const t of Object.values(sc.targets)) t.year = Math.min(t.year, 2020);
  return sc;
}

describe("paired monotonicity on 200 seeds with common random numbers", () => {
  it("more promotion teams give more signings", async () => {
    const base = await short();
    const alt = clone(base);
    alt.attraction.promotionTeams = { "2018": 40 };
    expectNotBelow(pairedDifferences(base, alt, signed));
  });

  it("more incentives give a higher district share", async () => {
    const base = await short();
    base.attraction.incentiveBudget = { "2018": 1000 };
    const alt = clone(base);
    alt.attraction.incentiveLevel = { "2018": 3 };
    expectNotBelow(pairedDifferences(base, alt, districtShare));
  });

  it("more budget gives fewer budget losses", async () => {
    const base = await short();
    base.attraction.incentiveBudget = { "2018": 0.5 };
    const alt = clone(base);
    alt.attraction.incentiveBudget = { "2018": 5 };
    const d = pairedDifferences(base, alt, (r) => -r.leadsLost.budget);
    expectNotBelow(d);
  });

  it("more land gives fewer land losses", async () => {
    const base = await short();
    for (const park of Object.values(base.initialState.parks)) park.landFreeMu = 50;
    for (const id of Object.keys(base.factors.landQuotaMu)) base.factors.landQuotaMu[id] = { "2018": 40 };
    const alt = clone(base);
    for (const id of Object.keys(alt.factors.landQuotaMu)) alt.factors.landQuotaMu[id] = { "2018": 2000 };
    expectNotBelow(pairedDifferences(base, alt, (r) => -r.leadsLost.land));
  });

  it("more attractive competitors give fewer signings", async () => {
    const base = await short();
    const alt = clone(base);
    for (const c of Object.values(alt.competitors)) c.incentiveShare = 0.3;
    expectNotBelow(pairedDifferences(base, alt, (r) => -signed(r)));
  });

  it("no-plan gives less output than the baseline on average", async () => {
    const base = clone(await scenario("no-plan.json"));
    const alt = clone(await scenario("baseline.json"));
    const output2022 = (r: RunResult) => yearlyMeans(r, "output/park").values.reduce((s, row) => s + row[r.years - 1], 0);
    expectNotBelow(pairedDifferences(base, alt, output2022).slice(0, 100));
  });
});
