/**
 * The result folder of a batch, written from its checkpoint in (scenario, run) order so that the
 * files are byte-identical whatever executor, worker count or kill/resume produced the runs:
 * summary.json, runs.csv, yearly.csv; manifest.json alone holds times and worker counts.
 */
import { csvRow, checkCsvHeader, type CsvValue } from "./files/csv.js";
import { toPlainJson } from "./files/json.js";
import { ScenarioAggregate, QUANTILE_NAMES } from "./aggregate.js";
import { FORMAT_VERSION } from "./files/format.js";
import { LineBuffer, writeText, type ResultSink } from "./files/sink.js";
import { baseSeedOf, type BatchPlan } from "./plan.js";
import type { RunStore } from "./store.js";
import { HEADLINES, recordLayout } from "./record.js";

/** A JSON path as a CSV column name: $.industries["health-management"].marketTrend -> industries.health-management.marketTrend. */
export function pathColumn(path: string): string {
  return path.replace(/^\$\./, "").replace(/\["([^"]*)"\]/g, ".$1").replace(/\[(\d+)\]/g, ".$1");
}

/** Replaces NaN by null for JSON. */
const nullable = (x: number | null) => (x === null || Number.isNaN(x) ? null : x);

/** Writes runs.csv, yearly.csv and summary.json from the store, in run order; returns the summary. */
export async function writeResults(plan: BatchPlan, store: RunStore, sink: ResultSink) {
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
  const runsCsv = new LineBuffer(sink.open("runs.csv"));
  await runsCsv.line(csvRow(header));
  const aggregates: ScenarioAggregate[] = [];
  for (const [si, s] of plan.scenarios.entries()) {
    const layout = layouts[si];
    const agg = new ScenarioAggregate(s.name, s.scenario, layout);
    const paramAt = new Map(layout.drawnPaths.map((p, i) => [pathColumn(p), i]));
    const targetAt = new Map(layout.targetIds.map((t, i) => [t, layout.targetsAt + 3 * i]));
    for (const { run, seed, values, error } of store.runs(si, 0, plan.runs)) {
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
      await runsCsv.line(csvRow(row, header));
    }
    aggregates.push(agg);
  }
  await runsCsv.close();

  const yearlyHeader = ["scenario", "year", "breakdown", "label", "metric", "mean", "mean_low", "mean_high", ...QUANTILE_NAMES];
  const yearly = new LineBuffer(sink.open("yearly.csv"));
  await yearly.line(csvRow(yearlyHeader));
  for (const agg of aggregates) {
    if (agg.completed === 0) continue;
    for (const c of agg.yearly()) await yearly.line(csvRow([agg.name, c.year, c.by, c.label, c.metric, c.mean, c.low, c.high, ...c.quantiles], yearlyHeader));
  }
  await yearly.close();

  const summary = {
    kind: "clustersim-batch-summary",
    formatVersion: FORMAT_VERSION,
    baseSeed: baseSeedOf(plan),
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
  await writeText(sink, "summary.json", `${JSON.stringify(toPlainJson(summary), null, 2)}\n`);
  return summary;
}

/** The batch summary as written to summary.json. */
export type BatchSummary = Awaited<ReturnType<typeof writeResults>>;
