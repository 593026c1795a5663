/**
 * The report's first section for a comparison, in the planner's order and with the page's own
 * components (src/report/planner): per alternative, what it changes (its scenario's description),
 * the verdict per target family, the chance of each target under the baseline and the
 * alternative with their likely ranges, and what it costs (亿元 per percentage point).
 */
import { plannerComparison } from "../planner/comparison.js";
import { costSummary } from "../planner/cost.js";
import { esc } from "../planner/lang.js";
import { probabilityBars } from "../planner/probability-bars.js";
import { verdicts } from "../planner/verdict.js";
import type { ReportContext } from "./context.js";
import { theBaseline } from "./format.js";
import type { Comparison } from "./inputs.js";

/** The planner-first section of a comparison: one block per alternative. */
export function plannerSection(ctx: ReportContext, comparison: Comparison): string {
  const summary = ctx.folder.summary;
  const base = summary.scenarios.find((s) => s.name === comparison.baseline);
  if (!base) return "";
  const names = { parks: Object.fromEntries(ctx.info.parks) };
  const blocks = comparison.alternatives.flatMap((alt) => {
    const own = summary.scenarios.find((s) => s.name === alt.name);
    if (!own) return [];
    const c = plannerComparison(base, own, alt, { horizon: summary.horizon, names, subject: alt.name });
    const description = ctx.info.descriptions.get(alt.name);
    const verdict = verdicts(c, "en")
      .map((v) => `<div class="verdict ${v.tone}" data-family="${v.family}"><h4>${esc(v.title)}</h4><p>${esc(v.text)}</p></div>`)
      .join("");
    return [`<div class="alternative" id="verdict-${esc(alt.name)}">
<h3>${esc(alt.name)}</h3>
${description ? `<p class="lever-description">${esc(description)}</p>` : `<p class="muted">(its scenario file was not found unchanged, so its description is not shown)</p>`}
<div class="verdicts">${verdict}</div>
${probabilityBars(c, "en")}
${costSummary(c, "en")}
</div>`];
  });
  return `<section id="verdict">
<h2>What each alternative does</h2>
<p>Each alternative against ${theBaseline(comparison.baseline)}, on the same ${comparison.runs} seeds: in one sentence per family of targets, then the chance of each target (grey: the baseline; blue: the alternative; the black line: its likely range), then what it costs. “Clear” means the change stands out of the simulation's noise (its 95% interval excludes zero).</p>
${blocks.join("\n")}
</section>`;
}
