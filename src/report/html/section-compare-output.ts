/** The comparison's output section: each park's yearly output, alternative minus baseline, with its 95% band, per alternative. */
import { differenceChartSpec } from "./chart-difference.js";
import { colorOf, type ReportContext } from "./context.js";
import { escapeHtml, parkTitle, theBaseline } from "./format.js";
import type { Comparison } from "./inputs.js";

/** The difference charts (one per park and alternative; a park's charts share their y axis), or "" when comparison.json has no output by park. */
export async function outputDifferenceSection(ctx: ReportContext, comparison: Comparison): Promise<string> {
  const rows = comparison.alternatives.flatMap((a) => a.yearly.filter((y) => y.metric === "output" && y.breakdown === "park").map((y) => ({ ...y, alternative: a.name })));
  if (rows.length === 0) return "";
  const parks = [...ctx.parks, ...new Set(rows.map((r) => r.label).filter((p) => !ctx.parks.includes(p)))];
  const parts: string[] = [];
  for (const park of parks) {
    const mine = rows.filter((r) => r.label === park);
    if (mine.length === 0) continue;
    const lo = Math.min(0, ...mine.map((r) => r.low));
    const hi = Math.max(0, ...mine.map((r) => r.high));
    const pad = (hi - lo) * 0.05 || 1;
    const { title, english } = parkTitle(park, ctx.info.parks);
    const charts: string[] = [];
    for (const a of comparison.alternatives) {
      const points = mine.filter((r) => r.alternative === a.name);
      if (points.length === 0) continue;
      charts.push(
        await ctx.figures.figure(
          differenceChartSpec({
            title,
            subtitle: [english, `${a.name} minus ${comparison.baseline}`].filter((x): x is string => !!x),
            points, yTitle: "difference in output, 亿元/yr", yDomain: [lo - pad, hi + pad], color: colorOf(ctx, a.name),
          }),
        ),
      );
    }
    parts.push(`<h3>${escapeHtml(title)}${english ? ` <span class="muted">${escapeHtml(english)}</span>` : ""} <span class="muted">(${escapeHtml(park)})</span></h3><div class="charts">${charts.join("")}</div>`);
  }
  return `<section id="output-difference">
<h2>Output gained or lost, by park and year</h2>
<p>Each park's annual output under the alternative minus under ${theBaseline(comparison.baseline)}, in 亿元 per year: the mean over paired runs, and its 95% interval as a band. Above the dashed line the alternative produces more.</p>
${parts.join("\n")}
</section>`;
}
