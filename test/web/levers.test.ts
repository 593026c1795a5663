/** The page's levers come from the scenario schema (not a list): shapes, ranges, controls of a base, names with a fallback, sliders. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { join } from "node:path";
import { ScenarioShape } from "../../src/scenario/schema.js";
import { loadScenario } from "../../src/scenario/index.js";
import { leverControls, leverFields, type LeverControl } from "../../web/levers/lever-schema.js";
import { GROUPS, leverGroup, leverName, leverUnit } from "../../web/levers/lever-names.js";
import { niceCeil, roundTo, sliderSpec } from "../../web/levers/sliders.js";

const ROOT = join(import.meta.dirname, "..", "..");
const sections = { attraction: ScenarioShape.shape.attraction, factors: ScenarioShape.shape.factors };
const fields = leverFields(sections);
const field = (key: string) => fields.find((f) => f.key === key)!;

describe("lever fields from the schema", () => {
  it("finds every field of the lever sections with a lever shape, in schema order", () => {
    const inSchema = [...Object.keys(ScenarioShape.shape.attraction.shape).map((k) => `attraction.${k}`), ...Object.keys(ScenarioShape.shape.factors.shape).map((k) => `factors.${k}`)];
    expect(fields.map((f) => f.key)).toEqual(inSchema);
  });

  it("tells schedules, per-park schedules, per-industry numbers, numbers and choices apart", () => {
    expect(field("attraction.promotionTeams").shape).toBe("schedule");
    expect(field("factors.landQuotaMu").shape).toBe("by-id-schedule");
    expect(field("attraction.targeting").shape).toBe("by-id-number");
    expect(field("attraction.incentivePaymentYears").shape).toBe("number");
    expect(field("attraction.unspentBudget")).toMatchObject({ shape: "choice", options: ["carry-over", "lapse"] });
  });

  it("takes ranges from the schema's bounds", () => {
    expect(field("factors.approvalSpeed").range).toEqual({ min: 0.1, max: 10, int: false });
    expect(field("factors.infrastructure").range).toEqual({ min: 0, max: 1, int: false });
    expect(field("attraction.incentivePaymentYears").range).toEqual({ min: 1, max: null, int: true });
    expect(field("factors.talentMigration").range).toEqual({ min: null, max: null, int: false });
  });

  it("shows a field the table does not know under its field name, in its section's group, with the schema's description", () => {
    const shape = z.strictObject({ newLever: z.record(z.string().regex(/^\d{4}$/), z.number().min(0).max(50)).describe("a brand-new lever, 亿元/yr") });
    const [f] = leverFields({ attraction: shape });
    expect(f).toMatchObject({ key: "attraction.newLever", shape: "schedule", description: "a brand-new lever, 亿元/yr", range: { min: 0, max: 50, int: false } });
    expect(leverName(f.key, "zh-CN")).toBe("newLever");
    expect(leverUnit(f.key, "en")).toBe("");
    expect(leverGroup(f.key)).toBe("attraction");
    expect(leverName("attraction.promotionTeams", "zh-CN")).toBe("招商引资队伍");
  });

  it("puts every named lever in a known group", () => {
    for (const f of fields) expect(GROUPS as readonly string[]).toContain(leverGroup(f.key));
  });
});

describe("controls of a base scenario", () => {
  it("has one control per number the lever fields hold in the baseline, per park and year step; distributions are skipped", async () => {
    const { scenario } = await loadScenario(join(ROOT, "scenarios", "baseline.json"));
    const { controls, skipped } = leverControls(fields, scenario as unknown as Record<string, unknown>);
    const byId = new Map(controls.map((c) => [c.id, c]));
    expect(byId.get("attraction.promotionTeams.2018")).toMatchObject({ base: 20, year: "2018", owner: null });
    expect(byId.get("factors.landQuotaMu.medical-city.2018")).toMatchObject({ base: 1200, owner: "medical-city", year: "2018" });
    expect(byId.get("factors.infrastructure.agri-park.2020")?.base).toBe(0.5);
    expect(byId.get("attraction.targeting.biopharma")).toMatchObject({ base: 1, owner: "biopharma", year: null });
    expect(byId.get("attraction.unspentBudget")?.base).toBe("lapse");
    expect(skipped.map((s) => s.id)).toContain("attraction.leadsPerTeamQuarter");
    expect(byId.has("attraction.leadsPerTeamQuarter")).toBe(false);
    // every control's path reads its base value back from the scenario
    for (const c of controls) expect(c.path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], scenario)).toBe(c.base);
  });
});

describe("sliders", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0.03, 0.1, 0.11, 4.8, 80, 4800, 6000].map(niceCeil)).toEqual([0.05, 0.1, 0.2, 5, 100, 5000, 10000]);
  });

  it("keeps the schema's bounds and the base inside the range, on a step grid", async () => {
    const { scenario } = await loadScenario(join(ROOT, "scenarios", "baseline.json"));
    const { controls } = leverControls(fields, scenario as unknown as Record<string, unknown>);
    const same = (c: LeverControl) => controls.filter((x) => x.field.key === c.field.key);
    for (const c of controls.filter((x) => typeof x.base === "number")) {
      const s = sliderSpec(c, same(c));
      const base = c.base as number;
      expect(base).toBeGreaterThanOrEqual(s.min);
      expect(base).toBeLessThanOrEqual(s.max);
      if (c.field.range.min !== null) expect(s.min).toBe(c.field.range.min);
      if (c.field.range.max !== null) expect(s.max).toBe(c.field.range.max);
      expect(roundTo(base, s.decimals)).toBe(base);
    }
    const speed = controls.find((c) => c.id === "factors.approvalSpeed.2018")!;
    expect(sliderSpec(speed, [speed])).toMatchObject({ min: 0.1, max: 10, step: 0.1 });
  });
});
