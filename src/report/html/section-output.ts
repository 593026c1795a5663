/** The output section: a fan chart of each park's yearly output per scenario, against the park's output targets. */
import { fanChartSpec } from "./chart-fan.js";
import { yearlyRows, type ReportContext } from "./context.js";
import { escapeHtml, fmtNumber, parkTitle } from "./format.js";
import type { YearlyRow } from "./inputs.js";
import { targetLines, type TargetLine } from "./park-targets.js";
import { prettyGoal } from "./target-order.js";

/** The caption under a fan chart: which target the dashed line is and where the runs ended up in its year, or that there is none. */
function caption(lines: TargetLine[], rows: YearlyRow[]): string {
  if (lines.length === 0) return "No output target is set for this park alone.";
  return lines
    .map((l) => {
      const r = rows.find((x) => x.year === l.year);
      const where = r ? ` In ${l.year} the median run reached ${fmtNumber(r.p50)} 亿元/yr (90% of runs between ${fmtNumber(r.p5)} and ${fmtNumber(r.p95)}).` : "";
      return `Dashed line: ${prettyGoal(l.label)} (${l.id}).${where}`;
    })
    .join(" ");
}

/** The output section with one fan chart per park and scenario (the same park's charts share their y axis). */
export async function outputSection(ctx: ReportContext): Promise<string> {
  const { folder, info, figures, parks, scenarios } = ctx;
  const parts: string[] = [];
  const many = scenarios.length > 1;
  for (const park of parks) {
    const { title, english } = parkTitle(park, info.parks);
    const perScenario = scenarios.map((name) => {
      const summary = folder.summary.scenarios.find((s) => s.name === name)!;
      const lines = targetLines(summary.targets, parks).get(park) ?? [];
      return { name, summary, lines, rows: yearlyRows(folder.yearly, "output", "park", name, park) };
    });
    const yMax = Math.max(1, ...perScenario.flatMap((s) => [...s.rows.map((r) => r.p95 ?? 0), ...s.lines.map((l) => l.threshold)])) * 1.08;
    const charts: string[] = [];
    for (const s of perScenario) {
      if (s.rows.length === 0) continue;
      const subtitle = [english, `${s.name} · ${s.summary.completed} runs`].filter((x): x is string => !!x);
      charts.push(await figures.figure(fanChartSpec({ title, subtitle, rows: s.rows, targets: s.lines, yMax }), caption(s.lines, s.rows)));
    }
    if (charts.length === 0) continue;
    parts.push(many ? `<h3>${escapeHtml(title)}${english ? ` <span class="muted">${escapeHtml(english)}</span>` : ""} <span class="muted">(${escapeHtml(park)})</span></h3><div class="charts">${charts.join("")}</div>` : charts.join(""));
  }
  if (parts.length === 0) return "";
  const body = many ? parts.join("\n") : `<div class="charts">${parts.join("")}</div>`;
  return `<section id="output">
<h2>Output of each park by year</h2>
<p>Annual output (operating revenue) of each park in 亿元 per year, over all runs of each scenario, against the park's output target from the plan.${many ? " Charts of the same park share their vertical axis." : ""}</p>
${body}
</section>`;
}
