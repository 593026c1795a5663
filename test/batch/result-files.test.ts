/**
 * The result-file contract (src/batch/files/schemas.ts, columns.ts): what the writers write is
 * exactly what the schemas describe (parsing drops no key and changes no value), the CSV headers
 * are the declared columns, and readers refuse what the contract does not allow.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMPARISON_COLUMNS, YEARLY_COLUMNS, names } from "../../src/batch/files/columns.js";
import { ResultsFolderError, parseResultFiles } from "../../src/batch/files/read.js";
import { ComparisonSchema, ManifestSchema, SummarySchema } from "../../src/batch/files/schemas.js";
import { cli, tempDir } from "./helpers.js";

describe("result files", () => {
  it("summary.json, comparison.json and manifest.json are exactly their schemas; CSV headers are the declared columns", async () => {
    const tmp = tempDir();
    const dir = join(tmp, "o");
    const example = join(import.meta.dirname, "..", "..", "scenarios", "example.json");
    const overlay = join(import.meta.dirname, "..", "..", "scenarios", "example-overlay.json");
    const r = await cli(["compare", example, overlay, "--runs", "4", "--seed", "3", "--workers", "0", "--out", dir, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    const json = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8"));
    for (const [file, schema] of [["summary.json", SummarySchema], ["comparison.json", ComparisonSchema], ["manifest.json", ManifestSchema]] as const) {
      const data = json(file);
      expect(schema.parse(data), file).toEqual(data);
    }
    const summary = json("summary.json");
    const target = summary.scenarios[0].targets.find((t: { kind: string }) => t.kind === "output");
    expect(target).toMatchObject({ parks: expect.any(Array), threshold: expect.any(Number), unit: "亿元/yr", comparison: "at-least" });
    for (const t of summary.scenarios[0].targets) for (const f of t.firstYearMet) expect(f.year === null || Number.isInteger(f.year)).toBe(true);
    const header = (f: string) => readFileSync(join(dir, f), "utf8").split("\n")[0];
    expect(header("yearly.csv")).toBe(names(YEARLY_COLUMNS).join(","));
    expect(header("comparison.csv")).toBe(names(COMPARISON_COLUMNS).join(","));
    const objects = parseResultFiles({ where: dir, read: (f) => readFileSync(join(dir, f), "utf8") });
    expect(objects.comparison!.alternatives[0].targets[0]).toMatchObject({ baseline: expect.any(Number), alternative: expect.any(Number) });
    expect(objects.yearly[0].unit).toBeTruthy();
  });

  it("refuses a summary whose probability is a percentage", async () => {
    const out = join(tempDir(), "o");
    const example = join(import.meta.dirname, "..", "..", "scenarios", "example.json");
    expect((await cli(["batch", example, "--runs", "2", "--workers", "0", "--out", out, "--quiet"])).code).toBe(0);
    const texts = (f: string) => readFileSync(join(out, f), "utf8");
    expect(parseResultFiles({ where: out, read: texts }).summary.scenarios[0].targets.length).toBeGreaterThan(0);
    const summary = JSON.parse(texts("summary.json"));
    summary.scenarios[0].targets[0].probability = 40;
    const read = (f: string) => (f === "summary.json" ? JSON.stringify(summary) : texts(f));
    expect(() => parseResultFiles({ where: out, read })).toThrow(/summary\.json: \$\.scenarios\[0\]\.targets\[0\]\.probability/);
    expect(() => parseResultFiles({ where: out, read })).toThrow(ResultsFolderError);
  });
});
