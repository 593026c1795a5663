/**
 * Property 11 (docs/model.md, "Properties"): per park x industry and year, the growth
 * decomposition (incumbents' capacity and utilisation, entrants, exits) sums to the change of
 * the year's output (1e-9); cells sum to parks, parks to the district.
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../../../src/model/run.js";
import { METRIC_INDEX, yearValue } from "../../../src/model/metrics.js";
import { FLOWS } from "../../../src/model/metrics.js";
import { model, scenario } from "../fixtures.js";

describe("property 11: the growth decomposition sums exactly", () => {
  it.each([["baseline.json", 1], ["baseline.json", 2], ["no-plan.json", 3], ["lever-tight-land.json", 4], ["lever-promotion.json", 5]])("%s seed %i", async (file, seed) => {
    const sc = await scenario(file);
    const initial = Float64Array.from(model(sc, seed).s.cellOutput);
    const r = runScenario(sc, seed);
    const out = r.metrics[METRIC_INDEX["output/cell"]];
    const flows = r.metrics[METRIC_INDEX["outputChange/cell-flow"]];
    const district = r.metrics[METRIC_INDEX["outputChange/flow"]];
    const parks = r.metrics[METRIC_INDEX["output/park"]];
    const F = FLOWS.length;
    let nonzero = 0;
    for (let y = 0; y < r.years; y++) {
      const districtFlows = new Float64Array(F);
      const parkChange = new Float64Array(parks.labels.length);
      out.labels.forEach((label, c) => {
        const now = yearValue(out, y, c);
        const before = y > 0 ? yearValue(out, y - 1, c) : initial[c];
        let sum = 0;
        for (let f = 0; f < F; f++) {
          const v = yearValue(flows, y, c * F + f);
          sum += v;
          districtFlows[f] += v;
          if (v !== 0) nonzero += 1;
        }
        expect(Math.abs(sum - (now - before))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(now)));
        parkChange[parks.labels.indexOf(label.split("/")[0])] += sum;
      });
      parks.labels.forEach((_, k) => {
        const change = yearValue(parks, y, k) - (y > 0 ? yearValue(parks, y - 1, k) : r.initialParkOutput[k]);
        expect(Math.abs(parkChange[k] - change)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(change)));
      });
      for (let f = 0; f < F; f++) expect(Math.abs(yearValue(district, y, f) - districtFlows[f])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(districtFlows[f])));
    }
    expect(nonzero).toBeGreaterThan(0);
  });
});
