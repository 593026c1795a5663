/**
 * The comparison's cost section: each alternative's added fiscal cost, the pairing's variance
 * reduction, and the cost of a percentage point of each target's probability in 亿元 (from perYi;
 * one direction only, where the gain is clear).
 */
import type { ReportContext } from "./context.js";
import { escapeHtml, fmtNumber, fmtPercent, headlineName } from "./format.js";
import type { Alternative, Comparison } from "./inputs.js";
import { comparisonTargets } from "./section-compare-targets.js";

/** The variance reduction of the headlines (by name) and the range over the targets, compactly. */
function varianceReduction(a: Alternative): string {
  const targets = a.varianceReduction.filter((v) => v.name.startsWith("target:") && v.value !== null).map((v) => v.value!);
  const others = a.varianceReduction.filter((v) => !v.name.startsWith("target:") && v.value !== null);
  const main = ["districtOutputFinalYear", "costWithCommitments", "signed"];
  const shown = others.filter((v) => main.includes(v.name.replace(/^headline:/, "")));
  const lines = (shown.length ? shown : others).map((v) => `${escapeHtml(headlineName(v.name.replace(/^headline:/, "")))}: ${fmtPercent(v.value, 0)}`);
  if (targets.length) lines.push(`target probabilities: ${fmtPercent(Math.min(...targets), 0)} to ${fmtPercent(Math.max(...targets), 0)}`);
  return lines.join("<br>");
}

/** One alternative's row of the cost table. */
function costRow(a: Alternative): string {
  const f = a.fiscalCost;
  const vr = varianceReduction(a);
  return `<tr><td>${escapeHtml(a.name)}</td><td class="num">${fmtNumber(f.baseline)}</td><td class="num">${fmtNumber(f.alternative)}</td>`
    + `<td class="num"><strong>${f.difference >= 0 ? "+" : "−"}${fmtNumber(Math.abs(f.difference))}</strong> <span class="muted">(${fmtNumber(f.low)} to ${fmtNumber(f.high)})</span></td>`
    + `<td class="num">${a.pairedRuns}</td><td style="font-size:12px">${vr || "–"}</td></tr>`;
}

/** The cost of one percentage point (亿元) with its interval when the gain is clearly positive; otherwise why not. */
function costPerPoint(p: { value: number | null; low: number | null; high: number | null }, a: Alternative): string {
  if (a.fiscalCost.difference <= 0) return `<span class="muted">costs no more than the baseline</span>`;
  if (p.value === null || p.low === null || p.high === null) return `<span class="muted">no added cost</span>`;
  if (p.low > 0) return `<strong>${fmtNumber(1 / (100 * p.value))}</strong> <span class="muted">(${fmtNumber(1 / (100 * p.high))} to ${fmtNumber(1 / (100 * p.low))})</span>`;
  if (p.value === 0 && p.low === 0 && p.high === 0) return `<span class="muted">no change</span>`;
  return `<span class="muted">no clear gain</span>`;
}

/** The cost section of a comparison. */
export async function costSection(ctx: ReportContext, comparison: Comparison): Promise<string> {
  const targets = comparisonTargets(ctx, comparison);
  // a target is left out when no alternative moves it: its probability is the same 0 or 1 in both scenarios, or its change per 亿元 is exactly 0
  const still = (a: Alternative, id: string) => {
    const t = a.targets.find((x) => x.id === id);
    const p = a.perYi.find((x) => x.id === id);
    return (t !== undefined && t.difference === 0 && t.baseline === t.alternative && (t.baseline === 0 || t.baseline === 1)) || (p !== undefined && p.value === 0 && p.low === 0 && p.high === 0);
  };
  const flat = (id: string) => comparison.alternatives.every((a) => still(a, id));
  const shown = targets.filter((t) => !flat(t.id));
  const left = targets.filter((t) => flat(t.id));
  const perPointRows = shown
    .map((t) => `<tr><td><code>${escapeHtml(t.id)}</code><br>${escapeHtml(t.item)}</td>${comparison.alternatives.map((a) => `<td class="num">${costPerPoint(a.perYi.find((p) => p.id === t.id) ?? { value: null, low: null, high: null }, a)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<section id="cost">
<h2>What it costs</h2>
<p>Fiscal cost of all levers over the whole horizon, in 亿元, and what the alternative adds to the baseline's. The variance reduction is how much running both scenarios on the same seeds narrowed the intervals (1 − Var(a−b) / (Var a + Var b)).</p>
<table>
<thead><tr><th>alternative</th><th>${escapeHtml(comparison.baseline)}, 亿元</th><th>alternative, 亿元</th><th>added cost, 亿元 (95% interval)</th><th>paired runs</th><th>variance reduction by pairing</th></tr></thead>
<tbody>
${comparison.alternatives.map(costRow).join("\n")}
</tbody></table>
<h3>Cost per probability point</h3>
<p>How much each percentage point of a target's probability costs, in 亿元 per point (one direction throughout: lower is cheaper): added fiscal cost divided by the change in probability, shown where the gain is clearly above the noise (its 95% interval excludes zero).${left.length ? ` Targets whose probability no alternative changes are left out: ${left.map((t) => `<code>${escapeHtml(t.id)}</code>`).join(", ")}.` : ""}</p>
<table>
<thead><tr><th>target</th>${comparison.alternatives.map((a) => `<th>${escapeHtml(a.name)}: 亿元 per percentage point</th>`).join("")}</tr></thead>
<tbody>
${perPointRows}
</tbody></table>
</section>`;
}
