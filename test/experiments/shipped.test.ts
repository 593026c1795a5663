/**
 * The shipped experiments (experiments/*.json) and the experiment JSON Schema: the schema file is
 * up to date with the zod schema and accepts the shipped files; each shipped experiment validates
 * and runs end to end with a tiny design and one replication (--set), producing its files.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { experimentJsonSchemaText } from "../../src/batch/experiment/json-schema.js";
import { ROOT, cli, readCsv, tempDir } from "./helpers.js";

const DIR = join(ROOT, "experiments");
const shipped = readdirSync(DIR).filter((f) => f.endsWith(".json") && f !== "experiment.schema.json").sort();

/** Overrides that make each shipped experiment tiny (its factors and outcomes unchanged). */
const TINY: Record<string, string[]> = {
  "levers-grid.json": ["--set", '$.design={"method":"lhs","n":3}'],
  "sobol-parameters.json": ["--set", "$.design.n=2"],
  "morris-uncertain.json": ["--set", "$.design.trajectories=2", "--set", "$.design.candidates=2"],
};

describe("experiments/experiment.schema.json", () => {
  it("is up to date with the zod schema", () => {
    const checkedIn = readFileSync(join(DIR, "experiment.schema.json"), "utf8");
    expect(checkedIn === experimentJsonSchemaText(), "experiments/experiment.schema.json is stale: run `npx tsx src/batch/experiment/write-json-schema.ts` and commit it").toBe(true);
  });

  it("accepts the shipped experiments and refuses an unknown key (ajv, draft 2020-12)", () => {
    const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(DIR, "experiment.schema.json"), "utf8")));
    for (const f of shipped) expect(validate(JSON.parse(readFileSync(join(DIR, f), "utf8"))), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(validate({ name: "x", model: { testFunction: "ishigami" }, design: { method: "lhs", n: 4 }, replication: 2 })).toBe(false);
    expect(validate({ name: "x", $comment: "ok", model: { testFunction: "ishigami", $comment: "ok" }, design: { method: "lhs", n: 4, $comment: "ok" } })).toBe(true);
  });
});

describe("the shipped experiments", () => {
  it("are the three of issue 13, each with its $schema, and validate", async () => {
    expect(shipped).toEqual(["levers-grid.json", "morris-uncertain.json", "sobol-parameters.json"]);
    for (const f of shipped) expect(JSON.parse(readFileSync(join(DIR, f), "utf8")).$schema).toBe("./experiment.schema.json");
    const r = await cli(["validate", ...shipped.map((f) => join(DIR, f))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/levers-grid\.json {2}experiment: grid design, 243 points x 20 replications = 4860 runs/);
  });

  for (const f of shipped) {
    it(`${f} runs end to end with a tiny design and one replication`, async () => {
      const out = join(tempDir(), "o");
      const r = await cli(["experiment", join(DIR, f), ...TINY[f], "--set", "$.replications=1", "--workers", "0", "--out", out, "--quiet", "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.failed).toBe(0);
      expect(readCsv(out, "points.csv")).toHaveLength(doc.design.points);
      if (doc.design.method === "saltelli" || doc.design.method === "morris") {
        const indices = readCsv(out, "indices.csv");
        expect(indices.length).toBeGreaterThan(0);
        expect(new Set(indices.map((x) => x.factor)).size).toBe(doc.factors.length);
      }
      expect(existsSync(join(out, "boxes.csv"))).toBe(true);
      const report = await cli(["report", out]);
      expect(report.code, report.stderr).toBe(0);
    }, 120_000);
  }
});
