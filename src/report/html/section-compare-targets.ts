/** The comparison's target sections: the change in each target's probability per alternative (chart) and the ranking of the alternatives per target (table). */
import { intervalChartSpec, type IntervalPoint } from "./chart-intervals.js";
import { colorOf, type ReportContext } from "./context.js";
import { escapeHtml, fmtPercent, fmtPoints, theBaseline } from "./format.js";
import type { Comparison } from "./inputs.js";
import { orderTargets, targetItem } from "./target-order.js";

/** The comparison's targets in display order (the threshold from the baseline's summary), with their axis labels. */
export function comparisonTargets(ctx: ReportContext, comparison: Comparison) {
  const base = ctx.folder.summary.scenarios.find((s) => s.name === comparison.baseline)!;
  const known = new Map(base.targets.map((t) => [t.id, t]));
  const all = new Map<string, { id: string; label: string; goal: string; year: number; kind: string; threshold: number | null }>();
  for (const a of comparison.alternatives)
    for (const t of a.targets) if (!all.has(t.id)) all.set(t.id, { id: t.id, label: t.label, year: t.year, goal: t.goal, kind: t.kind, threshold: known.get(t.id)?.threshold ?? null });
  return orderTargets([...all.values()]).map((t) => ({ ...t, item: targetItem(t) }));
}

/** A difference "+12.0 pp (+5.1 to +18.9)", in bold when its interval excludes zero; a target met in no run (or every run) of both scenarios says so. */
function change(d: { difference: number; low: number; high: number }, p?: { baseline: number | null; alternative: number | null }): string {
  if (p && d.difference === 0 && p.baseline === p.alternative && (p.baseline === 0 || p.baseline === 1))
    return `<span class="muted">${p.baseline === 0 ? "met in no run of either" : "met in every run of both"}</span>`;
  if (d.difference === 0 && d.low === 0 && d.high === 0) return `<span class="muted">no change in any run</span>`;
  const text = `${fmtPoints(d.difference)} <span class="muted">(${fmtPoints(d.low).replace(" pp", "")} to ${fmtPoints(d.high)})</span>`;
  return d.low > 0 || d.high < 0 ? `<strong>${text}</strong>` : text;
}

/** 2 -> "2nd", 3 -> "3rd", 4 -> "4th". */
function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** The chart of the change in each target's probability, alternative minus baseline, with 95% intervals. */
export async function probabilityChangeSection(ctx: ReportContext, comparison: Comparison): Promise<string> {
  const targets = comparisonTargets(ctx, comparison);
  const itemOf = new Map(targets.map((t) => [t.id, t.item]));
  const points: IntervalPoint[] = comparison.alternatives.flatMap((a) =>
    a.targets.map((t) => ({ item: itemOf.get(t.id)!, series: a.name, value: t.difference * 100, low: t.low * 100, high: t.high * 100, text: fmtPoints(t.difference) })),
  );
  const chart = await ctx.figures.figure(
    intervalChartSpec({
      title: `Change in the probability of each target against ${comparison.baseline}`,
      subtitle: `alternative minus baseline on the same ${comparison.runs} seeds · whisker: 95% interval (Newcombe, paired)`,
      points, items: targets.map((t) => t.item), series: comparison.alternatives.map((a) => a.name), colors: comparison.alternatives.map((a) => colorOf(ctx, a.name)),
      xTitle: "change in probability, percentage points", xFormat: "d", signedAxis: true, zeroRule: true,
    }),
  );
  return `<section id="changes">
<h2>What each alternative changes in the targets</h2>
<p>How many percentage points each alternative adds to (or takes from) the chance of meeting each target, compared with ${theBaseline(comparison.baseline)}. A whisker that crosses the dashed zero line means the change is within the simulation's noise.</p>
<div class="charts">${chart}</div>
</section>`;
}

/** The ranking table: for each target, the alternatives from the largest gain to the smallest. */
export function rankingSection(ctx: ReportContext, comparison: Comparison): string {
  const targets = comparisonTargets(ctx, comparison);
  const width = Math.max(...comparison.ranking.map((r) => r.alternatives.length));
  const rows = targets
    .map((t) => {
      const r = comparison.ranking.find((x) => x.target === t.id);
      if (!r) return "";
      const probability = (alt: string) => comparison.alternatives.find((a) => a.name === alt)?.targets.find((x) => x.id === t.id);
      const base = comparison.alternatives.map((a) => a.targets.find((x) => x.id === t.id)).find((x) => x)?.baseline;
      const cells = r.alternatives.map((a) => `<td>${escapeHtml(a.name)}: ${fmtPercent(probability(a.name)?.alternative)}<br>${change(a, probability(a.name))}</td>`);
      while (cells.length < width) cells.push("<td></td>");
      return `<tr><td><code>${escapeHtml(t.id)}</code><br>${escapeHtml(t.item)}</td><td class="num">${fmtPercent(base)}</td>${cells.join("")}</tr>`;
    })
    .join("\n");
  const heads = Array.from({ length: width }, (_, i) => `<th>${i === 0 ? "largest gain" : ordinal(i + 1)}</th>`).join("");
  return `<section id="ranking">
<h2>Ranking of the alternatives for each target</h2>
<p>The probability of meeting each target under ${theBaseline(comparison.baseline)} and under each alternative, with the change in percentage points (pp) and its 95% interval. Changes in <strong>bold</strong> are larger than the simulation's noise.</p>
<table>
<thead><tr><th>target</th><th>${escapeHtml(comparison.baseline)}</th>${heads}</tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}
