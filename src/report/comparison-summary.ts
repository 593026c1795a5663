/** Terminal table of a comparison: for each target, the alternatives ranked by the change in its probability. */
import type { Comparison } from "../batch/comparison.js";
import { fmt, formatTable, palette } from "./table.js";

/** Percentage points with a sign; a value that rounds to zero prints as 0.0. */
function pts(x: number | null): string {
  if (x === null) return "-";
  const text = fmt(100 * x, 1).replace(/^-(0\.0)$/, "$1");
  return text === "0.0" || text.startsWith("-") ? text : `+${text}`;
}

/** Formats a comparison for the terminal. */
export function formatComparison(c: Comparison, color = false): string {
  const p = palette(color);
  const perYi = new Map(c.alternatives.flatMap((a) => a.perYi.map((q) => [`${a.name}|${q.id}`, q] as const)));
  const cost = new Map(c.alternatives.map((a) => [a.name, a.fiscalCost]));
  const rows: string[][] = [];
  for (const r of c.ranking) {
    r.alternatives.forEach((a, i) => {
      const q = perYi.get(`${a.name}|${r.target}`);
      const k = cost.get(a.name)!;
      rows.push([
        i === 0 ? r.target : "",
        String(i + 1),
        a.name,
        `${pts(a.difference)} [${pts(a.low)}, ${pts(a.high)}]`,
        `${k.difference >= 0 ? "+" : ""}${fmt(k.difference, 1)}`.replace("+-", "-"),
        q && q.value !== null ? `${pts(q.value)} [${pts(q.low)}, ${pts(q.high)}]` : "-",
      ]);
    });
  }
  return [
    p.bold(`Alternatives against ${c.baseline} · ${c.runs} paired runs · base seed ${c.baseSeed}`),
    "Change in the probability of each target, percentage points, with 95% intervals (Monte Carlo error only);",
    "added fiscal cost over the horizon in 亿元 (100 million yuan), and points per 亿元 of added cost.",
    "",
    formatTable(["target", "rank", "alternative", "change, pts [95% CI]", "cost, 亿元", "pts per 亿元 [95% CI]"], rows, ["l", "r", "l", "r", "r", "r"]),
  ].join("\n");
}
