import { describe, expect, it } from "vitest";
import { scenarioAtQuantile } from "../../src/model/draw.js";
import { METRIC_INDEX } from "../../src/model/metrics.js";
import { runScenario } from "../../src/model/run.js";
import { Stage } from "../../src/model/state.js";
import { marketCap } from "../../src/model/labour.js";
import { clone, scenario } from "./fixtures.js";

describe("no explosion", () => {
  it("the baseline at its priors' 95th percentiles, run to 2035, stays finite and under the market caps", async () => {
    const sc = scenarioAtQuantile(clone(await scenario("baseline.json")), 0.95);
    sc.horizon.endYear = 2035;
    let worstCapacityToCap = 0;
    const r = runScenario(sc, 3, {
      afterStep: (p, s) => {
        const capacity = new Float64Array(p.industries.ids.length);
        for (let k = 0; k < s.firms.count; k++) {
          const st = s.firms.stage[k];
          if (st === Stage.producing || st === Stage.ramping) capacity[s.firms.industry[k]] += s.firms.capacity[k];
        }
        for (let i = 0; i < capacity.length; i++) {
          const home = p.industry.homePark[i];
          const hosted = p.industry.homePark.filter((h) => h === home).length;
          const cap = marketCap(p, s, i, s.parkHealthDemand[home] / hosted);
          expect(s.industryOutput[i]).toBeLessThanOrEqual(cap * (1 + 1e-9));
          worstCapacityToCap = Math.max(worstCapacityToCap, capacity[i] / cap);
        }
      },
    });
    expect(r.quarters).toBe(72);
    const out = r.metrics[METRIC_INDEX["output/park"]];
    for (const v of out.values) expect(Number.isFinite(v)).toBe(true);
    // capacity may exceed what the market takes, but not run away from it
    expect(worstCapacityToCap).toBeLessThan(5);
  });
});
