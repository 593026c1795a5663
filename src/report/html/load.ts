/**
 * Reads and checks a results folder for the report: manifest.json, summary.json and yearly.csv,
 * plus comparison.json for a comparison. A folder the report cannot read (missing files, another
 * program's files, an unknown formatVersion, a malformed field) is a ResultsFolderError.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import {
  ComparisonSchema, ManifestSchema, SummarySchema,
  type Comparison, type Manifest, type Summary, type YearlyRow,
} from "./inputs.js";
import { parseYearlyCsv } from "./yearly-csv.js";

/** The one formatVersion of result files this report reads. */
export const KNOWN_FORMAT_VERSION = 1;

/** A results folder the report cannot read; the message says which file and why. */
export class ResultsFolderError extends Error {}

/** Everything the report needs from a results folder. */
export interface ResultsFolder {
  dir: string;
  manifest: Manifest;
  summary: Summary;
  yearly: YearlyRow[];
  /** present when manifest.kind is "comparison" */
  comparison: Comparison | null;
}

/** Reads a JSON file of the folder; a missing or unparsable file is a ResultsFolderError. */
function readJson(dir: string, name: string): unknown {
  const file = join(dir, name);
  if (!existsSync(file)) throw new ResultsFolderError(`${dir} is not a clustersim results folder: ${name} is missing`);
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ResultsFolderError(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

/** Checks `kind` and `formatVersion` first (clear messages for foreign or newer files), then the shape. */
function check<S extends z.ZodType>(file: string, data: unknown, kinds: readonly string[], schema: S): z.infer<S> {
  const record = (data ?? {}) as { kind?: unknown; formatVersion?: unknown };
  if (typeof data !== "object" || data === null || Array.isArray(data) || !kinds.includes(record.kind as string))
    throw new ResultsFolderError(`${file} is not a clustersim results file: expected "kind" to be ${kinds.map((k) => `"${k}"`).join(" or ")}, found ${JSON.stringify(record.kind ?? null)}`);
  if (record.formatVersion !== KNOWN_FORMAT_VERSION)
    throw new ResultsFolderError(`${file} has formatVersion ${JSON.stringify(record.formatVersion ?? null)}; this clustersim reads formatVersion ${KNOWN_FORMAT_VERSION} only (was the folder written by another version?)`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `$${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}: ${i.message}`);
    throw new ResultsFolderError(`${file}: ${issues.join("; ")}`);
  }
  return parsed.data;
}

/** Reads the results folder `dir`, or throws a ResultsFolderError saying what is wrong with it. */
export function readResultsFolder(dir: string): ResultsFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ResultsFolderError(`${dir}: no such results folder`);
  const manifest = check(join(dir, "manifest.json"), readJson(dir, "manifest.json"), ["batch", "comparison"], ManifestSchema);
  const summary = check(join(dir, "summary.json"), readJson(dir, "summary.json"), ["clustersim-batch-summary"], SummarySchema);
  const yearlyFile = join(dir, "yearly.csv");
  if (!existsSync(yearlyFile)) throw new ResultsFolderError(`${dir} is not a complete results folder: yearly.csv is missing`);
  let yearly: YearlyRow[];
  try {
    yearly = parseYearlyCsv(readFileSync(yearlyFile, "utf8"));
  } catch (err) {
    throw new ResultsFolderError(`${yearlyFile}: ${(err as Error).message}`);
  }
  let comparison: Comparison | null = null;
  if (manifest.kind === "comparison") {
    comparison = check(join(dir, "comparison.json"), readJson(dir, "comparison.json"), ["clustersim-comparison"], ComparisonSchema);
    const names = new Set(summary.scenarios.map((s) => s.name));
    const missing = [comparison.baseline, ...comparison.alternatives.map((a) => a.name)].filter((n) => !names.has(n));
    if (missing.length > 0) throw new ResultsFolderError(`${join(dir, "comparison.json")}: scenario ${missing.map((n) => `"${n}"`).join(", ")} is not in summary.json`);
  }
  return { dir, manifest, summary, yearly, comparison };
}
