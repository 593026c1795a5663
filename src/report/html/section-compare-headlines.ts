/** The comparison's headline table: the change in each headline number (leads, signings, losses, cost, output), alternative minus baseline. */
import { escapeHtml, fmtNumber, HEADLINE_ORDER, headlineName, theBaseline } from "./format.js";
import type { Comparison } from "./inputs.js";

/** A signed number with its interval, in bold when the interval excludes zero. */
function signed(d: { difference: number; low: number; high: number }): string {
  const sign = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${fmtNumber(Math.abs(x))}`;
  const text = `${sign(d.difference)} <span class="muted">(${sign(d.low)} to ${sign(d.high)})</span>`;
  return d.low > 0 || d.high < 0 ? `<strong>${text}</strong>` : text;
}

/** The headline-changes section, or "" when comparison.json has no headlines. */
export function headlineChangesSection(comparison: Comparison): string {
  const alternatives = comparison.alternatives.filter((a) => a.headlines && a.headlines.length > 0);
  if (alternatives.length === 0) return "";
  const order: readonly string[] = HEADLINE_ORDER;
  const names = [...new Set(alternatives.flatMap((a) => a.headlines!.map((h) => h.name)))];
  names.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const rows = names
    .map((name) => {
      const cells = comparison.alternatives.map((a) => {
        const h = a.headlines?.find((x) => x.name === name);
        return `<td class="num">${h ? signed(h) : "–"}</td>`;
      });
      return `<tr><td>${escapeHtml(headlineName(name))}</td>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<section id="headline-changes">
<h2>Change in the headline numbers</h2>
<p>Mean per run, alternative minus ${theBaseline(comparison.baseline)} on the same seeds, with its 95% interval; in <strong>bold</strong> when the interval excludes zero.</p>
<table>
<thead><tr><th></th>${comparison.alternatives.map((a) => `<th>${escapeHtml(a.name)}</th>`).join("")}</tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}
