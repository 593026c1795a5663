/** `faceValidity` (src/analysis/face-validity.ts) on a few paired seeds: its tables are complete and the baseline's sign is right. */
import { describe, expect, it } from "vitest";
import { faceValidity } from "../../src/analysis/face-validity.js";
import { formatFaceValidity } from "../../src/cli/face-validity.js";
import { scenario } from "./fixtures.js";

describe("face validity", () => {
  it("reports every lever by projection year, the baseline's paths and the data-row checks", async () => {
    const f = faceValidity(await scenario("no-plan.json"), await scenario("baseline.json"), [await scenario("lever-talent.json")], 6, 3);
    expect(f.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(f.levers.map((l) => [l.name, l.against])).toEqual([["baseline", "no-plan"], ["lever-talent", "baseline"]]);
    for (const l of f.levers) expect(l.byYear.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    // the plan's increments raise output by 2022 on every seed
    expect(f.levers[0].byYear.at(-1)!.change.low).toBeGreaterThan(0);
    expect(f.decomposition.map((d) => d.flow)).toEqual(["incumbents-capacity", "incumbents-utilisation", "entrants", "exits"]);
    expect(f.utilisation).toHaveLength(8);
    for (const u of f.utilisation) for (const x of u.byYear) expect(x).toBeLessThanOrEqual(1);
    for (const x of f.idleCapacity) expect(x).toBeGreaterThan(0);
    expect(f.valueAddedToGdp!.mean).toBeGreaterThan(0);
    expect(f.valueAddedToGdp!.mean).toBeLessThan(1);
    expect(f.revenuePerMuYear).toBe(2017);
    const text = formatFaceValidity(f);
    for (const part of ["Paired change of district output", "growth decomposition", "w / w_C", "land queue", "National-market shares", "realised-ratio"]) expect(text).toContain(part);
  });
});
