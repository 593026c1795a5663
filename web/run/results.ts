/**
 * The result objects of the first n paired runs, computed on the page's main thread from the
 * memory store with the CLI's own writers (writeBatchFiles): summary.json and comparison.json as
 * objects, yearly.csv parsed back for the fans, and, for a finished batch, runs.csv's text for the
 * download (the same bytes `clustersim compare` writes). Statistics only: no model runs here.
 */
import type { Comparison, Summary } from "../../src/batch/files/schemas.js";
import type { ResultSink, TextSink } from "../../src/batch/files/sink.js";
import type { BatchPlan } from "../../src/batch/plan.js";
import type { RunStore } from "../../src/batch/store.js";
import { writeBatchFiles } from "../../src/batch/write-batch.js";
import { parseYearlyCsv, type YearlyRow } from "../../src/batch/files/read.js";

/** The figures of the first `runs` paired runs. */
export interface LiveResults {
  runs: number;
  summary: Summary;
  comparison: Comparison;
  yearly: YearlyRow[];
  /** runs.csv's text, for a finished batch only */
  runsCsv: string | null;
}

/** A sink that keeps the named files' texts and drops the others. */
class KeepSink implements ResultSink {
  readonly files = new Map<string, string>();
  constructor(private readonly keep: ReadonlySet<string>) {}

  open(name: string): TextSink {
    if (!this.keep.has(name)) return { write: () => {}, close: () => {} };
    const parts: string[] = [];
    return { write: (t) => void parts.push(t), close: () => void this.files.set(name, parts.join("")) };
  }
}

/** Computes the figures of runs 0..runs-1 of both scenarios (all stored); with `withRunsCsv`, runs.csv's text too. */
export async function liveResults(plan: BatchPlan, store: RunStore, runs: number, withRunsCsv: boolean): Promise<LiveResults> {
  const sink = new KeepSink(new Set(withRunsCsv ? ["yearly.csv", "runs.csv"] : ["yearly.csv"]));
  const { summary, comparison } = await writeBatchFiles({ ...plan, runs }, store, sink, { kind: "comparison" });
  if (comparison === null) throw new Error("a paired batch without a comparison");
  return { runs, summary, comparison, yearly: parseYearlyCsv(sink.files.get("yearly.csv") ?? ""), runsCsv: withRunsCsv ? sink.files.get("runs.csv") ?? "" : null };
}
