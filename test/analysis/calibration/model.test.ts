/** The engine on model v2 (src/analysis/calibration/model.ts): priors and observations from a calibration scenario, the history simulator. */
import { describe, expect, it } from "vitest";
import { CalibrationInputError, calibrationSpecOf, historySimulator, simulateHistory } from "../../../src/analysis/calibration/model.js";
import { runHistory } from "../../../src/model/history.js";
import { InputError } from "../../../src/scenario/input-error.js";
import type { Scenario } from "../../../src/scenario/schema.js";
import { clone, scenario } from "../../model/fixtures.js";

describe("the calibration problem of a scenario", () => {
  it("takes calibration.parameters with the scenario's own distributions as priors, and the observations in id order", async () => {
    const cal = await scenario("calibration-2016.json");
    const spec = calibrationSpecOf(cal);
    expect(spec.parameters.map((p) => p.path)).toEqual(cal.calibration!.parameters);
    const byPath = new Map(spec.parameters.map((p) => [p.path, p.prior]));
    expect(byPath.get("$.choice.districtConstant")).toEqual(cal.choice.districtConstant);
    expect(byPath.get("$.initialState.firms[3].count")).toEqual(cal.initialState.firms[3].count);
    expect(spec.observations.map((o) => o.id)).toEqual(Object.keys(cal.calibration!.observations).sort());
    const anchors = spec.observations.find((o) => o.id === "anchors-2016-2018")!;
    expect(anchors).toEqual({ id: "anchors-2016-2018", kind: "poisson", count: 2 });
    const level = spec.observations.find((o) => o.id === "sanyi-level-2017")!;
    expect(level).toMatchObject({ kind: "interval", min: 150, max: 175 });
  });

  it("without calibration.parameters, calibrates every distribution not under an excluded path", async () => {
    const cal = clone(await scenario("calibration-2016.json")) as Scenario;
    delete cal.calibration!.parameters;
    cal.calibration!.exclude = ["$.initialState", "$.industries", "$.competitors", "$.labourMarkets", "$.choice"];
    const paths = calibrationSpecOf(cal).parameters.map((p) => p.path);
    expect(paths).toContain("$.tiers.anchor.searchRate");
    expect(paths).toContain("$.dynamics.accelerator");
    for (const p of paths) for (const x of cal.calibration!.exclude) expect(p === x || p.startsWith(`${x}.`) || p.startsWith(`${x}[`)).toBe(false);
    cal.calibration!.exclude.push("$.dynamics", "$.tiers");
    expect(() => calibrationSpecOf(cal)).toThrow(/no distributions left/);
  });

  it("refuses a path in another written form, a fixed number, and a scenario that already has a posterior (bad input)", async () => {
    const base = await scenario("calibration-2016.json");
    const loose = clone(base) as Scenario;
    loose.calibration!.parameters = ["$.industries.health-management.marketTrend"];
    expect(() => calibrationSpecOf(loose)).toThrow(/\$\.industries\["health-management"\]\.marketTrend/);
    const fixed = clone(base) as Scenario;
    fixed.calibration!.parameters = ["$.dynamics.depreciation"];
    expect(() => calibrationSpecOf(fixed)).toThrow(/is not a distribution/);
    const posterior = clone(base) as Scenario;
    posterior.posterior = { parameters: ["$.dynamics.accelerator"], draws: [[1]], historySeeds: [1], source: "test" };
    expect(() => calibrationSpecOf(posterior)).toThrow(CalibrationInputError);
    expect(() => calibrationSpecOf(posterior)).toThrow(InputError);
  });

  it("simulates one history replicate: runHistory's values (range: the statistic; Poisson: mu) with theta at the listed paths", async () => {
    const cal = await scenario("calibration-2016.json");
    const paths = ["$.choice.districtConstant", "$.dynamics.startupsPerTenThousandWorkers"];
    const theta = Float64Array.of(0.7, 22);
    const expected = runHistory(cal, new Map([[paths[0], 0.7], [paths[1], 22]]), 4242).map((s) => s.value);
    expect(Array.from(simulateHistory(cal, paths, theta, 4242))).toEqual(expected);
    expect(Array.from(historySimulator(cal, paths)(theta, 4242))).toEqual(expected);
    const other = Array.from(simulateHistory(cal, paths, Float64Array.of(-1.4, 22), 4242));
    expect(other).not.toEqual(expected);
  });
});
