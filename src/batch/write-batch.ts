/**
 * The result files of a finished batch, written from its store in run order into a sink:
 * summary.json, runs.csv, yearly.csv (and series.csv.gz when asked), for a comparison
 * comparison.json and .csv, the resolved scenarios (scenarios/<name>.json: the folder is
 * self-contained) and datapackage.json describing them all. The same store gives the same bytes
 * whatever executor, worker count or kill/resume produced it; manifest.json (times, workers, the
 * list of files with their hashes) is the caller's, written last.
 */
import { writeComparison } from "./comparison.js";
import { COMPARISON_COLUMNS } from "./files/columns.js";
import { dataPackage, type JsonFile, type TableFile } from "./files/datapackage.js";
import { scenarioPaths } from "./files/folder-files.js";
import type { Comparison, Summary } from "./files/schemas.js";
import { writeText, type ResultSink } from "./files/sink.js";
import type { BatchPlan } from "./plan.js";
import { writeResults } from "./results.js";
import type { RunStore } from "./store.js";

/** What kind of folder: a batch, or a comparison (scenario 0 the baseline). */
export type FolderKind = "batch" | "comparison";

/** The result objects of a batch (a comparison's also when the folder is one). */
export interface BatchFiles {
  summary: Summary;
  comparison: Comparison | null;
}

/** Options of writeBatchFiles. */
export interface WriteOptions {
  kind?: FolderKind;
  /** also write series.csv.gz */
  series?: boolean;
  /** stops the writing (it yields to the event loop about every 20 ms and throws the signal's reason once aborted) */
  signal?: AbortSignal;
}

/** Writes the result files of `plan` from `store` into `sink`. */
export async function writeBatchFiles(plan: BatchPlan, store: RunStore, sink: ResultSink, options: WriteOptions = {}): Promise<BatchFiles> {
  const kind = options.kind ?? "batch";
  const { summary, columns } = await writeResults(plan, store, sink, { series: options.series, signal: options.signal });
  const comparison = kind === "comparison" ? await writeComparison(plan, store, sink, options.signal) : null;
  const resolved = scenarioPaths(plan);
  for (const [i, s] of plan.scenarios.entries()) await writeText(sink, resolved[i], `${JSON.stringify(s.raw ?? s.scenario, null, 2)}\n`);
  const tables: TableFile[] = [
    { name: "runs", path: "runs.csv", description: "one row per run, in (scenario, run) order: its seed, drawn parameters, targets and headline figures", columns: columns.runs, primaryKey: ["scenario", "run"] },
    { name: "yearly", path: "yearly.csv", description: "yearly fans: per scenario, year, metric and label the mean over the runs with its 95% interval and quantiles", columns: columns.yearly, primaryKey: ["scenario", "year", "breakdown", "label", "metric"] },
  ];
  if (columns.series)
    tables.push({ name: "series", path: "series.csv.gz", description: "every run's yearly values (the metrics of yearly.csv), long and tidy, in run order; gzip-compressed", columns: columns.series, primaryKey: ["scenario", "run", "year", "breakdown", "label", "metric"] });
  if (comparison)
    tables.push({ name: "comparison", path: "comparison.csv", description: "each alternative against the baseline over the same seeds: both levels, the difference and its 95% interval", columns: COMPARISON_COLUMNS, primaryKey: ["alternative", "kind", "name", "breakdown", "label", "year"] });
  const json: JsonFile[] = [
    { name: "summary", path: "summary.json", description: "per scenario and target: the probability met with its interval, the value's quantiles, the first year met; headline means (schema: src/batch/files/schemas.ts)" },
    ...(comparison ? [{ name: "comparison-json", path: "comparison.json", description: "the paired comparison as JSON, with the ranking of the alternatives per target" }] : []),
    ...plan.scenarios.map((s, i) => ({ name: `scenario-${i}`, path: resolved[i], description: `the resolved scenario "${s.name}" that ran (after extends and --set changes; hash ${s.hash})` })),
    { name: "manifest", path: "manifest.json", description: "provenance: engine, build, git commit, scenario files and hashes, seeds, workers, times; every other file with its size and SHA-256" },
  ];
  await writeText(sink, "datapackage.json", `${JSON.stringify(dataPackage(plan, kind, tables, json), null, 2)}\n`);
  return { summary, comparison };
}
