/** The docs keep up with the code: docs/formats.md names every result file and every fixed CSV column, and the README's links lead somewhere. */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { COMPARISON_COLUMNS, SERIES_COLUMNS, YEARLY_COLUMNS } from "../../src/batch/files/columns.js";
import { ROOT } from "./source-files.js";

/** Docs other helpers write (linked from the README before they land). */
const WRITTEN_ELSEWHERE = new Set(["docs/model.md", "docs/calibration.md", "docs/experiments.md", "docs/robustness.md"]);

describe("docs", () => {
  const formats = readFileSync(join(ROOT, "docs", "formats.md"), "utf8");

  it("formats.md names every column of yearly.csv, comparison.csv and series.csv.gz, and every result file", () => {
    for (const c of [...YEARLY_COLUMNS, ...COMPARISON_COLUMNS, ...SERIES_COLUMNS]) expect(formats, c.name).toContain(`\`${c.name}\``);
    for (const f of ["summary.json", "runs.csv", "yearly.csv", "series.csv.gz", "comparison.json", "comparison.csv", "datapackage.json", "manifest.json", "checkpoint.bin"]) expect(formats, f).toContain(`\`${f}\``);
  });

  it("every relative link of README.md and the folder READMEs leads to a file", () => {
    const missing: string[] = [];
    for (const doc of ["README.md", "src/batch/README.md", "src/report/README.md", "docs/formats.md", "docs/statistics.md", "docs/benchmarks.md", "docs/findings.md"]) {
      const text = readFileSync(join(ROOT, doc), "utf8");
      for (const m of text.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/.test(target)) continue;
        const path = join(dirname(doc), target).split("\\").join("/");
        if (!WRITTEN_ELSEWHERE.has(path) && !existsSync(join(ROOT, path))) missing.push(`${doc} -> ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the README keeps the first five minutes exactly", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const cmd of ["npm install", "npm start", "npm test"]) expect(readme).toMatch(new RegExp(`^${cmd}\\b`, "m"));
  });
});
