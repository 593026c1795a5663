/**
 * Property 3 (docs/model.md, "Properties"): 400 common-random-number pairs, land and budget
 * slack, baseline against 50% more teams and against a higher incentive: each projection year
 * the mean paired change of district output is not below 0 (95% interval) and under 5% of
 * pairs fall by more than 1%.
 */
import { describe, expect, it } from "vitest";
import { clone, scenario } from "../fixtures.js";
import { changeSummary, pairedOutputChanges } from "./paired.js";

const PAIRS = 400;

async function slack() {
  const sc = clone(await scenario("baseline.json"));
  for (const park of Object.keys(sc.initialState.parks)) sc.initialState.parks[park].landFreeMu = 1e6;
  sc.attraction.incentiveBudget = { "2016": 1e4 };
  return sc;
}

describe("property 3: levers never lower output on average", () => {
  it.each([
    ["50% more promotion teams", (sc: Awaited<ReturnType<typeof slack>>) => (sc.attraction.promotionTeams = { "2016": 10, "2018": 30 })],
    ["a higher incentive level", (sc: Awaited<ReturnType<typeof slack>>) => (sc.attraction.incentiveLevel = { "2016": 1, "2018": 2.5 })],
  ])("%s", async (_name, change) => {
    const base = await slack();
    const alt = clone(base);
    change(alt);
    const { years, changes } = pairedOutputChanges(base, alt, PAIRS, 30_000);
    const rows = changeSummary(changes, 0.01);
    console.log(rows.map((r, y) => `${years[y]}: mean ${(100 * r.mean).toFixed(2)}%, 95% interval ${(100 * r.low).toFixed(2)}% to ${(100 * r.high).toFixed(2)}%, pairs falling >1% ${(100 * r.fallShare).toFixed(1)}%`).join("\n"));
    for (const r of rows) {
      expect(r.high).toBeGreaterThanOrEqual(0);
      expect(r.fallShare).toBeLessThan(0.05);
    }
    expect(rows[rows.length - 1].mean).toBeGreaterThan(0);
  });
});
