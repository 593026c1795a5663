/** Target descriptions come from the scenario's definitions: every shipped target, and each kind's fields. */
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { describeGoal, describeTarget, TargetDescriptionSchema } from "../../src/model/target-description.js";
import { runScenario } from "../../src/model/run.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { Target } from "../../src/scenario/schema.js";

const baseline = fileURLToPath(new URL("../../scenarios/baseline.json", import.meta.url));
const cluster = { scope: "parks", measure: "revenue", unit: "亿元/yr" } as const;

describe("describeTarget", () => {
  it("describes every target of the baseline with the goal text each run reports", async () => {
    const { scenario } = await loadScenario(baseline);
    const ids = Object.keys(scenario.targets).sort();
    expect(ids.length).toBeGreaterThan(5);
    const outcomes = runScenario(scenario, 3).targets;
    for (const id of ids) {
      const d = describeTarget(id, scenario.targets[id]);
      expect(TargetDescriptionSchema.strict().parse(d)).toEqual(d);
      expect(d.goal).toBe(outcomes.find((o) => o.id === id)!.goal);
      expect(d.year).toBe(scenario.targets[id].year);
    }
  });

  it("carries each kind's structured fields", () => {
    const output: Target = { kind: "output", label: "Medical City >= 1,000 亿", ...cluster, parks: ["medical-city"], industries: [], year: 2022, threshold: 1000 };
    expect(describeTarget("c", output)).toMatchObject({ kind: "output", scope: "parks", measure: "revenue", parks: ["medical-city"], threshold: 1000, unit: "亿元/yr", comparison: "at-least" });
    expect(describeTarget("c", output).industries).toBeUndefined();
    expect(describeTarget("r", { kind: "rank", label: "top ten", park: "medical-city", year: 2022, topN: 10, unit: "rank" })).toMatchObject({ parks: ["medical-city"], threshold: 10, comparison: "at-most", unit: "rank" });
    expect(describeTarget("k", { kind: "cluster-order", label: "clusters", ...cluster, year: 2022, thresholds: [1000, 500, 500] })).toMatchObject({ scope: "parks", threshold: 3, thresholds: [1000, 500, 500], unit: "thresholds reached", goal: "parks >= 1000, 500, 500 亿元/yr (3 of 3)" });
    expect(describeTarget("a", { kind: "attracted", label: "schools", groups: ["school"], year: 2020, threshold: 1, unit: "groups" })).toMatchObject({ groups: ["school"], threshold: 1, unit: "groups", goal: ">= 1 signed" });
  });

  it("keeps an industry scope and an all-in measure, and a drawn threshold or multiplier as null", () => {
    const t: Target = { kind: "output", label: "biopharma", scope: "industries", measure: "all-in", allInMultiplier: { dist: "uniform", min: 1.5, max: 2 }, unit: "亿元/yr", parks: [], industries: ["biopharma"], year: 2022, threshold: { dist: "uniform", min: 1, max: 2 } };
    const d = describeTarget("i", t);
    expect(d).toMatchObject({ scope: "industries", measure: "all-in", allInMultiplier: null, industries: ["biopharma"], threshold: null, goal: ">= (drawn per run) 亿元/yr all-in" });
    expect(d.parks).toBeUndefined();
    expect(describeGoal(t)).toBe(d.goal);
  });
});
