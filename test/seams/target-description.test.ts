/** Target descriptions come from the scenario's definitions: every shipped target, and each kind's fields. */
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { describeTarget, TargetDescriptionSchema } from "../../src/model/target-description.js";
import { describeGoal } from "../../src/model/targets.js";
import { loadScenario } from "../../src/scenario/load.js";

const baseline = fileURLToPath(new URL("../../scenarios/baseline.json", import.meta.url));

describe("describeTarget", () => {
  it("describes every target of the baseline with the goal text the model uses", async () => {
    const { scenario } = await loadScenario(baseline);
    const ids = Object.keys(scenario.targets);
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) {
      const d = describeTarget(id, scenario.targets[id]);
      expect(TargetDescriptionSchema.strict().parse(d)).toEqual(d);
      expect(d.goal).toBe(describeGoal(scenario.targets[id] as never));
      expect(d.year).toBe(scenario.targets[id].year);
    }
  });

  it("carries each kind's structured fields", () => {
    expect(describeTarget("c", { kind: "output", label: "Medical City >= 1,000 亿", parks: ["medical-city"], year: 2022, threshold: 1000 })).toMatchObject({ kind: "output", parks: ["medical-city"], threshold: 1000, unit: "亿元/yr", comparison: "at-least" });
    expect(describeTarget("r", { kind: "rank", label: "top ten", park: "medical-city", year: 2022, topN: 10, field: "all" })).toMatchObject({ parks: ["medical-city"], threshold: 10, comparison: "at-most", competitors: "all", unit: "rank" });
    expect(describeTarget("k", { kind: "cluster-order", label: "clusters", year: 2022, thresholds: [1000, 500, 500] })).toMatchObject({ threshold: 3, thresholds: [1000, 500, 500], unit: "thresholds reached" });
    expect(describeTarget("a", { kind: "attracted", label: "schools", groups: ["school"], year: 2020, threshold: 1 })).toMatchObject({ groups: ["school"], threshold: 1, unit: "groups" });
  });

  it("keeps scope and measure when a target has them, and a drawn threshold as null", () => {
    const d = describeTarget("i", { kind: "output", label: "biopharma", scope: "industry", measure: "all-in", industries: ["biopharma"], year: 2022, threshold: { dist: "uniform", min: 1, max: 2 } });
    expect(d).toMatchObject({ scope: "industry", measure: "all-in", industries: ["biopharma"], threshold: null });
    expect(d.parks).toBeUndefined();
    expect(describeTarget("p", { kind: "output", label: "x", parks: ["a"], year: 2022, threshold: 5 }).scope).toBeUndefined();
  });
});
