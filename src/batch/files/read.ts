/**
 * Reading result files back, from their texts (a Node folder reader is node/read-folder.ts; a
 * browser page passes the texts it fetched or the objects it made): each JSON file is checked
 * against the schemas of files/schemas.ts, yearly.csv against its columns (files/columns.ts).
 * A file the reader cannot use (another program's, another formatVersion, a malformed field) is
 * a ResultsFolderError that says which file and why.
 */
import type { z } from "zod";
import { InputError } from "../../scenario/input-error.js";
import { YEARLY_COLUMNS, names } from "./columns.js";
import { unescapeCsvText } from "./csv.js";
import { FORMAT_VERSION } from "./format.js";
import { ComparisonSchema, ManifestSchema, SummarySchema, type Comparison, type Manifest, type Summary } from "./schemas.js";

/** A results folder (or one of its files) that cannot be read; the message says which file and why. */
export class ResultsFolderError extends InputError {}

/** One row of yearly.csv: a metric's mean (95% interval) and quantiles over the runs in a year. */
export interface YearlyRow {
  scenario: string;
  year: number;
  breakdown: string;
  label: string;
  metric: string;
  unit: string;
  mean: number | null;
  meanLow: number | null;
  meanHigh: number | null;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
}

/** The result objects of a batch or comparison folder. */
export interface ResultObjects {
  manifest: Manifest;
  summary: Summary;
  yearly: YearlyRow[];
  /** present when manifest.kind is "comparison" */
  comparison: Comparison | null;
}

/** Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and line ends) into records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field), records.push(record), (record = []), (field = "");
    } else field += c;
  }
  if (field !== "" || record.length > 0) record.push(field), records.push(record);
  return records;
}

/** A numeric cell: empty means missing (null); anything else must be a finite number. */
function cell(text: string, where: string): number | null {
  if (text === "") return null;
  const x = Number(text);
  if (!Number.isFinite(x)) throw new Error(`${where}: expected a number, got "${text}"`);
  return x;
}

/** Parses yearly.csv text; throws an Error naming the line when the header or a value is wrong. */
export function parseYearlyCsv(text: string): YearlyRow[] {
  const want = names(YEARLY_COLUMNS);
  const [header, ...records] = parseCsv(text);
  if (!header || header.length !== want.length || want.some((name, i) => header[i] !== name)) throw new Error(`line 1: expected the header ${want.join(",")}`);
  return records.map((r, i) => {
    const where = `line ${i + 2}`;
    if (r.length !== want.length) throw new Error(`${where}: expected ${want.length} fields, got ${r.length}`);
    const n = (k: number) => cell(r[k], `${where}, ${want[k]}`);
    const year = n(1);
    if (year === null || !Number.isInteger(year)) throw new Error(`${where}: expected a whole year, got "${r[1]}"`);
    const t = (k: number) => unescapeCsvText(r[k]);
    return { scenario: t(0), year, breakdown: t(2), label: t(3), metric: t(4), unit: t(5), mean: n(6), meanLow: n(7), meanHigh: n(8), p5: n(9), p25: n(10), p50: n(11), p75: n(12), p95: n(13) };
  });
}

/** Parses a JSON result file, checking `kind` and `formatVersion` first (clear messages for foreign or newer files), then the shape. */
export function parseResultJson<S extends z.ZodType>(file: string, text: string, kinds: readonly string[], schema: S): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ResultsFolderError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const record = (data ?? {}) as { kind?: unknown; formatVersion?: unknown };
  if (typeof data !== "object" || data === null || Array.isArray(data) || !kinds.includes(record.kind as string))
    throw new ResultsFolderError(`${file} is not a clustersim results file: expected "kind" to be ${kinds.map((k) => `"${k}"`).join(" or ")}, found ${JSON.stringify(record.kind ?? null)}`);
  if (record.formatVersion !== FORMAT_VERSION)
    throw new ResultsFolderError(`${file} has formatVersion ${JSON.stringify(record.formatVersion ?? null)}; this clustersim reads formatVersion ${FORMAT_VERSION} only (was the folder written by another version?)`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `$${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}: ${i.message}`);
    throw new ResultsFolderError(`${file}: ${issues.join("; ")}`);
  }
  return parsed.data;
}

/** The texts of a folder's files, by name; a missing file is undefined. `where` names the folder in messages. */
export interface ResultTexts {
  where: string;
  read(name: string): string | undefined;
}

/** Parses and checks a folder's result files (manifest.json, summary.json, yearly.csv, and comparison.json for a comparison). */
export function parseResultFiles({ where, read }: ResultTexts): ResultObjects {
  const text = (name: string) => {
    const t = read(name);
    if (t === undefined) throw new ResultsFolderError(`${where} is not a clustersim results folder: ${name} is missing`);
    return t;
  };
  const path = (name: string) => `${where}/${name}`;
  const manifest = parseResultJson(path("manifest.json"), text("manifest.json"), ["batch", "comparison"], ManifestSchema);
  const summary = parseResultJson(path("summary.json"), text("summary.json"), ["clustersim-batch-summary"], SummarySchema);
  let yearly: YearlyRow[];
  try {
    yearly = parseYearlyCsv(text("yearly.csv"));
  } catch (err) {
    if (err instanceof ResultsFolderError) throw err;
    throw new ResultsFolderError(`${path("yearly.csv")}: ${(err as Error).message}`);
  }
  let comparison: Comparison | null = null;
  if (manifest.kind === "comparison") {
    comparison = parseResultJson(path("comparison.json"), text("comparison.json"), ["clustersim-comparison"], ComparisonSchema);
    const scenarioNames = new Set(summary.scenarios.map((s) => s.name));
    const missing = [comparison.baseline, ...comparison.alternatives.map((a) => a.name)].filter((n) => !scenarioNames.has(n));
    if (missing.length > 0) throw new ResultsFolderError(`${path("comparison.json")}: scenario ${missing.map((n) => `"${n}"`).join(", ")} is not in summary.json`);
  }
  return { manifest, summary, yearly, comparison };
}
