/** The report's header (what it is, the units) and its provenance (the scenarios, runs and seeds, when and with what it was made), which comes last. */
import { escapeHtml, fmtNumber, theBaseline } from "./format.js";
import type { ReportData } from "./inputs.js";

/** An ISO time as "2026-11-27 23:39 UTC", or the text as given when it is not a time. */
function when(iso: string | null | undefined): string {
  if (!iso) return "unknown";
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : `${t.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Where the seeds came from, in words. */
function seedsText(m: ReportData["manifest"]): string {
  const s = m.seeds;
  if (s.kind === "list") return `the first ${fmtNumber(m.runs, 0)} of the ${fmtNumber(s.count, 0)} seeds listed in <code>${escapeHtml(s.file)}</code>`;
  return `base seed ${escapeHtml(String(s.baseSeed))}; run <em>i</em> uses <code>deriveSeed(${escapeHtml(String(s.baseSeed))}, i)</code>, for i = 0 to ${fmtNumber(m.runs - 1, 0)}`;
}

/** The report's title. */
export function reportTitle(folder: ReportData): string {
  const c = folder.comparison;
  if (c) return `clustersim comparison: ${c.alternatives.map((a) => a.name).join(", ")} against ${c.baseline}`;
  return `clustersim results: ${folder.manifest.scenarios.map((s) => s.name).join(", ")}`;
}

/** The header section: title, one-paragraph purpose and the units line (the provenance comes last, provenanceSection). */
export function headerSection(folder: ReportData): string {
  const { manifest: m, summary, comparison } = folder;
  const purpose = comparison
    ? `It compares ${comparison.alternatives.length === 1 ? "a policy alternative" : `${comparison.alternatives.length} policy alternatives`} with ${theBaseline(comparison.baseline)}: every scenario ran on the same ${fmtNumber(m.runs, 0)} random seeds, so the differences come from the policy levers, not from luck.`
    : `Each scenario ran ${fmtNumber(m.runs, 0)} times with different random seeds; every run is one possible future, with the model's uncertain parameters drawn from their ranges.`;
  const failed = summary.scenarios.filter((s) => s.failed > 0);
  const warning = failed.length
    ? `<p class="warning">Some runs failed and are left out of every statistic: ${failed.map((s) => `${escapeHtml(s.name)} ${s.failed} of ${s.runs}`).join(", ")}.</p>`
    : "";
  return `<header>
<h1>${escapeHtml(reportTitle(folder))}</h1>
<p class="lead">Results of <strong>clustersim</strong>, an agent-based simulation of Wenjiang District's (Chengdu) 2017 plan for its health industry (三医两养一高地): how likely the plan's targets are, and what the policy levers change. ${purpose}</p>
<p class="units"><strong>Units:</strong> 亿元 = 100 million yuan. Output is annual operating revenue (营业收入) in 亿元 per year; fiscal cost is in 亿元.</p>
${warning}
</header>`;
}

/** The provenance, last in the report: scenario files and hashes, runs, seeds, when and with what it was made. */
export function provenanceSection(folder: ReportData): string {
  const { manifest: m, summary, comparison } = folder;
  const scenarios = m.scenarios
    .map((s) => `<li><strong>${escapeHtml(s.name)}</strong>${comparison?.baseline === s.name && s.name !== "baseline" ? " (the baseline)" : ""}: <code>${escapeHtml(s.file)}</code>, content hash <code title="${escapeHtml(s.hash)}">${escapeHtml(s.hash.slice(0, 12))}</code>${s.set.length ? `, with ${s.set.map((c) => `<code>${escapeHtml(`${c.path}=${JSON.stringify(c.value)}`)}</code>`).join(", ")}` : ""}</li>`)
    .join("");
  return `<section id="provenance">
<h2>Provenance</h2>
<dl class="provenance">
<dt>Scenarios</dt><dd><ul style="margin:0;padding-left:18px">${scenarios}</ul></dd>
<dt>Runs</dt><dd>${fmtNumber(m.runs, 0)} per scenario${summary.scenarios.map((s) => s.completed).some((c) => c !== m.runs) ? ` (completed: ${summary.scenarios.map((s) => `${escapeHtml(s.name)} ${s.completed}`).join(", ")})` : ""}</dd>
<dt>Seeds</dt><dd>${seedsText(m)}, the same seeds for every scenario</dd>
<dt>Finished</dt><dd>${escapeHtml(when(m.finishedAt))}${` (${fmtNumber(m.seconds, 1)} s ${m.workers === 0 ? "in one thread" : `on ${m.workers} worker${m.workers === 1 ? "" : "s"}`})`}</dd>
<dt>Engine</dt><dd>clustersim ${escapeHtml(m.engineVersion)}, build <code>${escapeHtml(m.buildId)}</code>, git commit <code title="${escapeHtml(m.gitCommit ?? "")}">${escapeHtml(m.gitCommit ? m.gitCommit.slice(0, 12) : "unknown")}</code></dd>
${folder.dir === undefined ? "" : `<dt>Results folder</dt><dd><code>${escapeHtml(folder.dir)}</code> (${escapeHtml(m.kind)})</dd>`}
</dl>
</section>`;
}
