/**
 * CSV cells a spreadsheet would run as a formula (a text starting with =, +, -, @, a tab or a
 * carriage return) are written with a leading single quote, and read back as written by the
 * readers; numbers, also negative ones, and number-like texts stay as they are.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvRow, unescapeCsvText } from "../../src/batch/files/csv.js";
import { parseCsv } from "../../src/batch/files/read.js";
import { cli, ROOT, tempDir } from "./helpers.js";

describe("formula-like CSV cells", () => {
  it("get a leading quote; numbers and plain texts do not", () => {
    expect(csvRow(["=1+2", "+x", "-cmd", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://e\")"])).toBe(`'=1+2,'+x,'-cmd,'@SUM(A1),'\tx,"'=HYPERLINK(""http://e"")"`);
    expect(csvRow([-1.5, "-1.5", "+2", "-", "a=b", "x-y", "'plain"])).toBe("-1.5,-1.5,+2,'-,a=b,x-y,'plain");
    expect(csvRow(["'=x", "''@y"])).toBe("''=x,'''@y");
  });

  it("read back as they were", () => {
    for (const text of ["=1+2", "+x", "-cmd", "@SUM(A1)", "\tx", "'=x", "''@y", "'plain", "-1.5", "-", "plain"]) {
      const [[cell]] = parseCsv(`${csvRow([text])}\n`);
      expect(unescapeCsvText(cell)).toBe(text);
    }
  });

  it("in a batch of a scenario named like a formula: escaped in runs.csv and yearly.csv, and the report still finds its rows", async () => {
    const dir = tempDir();
    const scenario = join(dir, "s.json");
    const name = "=HYPERLINK(\"http://example.com\",\"x\")";
    writeFileSync(scenario, JSON.stringify({ extends: join(ROOT, "scenarios", "example.json"), name }));
    const out = join(dir, "o");
    const r = await cli(["batch", scenario, "--runs", "2", "--workers", "0", "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ["runs.csv", "yearly.csv"]) {
      const rows = parseCsv(readFileSync(join(out, f), "utf8"));
      expect(rows[1][0], f).toBe(`'${name}`);
    }
    const report = await cli(["report", out, "-o", join(dir, "r.html")]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(/report with [1-9]\d* charts/);
    expect(readFileSync(join(dir, "r.html"), "utf8")).toContain("=HYPERLINK(&quot;http://example.com&quot;,&quot;x&quot;)");
  });
});
