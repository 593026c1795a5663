/** The headline-numbers table: leads, signings, losses, fiscal cost and final-year output, one column per scenario. */
import type { ReportContext } from "./context.js";
import { escapeHtml, fmtNumber, HEADLINE_ORDER, headlineName, isHeadline } from "./format.js";

/** The headline section: mean per run and its 95% interval, per scenario. */
export function headlinesSection(ctx: ReportContext): string {
  const scenarios = ctx.scenarios.map((n) => ctx.folder.summary.scenarios.find((s) => s.name === n)!);
  const names = [...HEADLINE_ORDER, ...new Set(scenarios.flatMap((s) => s.headlines.map((h) => h.name)).filter((n) => !isHeadline(n)))];
  const rows = names
    .map((name) => {
      const label = headlineName(name);
      const cells = scenarios.map((s) => {
        const h = s.headlines.find((x) => x.name === name);
        return h ? `<td class="num"><strong>${fmtNumber(h.mean)}</strong> <span class="muted">(${fmtNumber(h.low)} – ${fmtNumber(h.high)})</span></td>` : `<td class="num">–</td>`;
      });
      return cells.every((c) => c.includes(">–<")) ? "" : `<tr><td>${escapeHtml(label)}</td>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<section id="headlines">
<h2>Headline numbers</h2>
<p>Mean per run, with the 95% interval of the mean in brackets.</p>
<table>
<thead><tr><th></th>${scenarios.map((s) => `<th>${escapeHtml(s.name)}</th>`).join("")}</tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}
