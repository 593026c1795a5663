/** The observed statistics of a history replicate (src/model/history.ts, re-exported by src/analysis/observations.ts). */
import { describe, expect, it } from "vitest";
import { observe, poissonProbability, runHistory, type RangeObservation } from "../../../src/analysis/observations.js";
import { runScenario } from "../../../src/model/run.js";
import { yearlyMeans } from "../../../src/model/yearly.js";
import { scenario, stepped } from "../../model/fixtures.js";

const level: RangeObservation = { kind: "range", label: "output", metric: "output/park", of: "", year: 2019, min: 0, max: 1e9 };

describe("observations", () => {
  it("reads a yearly level and its growth from a run", async () => {
    const sc = await scenario("example.json");
    const park = Object.keys(sc.parks).sort()[0];
    const r = runScenario(sc, 3);
    const y = yearlyMeans(r, "output/park");
    const row = y.values[y.labels.indexOf(park)];
    expect(observe(r, { ...level, of: park })).toBeCloseTo(row[1], 12);
    expect(observe(r, { ...level, of: park, measure: "growth" })).toBeCloseTo(row[1] / row[0] - 1, 12);
  });

  it("scores a count by its Poisson probability", () => {
    expect(poissonProbability(2, 2)).toBeCloseTo(2 * Math.exp(-2), 14);
    expect(poissonProbability(0, 0)).toBe(1);
    expect(poissonProbability(2, 0)).toBe(0);
  });

  it("runs only the history up to the calibration's last quarter, with the given values and history seed", async () => {
    const cal = await scenario("calibration-2016.json");
    const values = new Map([["$.dynamics.accelerator", 1.2]]);
    const a = runHistory(cal, values, 99);
    expect(runHistory(cal, values, 99)).toEqual(a);
    expect(a.map((s) => s.id)).toEqual(Object.keys(cal.calibration!.observations).sort());
    const level2017 = a.find((s) => s.id === "sanyi-level-2017")!;
    const full = stepped(cal, 0, 8, { fixed: { values, historySeed: 99 } });
    const mc = full.p.parks.index.get("medical-city")!;
    const series = full.series.find((m) => m.name === "output" && m.by === "park")!;
    let sum = 0;
    for (let q = 4; q < 8; q++) sum += series.values[q * series.labels.length + mc];
    expect(level2017.value).toBeCloseTo(sum / 4, 9);
    expect(a.find((s) => s.id === "anchors-2016-2018")!.value).toBeGreaterThan(0);
  });
});
