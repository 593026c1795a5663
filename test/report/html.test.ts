/**
 * The HTML report (src/report/html, `clustersim report`): a report of a batch made here with the
 * CLI and of the checked-in comparison fixture, their content, offline self-containment, the
 * refusal of folders it cannot read, and where the file is written.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import { commands } from "../../src/cli/commands.js";
import { EXIT, type CliIO } from "../../src/cli/command.js";
import { reportCommand } from "../../src/cli/report.js";
import { targetLines } from "../../src/report/html/park-targets.js";
import { parseCsv, parseResultFiles, parseYearlyCsv } from "../../src/batch/files/read.js";
import { renderReport } from "../../src/report/html/render-report.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { SummaryTarget } from "../../src/report/html/inputs.js";

const example = fileURLToPath(new URL("../../scenarios/example.json", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/comparison", import.meta.url));
const withReport = commands.some((c) => c.name === "report") ? commands : [...commands, reportCommand];

/** Runs the CLI (with the report command) in this process. */
async function cli(args: string[]) {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color: false, stderrIsTTY: false };
  const code = await main(args, io, withReport);
  return { code, ...out };
}

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "clustersim-report-"));
  temps.push(dir);
  return dir;
}
afterEach(() => vi.unstubAllGlobals());
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Every external reference of a page: http(s) URLs, <script>, <link>, @import and url(...) other than #ids. */
function externalRefs(html: string): string[] {
  const urls = (html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).filter((u) => u !== "http://www.w3.org/2000/svg");
  const tags = html.match(/<script\b[^>]*>|<link\b[^>]*>|<img\b[^>]*>|<iframe\b[^>]*>|@import|url\((?!#)[^)]*\)/gi) ?? [];
  return [...urls, ...tags];
}

/** The ids of the page that occur more than once. */
function duplicateIds(html: string): string[] {
  const seen = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/** Asserts that the page contains `text` (the message names the text, not the whole page). */
function has(html: string, text: string): void {
  expect(html.includes(text), `the report should contain ${JSON.stringify(text)}`).toBe(true);
}

/** Asserts that the page does not contain `text`. */
function lacks(html: string, text: string): void {
  expect(html.includes(text), `the report should not contain ${JSON.stringify(text)}`).toBe(false);
}

const svgCount = (html: string) => (html.match(/<svg\b/g) ?? []).length;

describe("report of a batch folder", () => {
  let dir: string;
  let html: string;
  let manifest: { scenarios: { hash: string }[]; baseSeed: number };
  let summary: { scenarios: { targets: { id: string; probability: number }[] }[] };

  beforeAll(async () => {
    dir = temp();
    const batch = await cli(["batch", example, "--runs", "4", "--seed", "11", "--workers", "0", "--out", dir, "--quiet"]);
    expect(batch.code).toBe(EXIT.ok);
    // no network during rendering: any fetch fails the report
    vi.stubGlobal("fetch", () => Promise.reject(new Error("the report must not fetch")));
    const report = await cli(["report", dir]);
    expect(report.stderr).toContain("report.html");
    expect(report.code).toBe(EXIT.ok);
    html = readFileSync(join(dir, "report.html"), "utf8");
    manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
  });

  it("writes <results-dir>/report.html by default, one HTML document", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    has(html, '<meta charset="utf-8">');
  });

  it("has a chart per park (fan), the target probabilities and the leads lost", () => {
    // example.json has two parks: 2 fan charts + 1 probability chart + 1 leads chart
    expect(svgCount(html)).toBe(4);
    has(html, "Probability of meeting each target");
    has(html, "Investment leads lost by 2020, by reason");
    has(html, "Output of each park by year");
    has(html, "went to a competitor park");
  });

  it("names the scenario, its targets and their probabilities", () => {
    has(html, "example");
    for (const t of summary.scenarios[0].targets) {
      has(html, t.id);
      has(html, `${(t.probability * 100).toFixed(1)}%`);
    }
  });

  it("uses the scenario file's Chinese park names and draws the output target line in its park's chart", () => {
    has(html, "医学城（示例）");
    has(html, "健康服务园（示例）");
    has(html, "2020 target ≥ 300 亿元/yr");
    has(html, "Dashed line: Medical City output of 300 亿 in 2020 (biopark-output).");
  });

  it("shows the provenance, the units line and how to read it", () => {
    has(html, manifest.scenarios[0].hash.slice(0, 12));
    has(html, "base seed 11");
    has(html, "deriveSeed(11, i)");
    has(html, "4 per scenario");
    has(html, "亿元 = 100 million yuan");
    has(html, "How to read this");
    has(html, "Monte Carlo error only");
    has(html, "what is tested, not tuned");
  });

  it("is self-contained: no scripts, links or URLs but the SVG namespace; a Chinese font list; unique ids", () => {
    expect(externalRefs(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    has(html, "WenQuanYi Micro Hei");
    has(html, "Noto Sans CJK SC");
    expect(duplicateIds(html)).toEqual([]);
  });
});

describe("report of a comparison folder", () => {
  let out: string;
  let html: string;

  beforeAll(async () => {
    out = join(temp(), "nested", "cmp.html");
    const report = await cli(["report", fixture, "-o", out]);
    expect(report.code).toBe(EXIT.ok);
    html = readFileSync(out, "utf8");
  });

  it("writes the file where -o asks, and nothing into the results folder", () => {
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(fixture, "report.html"))).toBe(false);
  });

  it("has the comparison charts, then every scenario's charts", () => {
    // change in probability 1 + difference by park 2 + probabilities 1 + fans 2 parks x 2 scenarios + leads 1 (cost per point is a table, 亿元 per point only)
    expect(svgCount(html)).toBe(9);
    has(html, "Change in the probability of each target against example");
    lacks(html, "Probability gained per 亿元 of added fiscal cost");
    has(html, "Output gained or lost, by park and year");
    has(html, "example-more-promotion minus example");
    has(html, "Ranking of the alternatives for each target");
    has(html, "Change in the headline numbers");
  });

  it("reports the change, its interval, the added cost and the cost per probability point", () => {
    has(html, "+25.0 pp");
    has(html, "+1.2 to +48.8 pp");
    has(html, "+3.20");
    // 1 / (100 x 0.078125) = 0.128 亿元 per percentage point
    has(html, "0.128");
    // targets met in no run of either scenario say so instead of a change
    has(html, "met in no run of either");
  });

  it("names both scenarios and the baseline, every target id, the provenance", () => {
    const manifest = JSON.parse(readFileSync(join(fixture, "manifest.json"), "utf8"));
    has(html, "example-more-promotion");
    has(html, "(the baseline)");
    for (const id of ["anchors-signed", "biopark-output", "clusters", "top-ten"]) has(html, id);
    for (const s of manifest.scenarios) has(html, s.hash.slice(0, 12));
    has(html, "base seed 7");
    has(html, "亿元 = 100 million yuan");
  });

  it("falls back to park ids when the scenario files are not found, still placing the target in its park's chart", () => {
    lacks(html, "医学城（示例）");
    has(html, "Dashed line: Medical City output of 300 亿 in 2020 (biopark-output).");
  });

  it("is self-contained with unique ids", () => {
    expect(externalRefs(html)).toEqual([]);
    expect(duplicateIds(html)).toEqual([]);
  });

  it("puts the planner's verdict first and the provenance last", () => {
    const at = (text: string) => {
      const i = html.indexOf(text);
      expect(i, text).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = ['<section id="verdict">', 'class="howto"', '<section id="changes">', '<section id="cost">', '<section id="targets">', '<section id="provenance">', "<footer>"].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    has(html, 'data-family="attraction"');
    has(html, '<i class="pb-key alt"></i>example-more-promotion');
    has(html, "亿元 per point");
  });
});

describe("report from result objects (what a browser page does)", () => {
  it("renders the fixture's objects, parsed from texts in memory, with the same charts and no folder", async () => {
    const texts = new Map(["manifest.json", "summary.json", "yearly.csv", "comparison.json"].map((f) => [f, readFileSync(join(fixture, f), "utf8")]));
    const objects = parseResultFiles({ where: "memory", read: (name) => texts.get(name) });
    const report = await renderReport(objects);
    expect(report.charts).toBe(9);
    has(report.html, "Change in the probability of each target against example");
    lacks(report.html, "Results folder");
    const fromFolder = await renderReport({ ...objects, dir: fixture });
    has(fromFolder.html, "Results folder");
  });
});

describe("report of a folder written by `clustersim compare`", () => {
  const hasCompare = commands.some((c) => c.name === "compare");
  const overlay = fileURLToPath(new URL("../../scenarios/example-overlay.json", import.meta.url));

  it.skipIf(!hasCompare)("reads the compare command's own files", async () => {
    const dir = temp();
    expect((await cli(["compare", example, overlay, "--runs", "4", "--workers", "0", "--out", dir, "--quiet"])).code).toBe(EXIT.ok);
    const r = await cli(["report", dir]);
    expect(r.stderr).not.toContain("failed");
    expect(r.code).toBe(EXIT.ok);
    const html = readFileSync(join(dir, "report.html"), "utf8");
    has(html, "Change in the probability of each target against example");
    has(html, "example-more-promotion minus example");
    // the alternative's own description, read from its scenario file, heads its verdict
    const description = (await loadScenario(overlay)).scenario.description ?? "";
    expect(description).not.toBe("");
    has(html, `<p class="lever-description">${description.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;")}</p>`);
    expect(externalRefs(html)).toEqual([]);
  });
});

describe("folders the report refuses (exit 2, no file)", () => {
  /**
   * A copy of the comparison fixture with `edit` applied, its manifest resealed (the size and
   * SHA-256 of every listed file that is still there), so that the reader's own checks are what
   * refuses it; a file's mismatch with the manifest is tested in test/batch/folder-integrity.test.ts.
   */
  function broken(edit: (dir: string) => void): string {
    const dir = join(temp(), "results");
    cpSync(fixture, dir, { recursive: true });
    edit(dir);
    const file = join(dir, "manifest.json");
    if (!existsSync(file)) return dir;
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    for (const f of manifest.files) {
      if (!existsSync(join(dir, f.path))) continue;
      const bytes = readFileSync(join(dir, f.path));
      Object.assign(f, { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
    }
    writeFileSync(file, JSON.stringify(manifest));
    return dir;
  }
  const setJson = (file: string, change: (x: Record<string, unknown>) => void) => {
    const data = JSON.parse(readFileSync(file, "utf8"));
    change(data);
    writeFileSync(file, JSON.stringify(data));
  };

  it.each([
    ["manifest.json", 1],
    ["summary.json", 2],
    ["comparison.json", 1],
    ["manifest.json", "3"],
  ])("an unknown formatVersion in %s (%j)", async (file, version) => {
    const dir = broken((d) => setJson(join(d, file), (x) => void (x.formatVersion = version)));
    const r = await cli(["report", dir]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain("formatVersion");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "report.html"))).toBe(false);
  });

  it.each(["manifest.json", "summary.json", "yearly.csv", "comparison.json"])("a folder without %s", async (file) => {
    const dir = broken((d) => rmSync(join(d, file)));
    const r = await cli(["report", dir]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain("missing");
  });

  it("a file that is not one of ours", async () => {
    const dir = broken((d) => writeFileSync(join(d, "summary.json"), JSON.stringify({ kind: "something-else", formatVersion: 3 })));
    const r = await cli(["report", dir]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain("not a clustersim results file");
  });

  it("a malformed field, a bad yearly.csv, a missing folder, no argument", async () => {
    const field = broken((d) => setJson(join(d, "summary.json"), (x) => void ((x.scenarios as { runs: unknown }[])[0].runs = "many")));
    expect((await cli(["report", field])).stderr).toContain("$.scenarios[0].runs");
    const csv = broken((d) => writeFileSync(join(d, "yearly.csv"), "a,b\n1,2\n"));
    expect((await cli(["report", csv])).code).toBe(EXIT.usage);
    const gone = await cli(["report", join(temp(), "no-such-folder")]);
    expect(gone.code).toBe(EXIT.usage);
    expect(gone.stderr).toContain("no such results folder");
    const none = await cli(["report"]);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toContain("Usage: clustersim report");
  });
});

describe("park targets and yearly.csv", () => {
  const target = (id: string, fields: Partial<SummaryTarget>): SummaryTarget => ({
    id, label: id, kind: "output", year: 2022, goal: ">= 500 亿元/yr", value: "output", unit: "亿元/yr", comparison: "at-least", threshold: 500,
    runs: 1, met: 0, probability: 0, low: 0, high: 0, quantiles: { p5: 0, p25: 0, p50: 0, p75: 0, p95: 0 }, quantileMethod: "exact-type7", firstYearMet: [], ...fields,
  });
  const parks = ["agri-park", "health-service", "medical-city"];

  it("draws an output target of one park in that park's chart at its threshold, whatever its id and label say", () => {
    const t = [
      target("cluster-500-agri-2022", { label: "Agricultural park cluster >= 500 亿", parks: ["health-service"] }),
      target("medical", { parks: ["medical-city"], threshold: 1000 }),
      target("two-parks", { parks: ["medical-city", "agri-park"] }),
      target("drawn", { parks: ["agri-park"], threshold: null }),
      target("industry", { scope: "industries", industries: ["biopharma"] }),
      target("rank", { kind: "rank", parks: ["agri-park"], threshold: 10 }),
    ];
    const lines = targetLines(t, parks);
    expect(lines.get("health-service")!.map((l) => [l.id, l.threshold])).toEqual([["cluster-500-agri-2022", 500]]);
    expect(lines.get("medical-city")!.map((l) => [l.id, l.threshold])).toEqual([["medical", 1000]]);
    expect(lines.get("agri-park")).toEqual([]);
  });

  it("reads quoted CSV fields and empty cells as missing", () => {
    expect(parseCsv('a,"b,c","d""e"\n1,,3\n')).toEqual([["a", "b,c", 'd"e'], ["1", "", "3"]]);
    const rows = parseYearlyCsv("scenario,year,breakdown,label,metric,unit,mean,mean_low,mean_high,p5,p25,p50,p75,p95\ns,2020,park,\"a,b\",output,亿元/yr,1,0.5,1.5,,0,1,2,3\n");
    expect(rows[0]).toMatchObject({ scenario: "s", year: 2020, label: "a,b", unit: "亿元/yr", mean: 1, p5: null, p95: 3 });
    expect(() => parseYearlyCsv("scenario,year\n")).toThrow(/header/);
    expect(() => parseYearlyCsv("scenario,year,breakdown,label,metric,mean,mean_low,mean_high,p5,p25,p50,p75,p95\n")).toThrow(/header/);
  });
});
