/** The page's levers come from the scenario schema (not a list): shapes, bounds, lever marks, controls of a base from the horizon's start, names with a fallback, sliders. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { join } from "node:path";
import { ScenarioShape } from "../../src/scenario/schema.js";
import { loadScenario } from "../../src/scenario/index.js";
import { horizonSteps, leverControls, leverFields, valueFor, type LeverControl } from "../../web/levers/lever-schema.js";
import { GROUPS, leverGroup, leverName, leverUnit, unitFromDescription } from "../../web/levers/lever-names.js";
import { niceCeil, roundTo, sliderSpec } from "../../web/levers/sliders.js";

const ROOT = join(import.meta.dirname, "..", "..");
const sections = { attraction: ScenarioShape.shape.attraction, factors: ScenarioShape.shape.factors };
const fields = leverFields(sections);
const field = (key: string) => fields.find((f) => f.key === key)!;
const baseline = () => loadScenario(join(ROOT, "scenarios", "baseline.json")).then((l) => l.scenario);

describe("lever fields from the schema", () => {
  it("finds every field of the lever sections in schema order, leaving out only shapes that are not numbers or choices", () => {
    const inSchema = Object.entries(sections).flatMap(([s, o]) => Object.keys(o.shape).map((k) => `${s}.${k}`));
    expect(fields.map((f) => f.key)).toEqual(inSchema.filter((k) => fields.some((f) => f.key === k)));
    const left = inSchema.filter((k) => !fields.some((f) => f.key === k));
    for (const k of left) {
      const [s, f] = k.split(".");
      expect((sections as Record<string, z.ZodObject>)[s].shape[f].safeParse(true).success, k).toBe(true);
    }
  });

  it("tells schedules, per-park schedules, numbers and choices apart, and per-id numbers in a schema that has them", () => {
    expect(field("attraction.promotionTeams").shape).toBe("schedule");
    expect(field("factors.landQuotaMu").shape).toBe("by-id-schedule");
    expect(field("factors.startupsPerFundYi").shape).toBe("number");
    expect(field("attraction.unspentBudget")).toMatchObject({ shape: "choice", options: ["carry-over", "lapse"] });
    const [weights] = leverFields({ attraction: z.strictObject({ weights: z.record(z.string().regex(/^[a-z]+$/), z.number().min(0)) }) });
    expect(weights.shape).toBe("by-id-number");
  });

  it("takes bounds from the schema and the lever mark from its description", () => {
    expect(field("factors.approvalSpeed").range).toEqual({ min: 0.25, max: 4, int: false });
    expect(field("factors.infrastructure").range).toEqual({ min: 0, max: 1, int: false });
    expect(field("attraction.incentivePaymentYears").range).toEqual({ min: 1, max: 20, int: true });
    expect(field("attraction.promotionTeams").isLever).toBe(true);
    expect(field("factors.startupsPerFundYi").isLever).toBe(false);
    expect(field("factors.landQuotaMu").valueDescription).toContain("亩 per year");
  });

  it("shows a field the table does not know under its field name and the unit its schema names; a non-lever among the model assumptions", () => {
    const shape = z.strictObject({
      newLever: z.record(z.string().regex(/^\d{4}$/), z.number().min(0).max(50).describe("fund for new things, 亿元 per year")).describe("new lever by year (lever)"),
      newParameter: z.number().min(0).describe("firms per thing"),
    });
    const [lever, parameter] = leverFields({ attraction: shape });
    expect(lever).toMatchObject({ key: "attraction.newLever", shape: "schedule", isLever: true, description: "new lever by year (lever)", range: { min: 0, max: 50, int: false } });
    expect(leverName(lever.key, "zh-CN")).toBe("newLever");
    expect(leverUnit(lever.key, "en", lever.valueDescription)).toBe("亿元 per year");
    expect(leverGroup(lever.key, lever.isLever)).toBe("attraction");
    expect(leverGroup(parameter.key, parameter.isLever)).toBe("assumption");
    expect(leverName("attraction.promotionTeams", "zh-CN")).toBe("招商引资队伍");
  });

  it("reads a unit off the end of a value description", () => {
    expect(unitFromDescription("serviced industrial land released, 亩 per year (a number >= 0, or a distribution)")).toBe("亩 per year");
    expect(unitFromDescription("multiplier on the tiers' incentive shares (1 = the 2016-17 policy)")).toBe("");
  });

  it("puts every named lever in a known group", () => {
    for (const f of fields) expect(GROUPS as readonly string[]).toContain(leverGroup(f.key, f.isLever));
  });
});

describe("controls of a base scenario", () => {
  it("offers schedules from the horizon's first year (the value holding then) and each later step, not the history's", () => {
    expect(horizonSteps({ "2016": 1, "2020": 3, "2018": 2, "2030": 9 }, 2018, 2022)).toEqual([{ year: "2018", value: 2 }, { year: "2020", value: 3 }]);
    expect(horizonSteps({ "2016": 1, "2020": 3 }, 2018, 2022)).toEqual([{ year: "2018", value: 1 }, { year: "2020", value: 3 }]);
    expect(horizonSteps({ "2020": 3 }, 2018, 2022)).toEqual([{ year: "2020", value: 3 }]);
  });

  it("has one control per value the lever fields hold in the baseline, per park and year step", async () => {
    const scenario = await baseline();
    const { controls } = leverControls(fields, scenario as unknown as Record<string, unknown>, scenario.horizon);
    const byId = new Map(controls.map((c) => [c.id, c]));
    const sched = (path: string[]) => path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], scenario) as Record<string, number>;
    const holding = (s: Record<string, number>, year: number) => s[String(Math.max(...Object.keys(s).map(Number).filter((y) => y <= year)))];
    expect(byId.get("attraction.promotionTeams.2018")).toMatchObject({ base: holding(sched(["attraction", "promotionTeams"]), 2018), year: "2018", owner: null });
    expect(byId.get("factors.landQuotaMu.medical-city.2018")).toMatchObject({ base: holding(sched(["factors", "landQuotaMu", "medical-city"]), 2018), owner: "medical-city" });
    expect(byId.get("factors.infrastructure.agri-park.2020")?.base).toBe(sched(["factors", "infrastructure", "agri-park"])["2020"]);
    expect(byId.get("attraction.unspentBudget")?.base).toBe(scenario.attraction.unspentBudget);
    expect(controls.filter((c) => c.year !== null && Number(c.year) < scenario.horizon.startYear)).toEqual([]);
    for (const c of controls.filter((x) => x.year !== null)) expect(c.base).toBe(holding(sched(c.path.slice(0, -1)), Number(c.year)));
    // a control reads the value holding in its year, in the base and in another scenario
    for (const c of controls) expect(valueFor(c, scenario as unknown as Record<string, unknown>)).toBe(c.base);
    const teams = byId.get("attraction.promotionTeams.2018")!;
    expect(valueFor(teams, { attraction: { promotionTeams: { "2010": 7, "2019": 9 } } })).toBe(7);
  });
});

describe("sliders", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0.03, 0.1, 0.11, 4.8, 80, 4800, 6000].map(niceCeil)).toEqual([0.05, 0.1, 0.2, 5, 100, 5000, 10000]);
  });

  it("spans the schema's lower bound to a planner's top within the schema's upper bound, with the base on the step grid", async () => {
    const scenario = await baseline();
    const { controls } = leverControls(fields, scenario as unknown as Record<string, unknown>, scenario.horizon);
    const same = (c: LeverControl) => controls.filter((x) => x.field.key === c.field.key);
    for (const c of controls.filter((x) => typeof x.base === "number")) {
      const s = sliderSpec(c, same(c));
      const base = c.base as number;
      expect(base).toBeGreaterThanOrEqual(s.min);
      expect(base).toBeLessThanOrEqual(s.max);
      expect([s.limitMin, s.limitMax]).toEqual([c.field.range.min, c.field.range.max]);
      if (c.field.range.min !== null) expect(s.min).toBe(c.field.range.min);
      if (c.field.range.max !== null) expect(s.max).toBeLessThanOrEqual(c.field.range.max);
      expect(roundTo(base, s.decimals)).toBe(base);
    }
    const teams = controls.find((c) => c.id === "attraction.promotionTeams.2018")!;
    expect(sliderSpec(teams, [teams])).toMatchObject({ min: 0, max: 100, step: 1, limitMax: field("attraction.promotionTeams").range.max });
    const speed = controls.find((c) => c.id === "factors.approvalSpeed.2018")!;
    expect(sliderSpec(speed, [speed])).toMatchObject({ min: 0.25, max: 4, step: 0.05 });
  });
});
