/** The targets section: each target's probability of being met with its 95% interval, as a chart and a table per scenario. */
import { intervalChartSpec, type IntervalPoint } from "./chart-intervals.js";
import type { ReportContext } from "./context.js";
import { escapeHtml, fmtNumber, fmtPercent } from "./format.js";
import type { SummaryScenario, SummaryTarget } from "./inputs.js";
import { orderTargets, prettyGoal, targetItem } from "./target-order.js";

/** The likeliest first year a target was met, with its share of runs ("2020 (40.5%)", "never by 2022 (60.0%)"). */
function likeliestFirstYear(t: SummaryTarget, endYear: number): string {
  const best = [...t.firstYearMet].sort((a, b) => b.share - a.share)[0];
  if (!best) return "–";
  return `${best.year === null ? `never by ${endYear}` : best.year} (${fmtPercent(best.share)})`;
}

/** One scenario's target table. */
function targetTable(s: SummaryScenario, endYear: number): string {
  const rows = orderTargets(s.targets)
    .map((t) => {
      const q = t.quantiles;
      // counts (signings, ranks, clusters) as whole numbers where they are, else one decimal; outputs by magnitude
      const v = (x: number | null) => (t.kind === "output" || x === null ? fmtNumber(x) : fmtNumber(x, Number.isInteger(x) ? 0 : 1));
      return `<tr><td><code>${escapeHtml(t.id)}</code></td><td>${escapeHtml(prettyGoal(t.label))}</td><td class="num">${t.year}</td><td>${escapeHtml(prettyGoal(t.goal))}</td>`
        + `<td class="num"><strong>${fmtPercent(t.probability)}</strong></td><td class="num">${fmtPercent(t.low)} – ${fmtPercent(t.high)}</td>`
        + `<td class="num" title="${escapeHtml(t.value)}">${v(q.p50)} (${v(q.p5)} – ${v(q.p95)})${t.kind === "output" ? "" : ` <span class="muted">${escapeHtml(t.unit)}</span>`}</td><td>${escapeHtml(likeliestFirstYear(t, endYear))}</td></tr>`;
    })
    .join("\n");
  return `<table>
<thead><tr><th>target</th><th>what the plan asks</th><th>year</th><th>goal</th><th>P(met)</th><th>95% interval</th><th>value in that year: median (p5 – p95)</th><th>likeliest first year met</th></tr></thead>
<tbody>
${rows}
</tbody></table>${s.targets.filter((t) => t.kind === "cluster-order").map((t) => `\n<p class="muted"><code>${escapeHtml(t.id)}</code>: its value is ${escapeHtml(t.value)}.</p>`).join("")}`;
}

/** The targets section: one dot-and-whisker chart over all scenarios, then a table per scenario. */
export async function targetsSection(ctx: ReportContext): Promise<string> {
  const scenarios = ctx.scenarios.map((n) => ctx.folder.summary.scenarios.find((s) => s.name === n)!);
  const ordered = orderTargets(scenarios[0].targets);
  const items = ordered.map(targetItem);
  const points: IntervalPoint[] = scenarios.flatMap((s) =>
    s.targets
      .filter((t) => t.probability !== null && t.low !== null && t.high !== null)
      .map((t) => ({ item: targetItem(t), series: s.name, value: t.probability!, low: t.low!, high: t.high!, text: fmtPercent(t.probability) })),
  );
  const known = new Set(items);
  for (const p of points) if (!known.has(p.item)) known.add(p.item), items.push(p.item);
  const runs = scenarios.map((s) => s.completed).join(" / ");
  const chart = await ctx.figures.figure(
    intervalChartSpec({
      title: "Probability of meeting each target",
      subtitle: `share of runs (${runs} runs) · dot: estimate · whisker: 95% interval (Monte Carlo error)`,
      points, items, series: ctx.scenarios,
      xTitle: "probability the target is met", xFormat: ".0%", xDomain: [0, 1],
    }),
  );
  const tables = scenarios.map((s) => `${scenarios.length > 1 ? `<h3>${escapeHtml(s.name)}</h3>` : ""}${targetTable(s, ctx.folder.summary.horizon.endYear)}`).join("\n");
  return `<section id="targets">
<h2>How likely is each target?</h2>
<p>The share of runs in which each of the plan's targets was met in its year, with its 95% interval. Targets are listed by year.</p>
<div class="charts">${chart}</div>
${tables}
</section>`;
}
