/** Terminal summary of a batch: per scenario, the probability of each target, its value's spread and when it was first met. */
import { EXACT_QUANTILE_RUNS } from "../batch/aggregate.js";
import type { Summary, SummaryTarget } from "../batch/files/schemas.js";
import { fmt, formatTable, palette } from "./table.js";

const pct = (x: number | null) => (x === null ? "-" : `${fmt(100 * x, 1)}%`);

/** The value's median and 5-95% range in the target's own terms ("2 of 3 (1-3)", "rank 12 (8-20)", "450 (380-520) 亿元/yr"). */
function valueText(t: SummaryTarget): string {
  const q = t.quantiles;
  if (q.p50 === null) return "-";
  const d = t.kind === "output" ? 0 : Number.isInteger(q.p50) && Number.isInteger(q.p5 ?? 0) && Number.isInteger(q.p95 ?? 0) ? 0 : 1;
  const range = `${fmt(q.p5 ?? NaN, d)}-${fmt(q.p95 ?? NaN, d)}`;
  if (t.kind === "cluster-order") return `${fmt(q.p50, d)} of ${t.threshold} (${range})`;
  if (t.kind === "rank") return `rank ${fmt(q.p50, d)} (${range})`;
  return `${fmt(q.p50, d)} (${range}) ${t.unit}`;
}

/** The likeliest first year met with its share, "never by <end>" for runs that never met it, and the never share when another year is likelier. */
function firstYearText(t: SummaryTarget, endYear: number): string {
  const sorted = [...t.firstYearMet].sort((a, b) => b.runs - a.runs);
  const mode = sorted[0];
  if (!mode) return "-";
  const never = t.firstYearMet.find((f) => f.year === null);
  const head = `${mode.year === null ? `never by ${endYear}` : mode.year} (${pct(mode.share)})`;
  return never && mode.year !== null ? `${head}; never by ${endYear}: ${pct(never.share)}` : head;
}

/** Formats a batch summary for the terminal. */
export function formatBatchSummary(summary: Summary, color = false): string {
  const c = palette(color);
  const parts: string[] = [];
  const end = summary.horizon.endYear;
  for (const s of summary.scenarios) {
    parts.push(c.bold(`${s.name} · ${s.runs} runs (${s.failed} failed) · ${summary.baseSeed === null ? "seeds from a list" : `base seed ${summary.baseSeed}`}`));
    const rows = s.targets.map((t) => [t.id, String(t.year), t.goal, `${pct(t.probability)} [${pct(t.low)}, ${pct(t.high)}]`, valueText(t), firstYearText(t, end)]);
    parts.push(formatTable(["target", "year", "goal", "P(met) [95% CI]", "value in its year: p50 (p5-p95)", "likeliest first year met"], rows, ["l", "r", "l", "r", "r", "l"]));
    for (const t of s.targets.filter((x) => x.kind === "cluster-order")) parts.push(`${t.id}: the value is ${t.value}.\n`);
    if (s.targets.some((t) => t.quantileMethod === "sketch")) parts.push(`Target values: quantiles from a sketch (0.5% relative accuracy), exact up to ${EXACT_QUANTILE_RUNS.toLocaleString("en-US")} runs.\n`);
    if (s.failed > 0) parts.push(c.red(`${s.failed} runs failed; first: run ${s.failures[0].run} (seed ${s.failures[0].seed}): ${s.failures[0].message}`) + "\n");
  }
  parts.push("Intervals are Monte Carlo error only (the runs already sample parameter uncertainty). Output in 亿元/yr (100 million yuan).\n");
  return parts.join("\n");
}
