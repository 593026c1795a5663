/**
 * The result folder of a batch, written from its checkpoint in (scenario, run) order so that the
 * files are byte-identical whatever executor, worker count or kill/resume produced the runs:
 * summary.json, runs.csv, yearly.csv; manifest.json alone holds times and worker counts.
 */
import { closeSync, openSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { csvRow, checkCsvHeader, type CsvValue } from "./files/csv.js";
import { toPlainJson } from "./files/json.js";
import { ScenarioAggregate, QUANTILE_NAMES } from "./aggregate.js";
import type { Checkpoint } from "./checkpoint.js";
import { FORMAT_VERSION } from "./checkpoint.js";
import { runSeed, type BatchPlan } from "./plan.js";
import { HEADLINES, recordLayout } from "./record.js";

/** A JSON path as a CSV column name: $.industries["health-management"].marketTrend -> industries.health-management.marketTrend. */
export function pathColumn(path: string): string {
  return path.replace(/^\$\./, "").replace(/\["([^"]*)"\]/g, ".$1").replace(/\[(\d+)\]/g, ".$1");
}

/** Appends rows to a file in large writes. */
class LineWriter {
  private fd: number;
  private buffer = "";
  constructor(readonly file: string) {
    this.fd = openSync(file, "w");
  }
  line(text: string) {
    this.buffer += `${text}\n`;
    if (this.buffer.length > 1 << 20) this.flush();
  }
  flush() {
    writeSync(this.fd, this.buffer);
    this.buffer = "";
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** Writes `text` to `file` atomically (a temporary file, then a rename). */
function writeAtomic(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** Replaces NaN by null for JSON. */
const nullable = (x: number | null) => (x === null || Number.isNaN(x) ? null : x);

/** Writes runs.csv, summary.json and yearly.csv from the checkpoint; returns the summary. */
export function writeResults(plan: BatchPlan, checkpoint: Checkpoint, dir: string) {
  const layouts = plan.scenarios.map((s) => recordLayout(s.scenario));
  const paramColumns = [...new Set(layouts.flatMap((l) => l.drawnPaths.map(pathColumn)))];
  const targetIds = [...new Set(layouts.flatMap((l) => l.targetIds))];
  const header = [
    "scenario", "run", "seed", "failed", "error",
    ...paramColumns,
    ...targetIds.flatMap((t) => [`${t}.value`, `${t}.met`, `${t}.first_year_met`]),
    ...HEADLINES,
  ];
  checkCsvHeader(header);
  const runsCsv = new LineWriter(join(dir, "runs.csv.tmp"));
  runsCsv.line(csvRow(header));
  const aggregates = plan.scenarios.map((s, si) => {
    const layout = layouts[si];
    const agg = new ScenarioAggregate(s.name, s.scenario, layout);
    const paramAt = new Map(layout.drawnPaths.map((p, i) => [pathColumn(p), i]));
    const targetAt = new Map(layout.targetIds.map((t, i) => [t, layout.targetsAt + 3 * i]));
    for (let run = 0; run < plan.runs; run++) {
      const seed = runSeed(plan.baseSeed, run);
      const { values, error } = checkpoint.read(si, run);
      agg.add(run, seed, values, error);
      const ok = error === null;
      const cell = (i: number | undefined): CsvValue => (ok && i !== undefined && !Number.isNaN(values[i]) ? values[i] : null);
      const row: CsvValue[] = [
        s.name, run, seed, !ok, error ?? "",
        ...paramColumns.map((c) => cell(paramAt.get(c))),
        ...targetIds.flatMap((t) => {
          const at = targetAt.get(t);
          return at === undefined ? [null, null, null] : [cell(at), ok ? values[at + 1] === 1 : null, cell(at + 2)];
        }),
        ...HEADLINES.map((_, h) => cell(layout.headlinesAt + h)),
      ];
      runsCsv.line(csvRow(row, header));
    }
    return agg;
  });
  runsCsv.close();
  renameSync(join(dir, "runs.csv.tmp"), join(dir, "runs.csv"));

  const yearlyHeader = ["scenario", "year", "breakdown", "label", "metric", "mean", "mean_low", "mean_high", ...QUANTILE_NAMES];
  const yearly = new LineWriter(join(dir, "yearly.csv.tmp"));
  yearly.line(csvRow(yearlyHeader));
  for (const agg of aggregates) {
    if (agg.completed === 0) continue;
    for (const c of agg.yearly()) yearly.line(csvRow([agg.name, c.year, c.by, c.label, c.metric, c.mean, c.low, c.high, ...c.quantiles], yearlyHeader));
  }
  yearly.close();
  renameSync(join(dir, "yearly.csv.tmp"), join(dir, "yearly.csv"));

  const summary = {
    kind: "clustersim-batch-summary",
    formatVersion: FORMAT_VERSION,
    baseSeed: plan.baseSeed,
    runs: plan.runs,
    note: "Probabilities carry 95% Wilson intervals and means 95% t-intervals: Monte Carlo error only, not parameter uncertainty (which the runs already sample). Yearly quantiles come from a log-bucket sketch (0.5% relative accuracy); target quantiles are exact (type 7).",
    scenarios: aggregates.map((agg, si) => ({
      name: agg.name,
      hash: plan.scenarios[si].hash,
      runs: plan.runs,
      completed: agg.completed,
      failed: agg.failures.length,
      failures: agg.failures.slice(0, 50),
      targets: agg.targets().map((t) => ({ ...t, probability: nullable(t.probability), quantiles: Object.fromEntries(Object.entries(t.quantiles).map(([k, v]) => [k, nullable(v)])) })),
      headlines: agg.headlineStats().map((h) => ({ ...h, mean: nullable(h.mean) })),
    })),
  };
  writeAtomic(join(dir, "summary.json"), `${JSON.stringify(toPlainJson(summary), null, 2)}\n`);
  return summary;
}

/** The batch summary as written to summary.json. */
export type BatchSummary = ReturnType<typeof writeResults>;
