/** The leads section: investment leads lost by reason by the final year (yearly.csv's cumulative leadsLost), per scenario. */
import { barChartSpec } from "./chart-bars.js";
import type { IntervalPoint } from "./chart-intervals.js";
import { yearlyRows, type ReportContext } from "./context.js";
import { LOSS_REASONS } from "../../model/state.js";
import { fmtNumber, LOSS_REASON_LABELS } from "./format.js";

/** The leads-lost section, or "" when yearly.csv has no leadsLost rows. */
export async function leadsSection(ctx: ReportContext): Promise<string> {
  const rows = yearlyRows(ctx.folder.yearly, "leadsLost", "reason");
  if (rows.length === 0) return "";
  const lastYear = Math.max(...rows.map((r) => r.year));
  const reasons = [...new Set(rows.map((r) => r.label))];
  const known: readonly string[] = LOSS_REASONS;
  reasons.sort((a, b) => (known.indexOf(a) + 1 || 99) - (known.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const item = (reason: string) => (Object.hasOwn(LOSS_REASON_LABELS, reason) ? LOSS_REASON_LABELS[reason as keyof typeof LOSS_REASON_LABELS] : reason);
  const points: IntervalPoint[] = rows
    .filter((r) => r.year === lastYear && r.mean !== null)
    .map((r) => ({ item: item(r.label), series: r.scenario, value: r.mean!, low: r.meanLow ?? r.mean!, high: r.meanHigh ?? r.mean!, text: fmtNumber(r.mean, 0) }));
  const chart = await ctx.figures.figure(
    barChartSpec({
      title: `Investment leads lost by ${lastYear}, by reason`,
      subtitle: "mean per run (cumulative since the start) · black line: 95% interval of the mean",
      points, items: reasons.map(item), series: ctx.scenarios,
      xTitle: `leads lost by the end of ${lastYear} (mean per run)`,
    }),
  );
  return `<section id="leads">
<h2>Where firm leads are lost</h2>
<p>A lead is a firm or institution looking for a location. Most leads in any run go elsewhere; this shows why, by the end of ${lastYear}: to a competitor park, by choosing no park at all, because the incentive budget was spent, or because the firm gave up waiting for serviced land.</p>
<div class="charts">${chart}</div>
</section>`;
}
