/**
 * datapackage.json of a compare folder with --series: valid against the official Frictionless
 * Data Package v1 profiles (vendored in fixtures/data-package, draft-04 JSON Schemas checked
 * with ajv; no network), every CSV (also series.csv.gz) described column by column in header
 * order with type, unit and description, and every cell of the right type.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { parseCsv } from "../../src/batch/files/read.js";
import { cli, smallScenario, tempDir } from "./helpers.js";

const profiles = join(import.meta.dirname, "fixtures", "data-package");
/** ajv-draft-04 and ajv-formats are CommonJS: the class and the plugin are each module's `default` under NodeNext. */
const ajv = new ajvDraft04.default({ strict: false, allErrors: true });
const addFormats = (ajvFormats as unknown as { default: (a: typeof ajv) => typeof ajv }).default;
addFormats(ajv);
ajv.addFormat("textarea", true);
const validatePackage = ajv.compile(JSON.parse(readFileSync(join(profiles, "data-package.json"), "utf8")));
const validateTable = ajv.compile(JSON.parse(readFileSync(join(profiles, "tabular-data-resource.json"), "utf8")));

interface Field {
  name: string;
  type: string;
  unit?: string;
  description?: string;
  trueValues?: string[];
  falseValues?: string[];
}
interface Resource {
  name: string;
  path: string;
  profile: string;
  schema?: { fields: Field[] };
}

/** Whether a CSV cell fits a Table Schema type ("" is missing, allowed everywhere). */
function fits(cell: string, f: Field): boolean {
  if (cell === "") return true;
  switch (f.type) {
    case "integer": return /^-?\d+$/.test(cell);
    case "number": return Number.isFinite(Number(cell));
    case "boolean": return (f.trueValues ?? []).includes(cell) || (f.falseValues ?? []).includes(cell);
    default: return true;
  }
}

describe("datapackage.json", () => {
  let dir: string;
  let pkg: { resources: Resource[]; clustersim: Record<string, unknown> };

  beforeAll(async () => {
    const tmp = tempDir();
    dir = join(tmp, "out");
    const files = [smallScenario(tmp, "small"), smallScenario(tmp, "other")];
    const r = await cli(["compare", ...files, "--runs", "5", "--seed", "4", "--workers", "0", "--series", "--out", dir, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    pkg = JSON.parse(readFileSync(join(dir, "datapackage.json"), "utf8"));
  });

  it("is a valid Data Package, each CSV a valid Tabular Data Resource", () => {
    expect(validatePackage(pkg), JSON.stringify(validatePackage.errors)).toBe(true);
    const tables = pkg.resources.filter((r) => r.profile === "tabular-data-resource");
    expect(tables.map((t) => t.path).sort()).toEqual(["comparison.csv", "runs.csv", "series.csv.gz", "yearly.csv"]);
    for (const t of tables) expect(validateTable(t), `${t.path}: ${JSON.stringify(validateTable.errors)}`).toBe(true);
    expect(pkg.resources.map((r) => r.path)).toEqual(expect.arrayContaining(["summary.json", "comparison.json", "manifest.json"]));
  });

  it("the validators catch a broken package", () => {
    expect(validatePackage({ ...pkg, resources: [] })).toBe(false);
    const runs = pkg.resources.find((r) => r.path === "runs.csv")!;
    expect(validateTable({ ...runs, schema: { fields: [{ name: "x", type: "decimal" }] } })).toBe(false);
  });

  it("describes every column of every CSV, in header order, with type, unit and description, and every cell fits its type", () => {
    for (const t of pkg.resources.filter((r) => r.schema)) {
      const raw = readFileSync(join(dir, t.path));
      const text = (t.path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
      const [header, ...rows] = parseCsv(text);
      const fields = t.schema!.fields;
      expect(fields.map((f) => f.name), t.path).toEqual(header);
      for (const f of fields) {
        expect(typeof f.unit, `${t.path} ${f.name}`).toBe("string");
        expect(f.description!.length, `${t.path} ${f.name}`).toBeGreaterThan(3);
      }
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) fields.forEach((f, i) => expect(fits(row[i], f), `${t.path} ${f.name} "${row[i]}"`).toBe(true));
    }
  });

  it("carries the scenarios, seeds and build as metadata", () => {
    const meta = pkg.clustersim as { scenarios: { name: string; hash: string }[]; seeds: { kind: string; baseSeed: number }; engineVersion: string; buildId: string; runs: number };
    expect(meta.scenarios.map((s) => s.name)).toEqual(["small", "other"]);
    expect(meta.scenarios[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.seeds).toMatchObject({ kind: "derived", baseSeed: 4 });
    expect(meta.runs).toBe(5);
    expect(meta.engineVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(typeof meta.buildId).toBe("string");
  });
});
