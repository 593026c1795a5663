/** Terminal summary of a batch: per scenario, the probability of each target and its value's spread. */
import type { BatchSummary } from "../batch/results.js";
import { fmt, formatTable, palette } from "./table.js";

const pct = (x: number | null) => (x === null ? "-" : `${fmt(100 * x, 1)}%`);

/** Formats a batch summary for the terminal. */
export function formatBatchSummary(summary: BatchSummary, color = false): string {
  const c = palette(color);
  const parts: string[] = [];
  for (const s of summary.scenarios) {
    parts.push(c.bold(`${s.name} · ${s.runs} runs (${s.failed} failed) · base seed ${summary.baseSeed}`));
    const rows = s.targets.map((t) => {
      const mode = [...t.firstYearMet].sort((a, b) => b.runs - a.runs)[0];
      const q = t.quantiles;
      return [
        t.id,
        String(t.year),
        t.goal,
        `${pct(t.probability)} [${pct(t.low)}, ${pct(t.high)}]`,
        q.p50 === null ? "-" : `${fmt(q.p50, 0)} (${fmt(q.p5 ?? NaN, 0)}-${fmt(q.p95 ?? NaN, 0)})`,
        mode ? `${mode.year} (${pct(mode.share)})` : "-",
      ];
    });
    parts.push(formatTable(["target", "year", "goal", "P(met) [95% CI]", "value p50 (p5-p95)", "likeliest first year met"], rows, ["l", "r", "l", "r", "r", "l"]));
    if (s.failed > 0) parts.push(c.red(`${s.failed} runs failed; first: run ${s.failures[0].run} (seed ${s.failures[0].seed}): ${s.failures[0].message}`) + "\n");
  }
  parts.push("Intervals are Monte Carlo error only (the runs already sample parameter uncertainty). Output in 亿元/yr (100 million yuan).\n");
  return parts.join("\n");
}
