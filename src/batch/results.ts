/**
 * The result files of a batch, written from its store in (scenario, run) order so that they are
 * byte-identical whatever executor, worker count or kill/resume produced the runs: runs.csv,
 * yearly.csv, summary.json and, when asked, series.csv.gz (every run's yearly values, long).
 * Columns come from files/columns.ts, summary.json's shape from files/schemas.ts.
 */
import { describeTarget } from "../model/target-description.js";
import { parseJsonPath } from "../scenario/json-path.js";
import { ScenarioAggregate } from "./aggregate.js";
import { SERIES_COLUMNS, YEARLY_COLUMNS, names, runsColumns, type Column } from "./files/columns.js";
import { csvRow, checkCsvHeader, type CsvValue } from "./files/csv.js";
import { FORMAT_VERSION } from "./files/format.js";
import { toPlainJson } from "./files/json.js";
import type { Summary } from "./files/schemas.js";
import { LineBuffer, writeText, type ResultSink } from "./files/sink.js";
import { HEADLINES } from "./headlines.js";
import { baseSeedOf, type BatchPlan } from "./plan.js";
import { pacer } from "./pace.js";
import { SLOW_WRITE_MS, hasFault, sleepBlocking } from "./faults.js";
import { recordLayout } from "./record.js";
import type { RunStore } from "./store.js";

/** A JSON path as a CSV column name: $.industries["health-management"].marketTrend -> industries.health-management.marketTrend. */
export function pathColumn(path: string): string {
  const segments = parseJsonPath(path);
  if (segments === null) throw new Error(`not a JSON path in the written form: ${path}`);
  return segments.join(".");
}

/** What summary.json's note says about its numbers. */
const SUMMARY_NOTE =
  "Probabilities are fractions (0-1) with 95% Wilson intervals and means carry 95% t-intervals: Monte Carlo error only, not parameter uncertainty (which the runs already sample). Yearly quantiles come from a log-bucket sketch (0.5% relative accuracy); target quantiles are exact (type 7). Money in 亿元 (100 million yuan).";

/** The column lists of a batch's CSV files (for the Data Package). */
export interface BatchColumns {
  runs: Column[];
  yearly: readonly Column[];
  series: readonly Column[] | null;
  comparison?: readonly Column[];
}

/** Options of the result writer. */
export interface ResultOptions {
  /** also write series.csv.gz */
  series?: boolean;
  /** stops the writing (checked about every 20 ms, when the writer yields to the event loop) */
  signal?: AbortSignal;
}

/** The columns of runs.csv for a plan (every scenario's drawn parameters and targets, first seen first), with the parameter columns and target ids. */
function runsHeader(plan: BatchPlan, layouts: ReturnType<typeof recordLayout>[]) {
  const params = new Map<string, string>();
  for (const l of layouts) for (const p of l.drawnPaths) if (!params.has(pathColumn(p))) params.set(pathColumn(p), p);
  const targets = new Map<string, { id: string; unit: string; goal: string }>();
  layouts.forEach((l, si) => {
    for (const id of l.targetIds) if (!targets.has(id)) targets.set(id, describeTarget(id, plan.scenarios[si].scenario.targets[id]));
  });
  return { columns: runsColumns([...params].map(([column, path]) => ({ column, path })), [...targets.values()]), paramColumns: [...params.keys()], targetIds: [...targets.keys()] };
}

/** Writes runs.csv, yearly.csv, summary.json (and series.csv.gz) from the store, in run order; returns the summary and the columns written. */
export async function writeResults(plan: BatchPlan, store: RunStore, sink: ResultSink, options: ResultOptions = {}): Promise<{ summary: Summary; columns: BatchColumns }> {
  const layouts = plan.scenarios.map((s) => recordLayout(s.scenario));
  const { columns, paramColumns, targetIds } = runsHeader(plan, layouts);
  const header = names(columns);
  checkCsvHeader(header);
  const runsCsv = new LineBuffer(sink.open("runs.csv"));
  await runsCsv.line(csvRow(header));
  const series = options.series ? new LineBuffer(sink.open("series.csv.gz")) : null;
  const seriesHeader = names(SERIES_COLUMNS);
  await series?.line(csvRow(seriesHeader));
  const aggregates: ScenarioAggregate[] = [];
  const pace = pacer(options.signal);
  for (const [si, s] of plan.scenarios.entries()) {
    const layout = layouts[si];
    const agg = new ScenarioAggregate(s.name, s.scenario, layout);
    const paramAt = new Map(layout.drawnPaths.map((p, i) => [pathColumn(p), i]));
    const targetAt = new Map(layout.targetIds.map((t, i) => [t, layout.targetsAt + 3 * i]));
    for (const { run, seed, values, error } of store.runs(si, 0, plan.runs)) {
      await pace();
      if (plan.faults && hasFault(plan.faults, "slow-write", si, run)) sleepBlocking(SLOW_WRITE_MS);
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
      if (series && ok)
        for (let c = 0; c < layout.cells.length; c++) {
          const k = layout.cells[c];
          await series.line(csvRow([s.name, run, seed, k.year, k.by, k.label, k.metric, values[layout.cellsAt + c]], seriesHeader));
        }
    }
    aggregates.push(agg);
  }
  await runsCsv.close();
  await series?.close();

  const yearlyHeader = names(YEARLY_COLUMNS);
  const yearly = new LineBuffer(sink.open("yearly.csv"));
  await yearly.line(csvRow(yearlyHeader));
  for (const agg of aggregates) {
    if (agg.completed === 0) continue;
    for (const c of agg.yearly()) {
      await pace();
      await yearly.line(csvRow([agg.name, c.year, c.by, c.label, c.metric, c.unit, c.mean, c.low, c.high, ...c.quantiles], yearlyHeader));
    }
  }
  await yearly.close();

  const first = plan.scenarios[0].scenario.horizon;
  const summary: Summary = {
    kind: "clustersim-batch-summary",
    formatVersion: FORMAT_VERSION,
    baseSeed: baseSeedOf(plan),
    runs: plan.runs,
    horizon: { startYear: first.startYear, endYear: first.endYear },
    note: SUMMARY_NOTE,
    scenarios: aggregates.map((agg, si) => ({
      name: agg.name,
      hash: plan.scenarios[si].hash,
      runs: plan.runs,
      completed: agg.completed,
      failed: agg.failed,
      failures: agg.failures,
      targets: agg.targets(),
      headlines: agg.headlineStats(),
    })),
  };
  await writeText(sink, "summary.json", `${JSON.stringify(toPlainJson(summary), null, 2)}\n`);
  return { summary, columns: { runs: columns, yearly: YEARLY_COLUMNS, series: options.series ? SERIES_COLUMNS : null } };
}

/** The batch summary as written to summary.json. */
export type BatchSummary = Summary;
