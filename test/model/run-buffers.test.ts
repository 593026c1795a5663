import { describe, expect, it } from "vitest";
import { runScenario, startRun } from "../../src/model/run.js";
import { step } from "../../src/model/step.js";
import { stringifyResult } from "../../src/report/json.js";
import { scenario } from "./fixtures.js";

/** A run with its own fresh agent stores (afterStep keeps runScenario from reusing its spare ones). */
const fresh = (s: Parameters<typeof runScenario>[0], seed: number) => runScenario(s, seed, { afterStep: () => {} });

describe("agent stores reused across runs", () => {
  it("give the same results as fresh stores, after runs of other scenarios and seeds left them dirty", async () => {
    const base = await scenario("baseline.json");
    const noPlan = await scenario("no-plan.json");
    const expected = [fresh(base, 5), fresh(noPlan, 6), fresh(base, 7)].map(stringifyResult);
    runScenario(base, 1); // leaves a store with stale agents for the next run
    const reused = [runScenario(base, 5), runScenario(noPlan, 6), runScenario(base, 7)].map(stringifyResult);
    expect(reused).toEqual(expected);
  });

  it("of a finished simulation passed as buffers give the same metrics as a fresh start", async () => {
    const s = await scenario("baseline.json");
    const first = startRun(s, 2);
    for (let q = 0; q < first.p.quarters; q++) step(first.p, first.s, first.series, first.scratch);
    const grown = first.s.firms.capacitySlots;
    const again = startRun(s, 3, { buffers: { firms: first.s.firms, live: first.s.live, draws: first.scratch.draws } });
    expect(again.s.firms).toBe(first.s.firms);
    expect(again.scratch.draws).toBe(first.scratch.draws);
    expect(again.s.firms.capacitySlots).toBe(grown);
    for (let q = 0; q < again.p.quarters; q++) step(again.p, again.s, again.series, again.scratch);
    const expected = fresh(s, 3).metrics.map((m) => Array.from(m.values));
    expect(again.series.map((m) => Array.from(m.values))).toEqual(expected);
  });
});
