/** A design point's scenario: set, scale and shift at JSON paths, copying only what changes, validated like a file. */
import { describe, expect, it } from "vitest";
import { appliedValue, applyFactorValues, pointScenario } from "../../src/batch/experiment/apply.js";
import { loadScenario } from "../../src/scenario/load.js";
import { ROOT } from "./helpers.js";
import { join } from "node:path";

const base = { a: { b: 2, sched: { "2018": 10, "2020": 20 }, parks: { x: { "2018": 1 }, y: { "2018": 3 } } }, other: { keep: [1, 2] } };

describe("applyFactorValues", () => {
  it("sets a number, scales and shifts every number under a path, in factor order", () => {
    const out = applyFactorValues(
      base,
      [
        { name: "b", paths: [["a", "b"]], apply: "set" },
        { name: "s", paths: [["a", "sched"]], apply: "scale" },
        { name: "p", paths: [["a", "parks"]], apply: "shift" },
      ],
      [7, 1.5, 0.25],
    );
    expect(out).toEqual({ a: { b: 7, sched: { "2018": 15, "2020": 30 }, parks: { x: { "2018": 1.25 }, y: { "2018": 3.25 } } }, other: { keep: [1, 2] } });
  });

  it("moves several paths by the same value and copies only along the changed paths", () => {
    const out = applyFactorValues(base, [{ name: "two", paths: [["a", "parks", "x"], ["a", "parks", "y"]], apply: "scale" }], [2]) as typeof base;
    expect(out.a.parks).toEqual({ x: { "2018": 2 }, y: { "2018": 6 } });
    expect(base.a.parks.x["2018"]).toBe(1); // the base is untouched
    expect(out.other).toBe(base.other); // shared, not copied
    expect(out.a.sched).toBe(base.a.sched);
  });

  it("refuses a missing path, a set on an object and a scale of a distribution, naming the path", () => {
    expect(() => applyFactorValues(base, [{ name: "m", paths: [["a", "nope"]], apply: "set" }], [1])).toThrow("$.a.nope does not exist in the scenario");
    expect(() => appliedValue({ "2018": 1 }, "set", 1, ["s"])).toThrow("$.s holds no number or distribution to set");
    expect(() => appliedValue({ "2018": { dist: "uniform", min: 0, max: 1 } }, "scale", 2, ["s"])).toThrow('$.s["2018"] is a distribution');
    expect(appliedValue({ dist: "uniform", min: 0, max: 1 }, "set", 0.5, ["d"])).toBe(0.5);
  });
});

describe("pointScenario", () => {
  it("validates the point's scenario with the scenario schema", async () => {
    const { scenario } = await loadScenario(join(ROOT, "scenarios", "example.json"));
    const infra = [{ name: "i", paths: [["factors", "infrastructure"]], apply: "scale" as const }];
    const ok = pointScenario(scenario, infra, [1.2]);
    expect(ok.ok && ok.scenario.factors.infrastructure.biopark["2018"]).toBeCloseTo(0.84, 12);
    const bad = pointScenario(scenario, infra, [2]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ path: ["factors", "infrastructure", "biopark", "2018"] });
    expect(scenario.factors.infrastructure.biopark["2018"]).toBe(0.7);
  });
});
