import { describe, expect, it } from "vitest";
import { EXACT_QUANTILE_RUNS, QUANTILES, ScenarioAggregate } from "../../src/batch/aggregate.js";
import { recordLayout } from "../../src/batch/record.js";
import { quantilesType7 } from "../../src/analysis/statistics.js";
import { loadScenario } from "../../src/scenario/load.js";

const { scenario } = await loadScenario(new URL("../../scenarios/example.json", import.meta.url).pathname);
const layout = recordLayout(scenario);

/** Feeds `n` runs whose first target's value is a spread-out deterministic sequence; returns the aggregate and those values. */
function feed(n: number): { agg: ScenarioAggregate; values: Float64Array } {
  const agg = new ScenarioAggregate("example", scenario, layout);
  const row = new Float64Array(layout.width);
  const values = new Float64Array(n);
  for (let run = 0; run < n; run++) {
    values[run] = 50 + ((run * 7919) % 100_003) / 97 + (run % 13) * 0.125;
    row[layout.targetsAt] = values[run];
    row[layout.targetsAt + 2] = NaN;
    agg.add(run, run, row, null);
  }
  return { agg, values };
}

describe("a target's quantiles", () => {
  it(`are exact type 7 up to ${EXACT_QUANTILE_RUNS.toLocaleString("en-US")} completed runs`, () => {
    const { agg, values } = feed(EXACT_QUANTILE_RUNS);
    const t = agg.targets()[0];
    expect(t.quantileMethod).toBe("exact-type7");
    expect(Object.values(t.quantiles)).toEqual(quantilesType7(values, QUANTILES));
  });

  it("come from a sketch beyond, within its 0.5% relative accuracy of the exact ones, so memory stops growing", () => {
    const { agg, values } = feed(EXACT_QUANTILE_RUNS + 50_000);
    const t = agg.targets()[0];
    expect(t.quantileMethod).toBe("sketch");
    const exact = quantilesType7(values, QUANTILES);
    Object.values(t.quantiles).forEach((q, i) => expect(Math.abs(q! - exact[i]) / exact[i]).toBeLessThanOrEqual(0.0051));
    // a sketch: not the exact figure in general
    expect(Object.values(t.quantiles)).not.toEqual(exact);
  });
});
