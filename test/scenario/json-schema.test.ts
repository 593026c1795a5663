import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { scenarioJsonSchema, scenarioJsonSchemaText, type JsonSchema } from "../../src/scenario/json-schema.js";
import { exampleData, scenarioPath } from "./fixtures.js";

const schema = scenarioJsonSchema();
const defs = schema.$defs as Record<string, JsonSchema>;
const props = (def: string) => defs[def].properties as Record<string, JsonSchema>;

describe("scenarios/scenario.schema.json", () => {
  it("is up to date with the zod schema", () => {
    const checkedIn = readFileSync(scenarioPath("scenario.schema.json"), "utf8");
    const fresh = scenarioJsonSchemaText();
    expect(checkedIn === fresh, "scenarios/scenario.schema.json is stale: run `npm run schema` and commit the result").toBe(true);
  });

  it("is stable and pretty-printed", () => {
    expect(scenarioJsonSchemaText()).toBe(scenarioJsonSchemaText());
    expect(scenarioJsonSchemaText()).toMatch(/^\{\n {2}"\$schema": "https:\/\/json-schema\.org\/draft\/2020-12\/schema",\n/);
    expect(Object.keys(defs)).toEqual([...Object.keys(defs)].sort());
  });

  it("defines each distribution family once and refers to it", () => {
    const text = scenarioJsonSchemaText();
    expect(text.match(/"const": "triangular"/g)).toHaveLength(1);
    expect(props("Industry").marketTrend.anyOf).toContainEqual({ $ref: "#/$defs/Distribution" });
    expect(text.length).toBeLessThan(300_000);
  });

  it("the example files point at it", () => {
    expect(exampleData().$schema).toBe("./scenario.schema.json");
    const overlay = JSON.parse(readFileSync(scenarioPath("example-overlay.json"), "utf8"));
    expect(overlay.$schema).toBe("./scenario.schema.json");
  });
});

describe("what the JSON Schema allows beyond the zod schema", () => {
  it("the top level accepts $schema and extends", () => {
    expect(props("Scenario").$schema).toMatchObject({ type: "string" });
    expect(props("Scenario").extends).toMatchObject({ type: "string" });
    expect(defs.Scenario.additionalProperties).toBe(false);
  });

  it("every object accepts a $comment string", () => {
    const objects: JsonSchema[] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== "object" || node === null) return;
      const n = node as JsonSchema;
      if (n.type === "object") objects.push(n);
      for (const [k, v] of Object.entries(n)) if (k !== "properties") visit(v);
      if (n.properties) Object.values(n.properties as object).forEach(visit);
    };
    visit(defs);
    expect(objects.length).toBeGreaterThan(40);
    for (const o of objects) expect((o.properties as Record<string, JsonSchema>).$comment).toMatchObject({ type: "string" });
    expect(props("DistUniform").$comment).toMatchObject({ type: "string" });
  });

  it("a record keyed by id admits $comment as a key, with a string value", () => {
    const industries = props("Scenario").industries;
    expect(industries.propertyNames).toEqual({ anyOf: [{ $ref: "#/$defs/Id" }, { const: "$comment" }] });
    expect((industries.properties as Record<string, JsonSchema>).$comment).toMatchObject({ type: "string" });
    expect(industries.additionalProperties).toEqual({ $ref: "#/$defs/Industry" });
    const promotionTeams = props("Attraction").promotionTeams;
    expect(promotionTeams.propertyNames).toEqual({ anyOf: [{ $ref: "#/$defs/YearKey" }, { const: "$comment" }] });
  });

  it("a file with extends is checked as an overlay: nothing required, null deletes, distributions whole", () => {
    expect(schema.if).toEqual({ type: "object", required: ["extends"] });
    expect(schema.then).toEqual({ $ref: "#/$defs/ScenarioOverlay" });
    expect(schema.else).toEqual({ $ref: "#/$defs/Scenario" });
    expect(defs.Scenario.required).toContain("horizon");
    const overlayDefs = Object.entries(defs).filter(([k]) => k.endsWith("Overlay"));
    expect(overlayDefs.length).toBeGreaterThan(10);
    for (const [, d] of overlayDefs) expect(JSON.stringify(d)).not.toContain('"required"');
    expect(props("ScenarioOverlay").horizon).toMatchObject({ anyOf: [{ $ref: "#/$defs/HorizonOverlay" }, { type: "null" }] });
    expect(props("ScenarioOverlay").extends).toMatchObject({ type: "string" });
    expect(props("IndustryOverlay").marketTrend.anyOf).toContainEqual({ $ref: "#/$defs/Distribution" });
    expect(defs.DistUniform.required).toEqual(["dist", "min", "max"]);
    // arrays replace whole, so their items stay complete
    expect(props("InitialStateOverlay").firms).toMatchObject({ type: ["array", "null"], items: { $ref: "#/$defs/FirmGroup" } });
  });
});
