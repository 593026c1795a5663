/** The planner's overlay runs as the page ran it (resolved with the same resolver), and the URL holds the page's whole state. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ScenarioShape } from "../../src/scenario/schema.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { leverControls, leverFields } from "../../web/levers/lever-schema.js";
import { changesFor, describeChange, overlayText, plannerName } from "../../web/levers/overlay.js";
import { decodeState, encodeState, type PageState } from "../../web/state.js";

const DIR = join(import.meta.dirname, "..", "..", "scenarios");
const texts = new Map(readdirSync(DIR).filter((f) => f.endsWith(".json")).map((f) => [f, readFileSync(join(DIR, f), "utf8")]));
const read = (extra: Record<string, string> = {}) => (f: string) => extra[f] ?? texts.get(f);
const fields = leverFields({ attraction: ScenarioShape.shape.attraction, factors: ScenarioShape.shape.factors });

describe("the planner's overlay", () => {
  const base = resolveScenario("baseline.json", read());
  const { controls } = leverControls(fields, base.scenario as unknown as Record<string, unknown>, base.scenario.horizon);
  const values = { "attraction.promotionTeams.2018": 30, "factors.landQuotaMu.agri-park.2018": 400, "attraction.unspentBudget": "carry-over", "factors.talentProgrammePersons.2018": 300, "factors.guidanceFund.2018": 2, "nowhere.at.all": 5 };
  const changes = changesFor(controls, values);

  it("keeps only moved values of controls the base has", () => {
    expect(changes.map((c) => c.control.id).sort()).toEqual(["attraction.promotionTeams.2018", "attraction.unspentBudget", "factors.landQuotaMu.agri-park.2018", "factors.talentProgrammePersons.2018"]);
  });

  it("extends the base file and resolves to the base with exactly those values changed", () => {
    const text = overlayText("baseline.json", base.scenario.name, changes, base.scenario);
    const json = JSON.parse(text);
    expect(json.extends).toBe("./baseline.json");
    expect(json.name).toBe(plannerName("baseline"));
    expect(Object.keys(json).filter((k) => !k.startsWith("$")).sort()).toEqual(["attraction", "description", "extends", "factors", "name"]);
    const mine = resolveScenario("planner.json", read({ "planner.json": text }));
    const expected = structuredClone(base.scenario) as unknown as Record<string, unknown>;
    for (const ch of changes) {
      let at = expected;
      for (const k of ch.control.path.slice(0, -1)) at = at[k] as Record<string, unknown>;
      at[ch.control.path[ch.control.path.length - 1]] = ch.value;
    }
    expect(mine.scenario).toEqual({ ...expected, name: "baseline-planner", description: json.description });
    // a schedule whose base steps are all before the horizon gains a step at its first year; the history's step stays
    expect(Object.keys(mine.scenario.factors.talentProgrammePersons).sort()).toEqual([...new Set([...Object.keys(base.scenario.factors.talentProgrammePersons), "2018"])].sort());
  });

  it("describes each change in both languages with park names and units", () => {
    const land = changes.find((c) => c.control.owner === "agri-park")!;
    const was = land.control.base;
    expect(describeChange(land, "en", base.scenario)).toBe(`Serviced industrial land released (Chengdu Agricultural Hi-tech Park) from 2018: ${was} → 400 亩/yr`);
    expect(describeChange(land, "zh-CN", base.scenario)).toBe(`已配套工业用地供应（成都农高园），2018年起：${was} → 400 亩/年`);
  });
});

describe("the page's state in the URL", () => {
  const defaults: PageState = { base: "baseline.json", runs: 400, seed: 1, lang: "zh-CN", levers: {}, run: false };

  it("round-trips base, runs, seed, language, run flag and lever values", () => {
    const s: PageState = { base: "lever-talent.json", runs: 200, seed: 42, lang: "en", run: true, levers: { "attraction.promotionTeams.2018": 30, "factors.landQuotaMu.medical-city.2018": 750.5, "attraction.unspentBudget": "carry-over" } };
    const hash = encodeState(s);
    expect(hash).toMatch(/^#base=lever-talent\.json&runs=200&seed=42&lang=en&run=1&/);
    expect(decodeState(hash, defaults)).toEqual(s);
  });

  it("keeps the defaults for malformed settings and drops malformed lever keys", () => {
    const s = decodeState("#base=../../etc/passwd&runs=-3&seed=99999999999&lang=fr&<script>=1&factors.guidanceFund.2018=5", defaults);
    expect(s).toEqual({ ...defaults, levers: { "factors.guidanceFund.2018": 5 } });
  });
});
