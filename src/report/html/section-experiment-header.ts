/** The experiment report's header (what ran: model, design, factors, outcomes, provenance), its how-to-read box and the replication-noise table. */
import type { ExperimentResults } from "../../batch/experiment/read.js";
import { escapeHtml, fmtNumber, fmtPercent } from "./format.js";

/** An ISO time as "2026-11-27 23:39 UTC". */
function when(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : `${t.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The report's title. */
export function experimentTitle(r: ExperimentResults): string {
  return `clustersim experiment: ${r.summary.name}`;
}

/** A factor's domain in words. */
function domainText(d: Record<string, unknown>): string {
  if (Array.isArray(d.range)) return `range [${d.range.map((x) => fmtNumber(x as number)).join(", ")}]`;
  if (Array.isArray(d.levels)) return `levels ${d.levels.map((x) => fmtNumber(x as number)).join(", ")}`;
  if (d.distribution === "posterior") return `the calibrated posterior's marginal (${escapeHtml(String(d.draws))} draws)`;
  return `distribution ${escapeHtml(JSON.stringify(d.spec ?? d.distribution))}`;
}

/** The header section. */
export function experimentHeaderSection(r: ExperimentResults, dir?: string): string {
  const { summary: s, manifest: m } = r;
  const model =
    s.model.kind === "scenario"
      ? `scenario <strong>${escapeHtml(s.model.name)}</strong> (<code>${escapeHtml(s.model.file)}</code>, content hash <code title="${escapeHtml(s.model.hash)}">${escapeHtml(s.model.hash.slice(0, 12))}</code>)`
      : `test function <strong>${escapeHtml(s.model.testFunction)}</strong> ${escapeHtml(JSON.stringify(s.model.parameters))}${s.model.noise > 0 ? `, noise sd ${fmtNumber(s.model.noise)}` : ""}`;
  const factors = s.factors
    .map((f) => `<tr><td><code>${escapeHtml(f.name)}</code></td><td>${f.paths.length ? `${escapeHtml(f.apply)} ${f.paths.map((p) => `<code>${escapeHtml(p)}</code>`).join(", ")}` : "input"}</td><td>${domainText(f.domain)}</td><td class="num">${fmtNumber(f.min)} to ${fmtNumber(f.max)}</td></tr>`)
    .join("");
  const outcomes = s.outcomes.map((o) => `<tr><td><code>${escapeHtml(o.name)}</code></td><td>${escapeHtml(o.description)}</td><td>${escapeHtml(o.unit)}</td></tr>`).join("");
  const warning = s.failed > 0 ? `<p class="warning">${fmtNumber(s.failed, 0)} of ${fmtNumber(s.runs, 0)} runs failed and are left out of every statistic; the first: run ${s.failures[0].run} (point ${s.failures[0].point}): ${escapeHtml(s.failures[0].message)}.</p>` : "";
  return `<header>
<h1>${escapeHtml(experimentTitle(r))}</h1>
<p class="lead">${escapeHtml(s.description || "An experiment of clustersim, the agent-based simulation of Wenjiang District's 2017 health-industry plan.")}</p>
<p class="units"><strong>Units:</strong> 亿元 = 100 million yuan; probabilities are shares of runs.</p>
${warning}
<dl class="provenance">
<dt>Model</dt><dd>${model}</dd>
<dt>Design</dt><dd>${escapeHtml(s.design.method)}: ${fmtNumber(s.design.points, 0)} points, design seed ${s.design.seed}; ${escapeHtml(JSON.stringify(s.design.spec))}</dd>
<dt>Runs</dt><dd>${fmtNumber(s.replications, 0)} replication${s.replications === 1 ? "" : "s"} per point = ${fmtNumber(s.runs, 0)} runs (${fmtNumber(s.completed, 0)} completed); replication <em>r</em> of every point runs seed <code>deriveSeed(${s.seed}, r)</code></dd>
<dt>Finished</dt><dd>${escapeHtml(when(m.finishedAt))} (${fmtNumber(m.seconds, 1)} s ${m.workers === 0 ? "in one thread" : `on ${m.workers} worker${m.workers === 1 ? "" : "s"}`})</dd>
<dt>Engine</dt><dd>clustersim ${escapeHtml(m.engineVersion)}, build <code>${escapeHtml(m.buildId)}</code>, git commit <code>${escapeHtml(m.gitCommit ? m.gitCommit.slice(0, 12) : "unknown")}</code>; experiment <code>${escapeHtml(m.experiment.file)}</code>${m.experiment.set.length ? ` with ${m.experiment.set.map((c) => `<code>${escapeHtml(`${c.path}=${JSON.stringify(c.value)}`)}</code>`).join(", ")}` : ""}</dd>
${dir === undefined ? "" : `<dt>Results folder</dt><dd><code>${escapeHtml(dir)}</code></dd>`}
</dl>
<h3>Factors</h3>
<table><tr><th>factor</th><th>what it moves</th><th>domain</th><th>values in the design</th></tr>${factors}</table>
<h3>Outcomes</h3>
<table><tr><th>outcome</th><th>what it is, per design point</th><th>unit</th></tr>${outcomes}</table>
</header>`;
}

/** How to read an experiment's report. */
export function experimentHowToSection(r: ExperimentResults): string {
  return `<section class="howto">
<h2 style="border:0;margin-top:8px;padding-top:0">How to read this</h2>
<ul>
<li><strong>Points and replications.</strong> Each design point is one setting of the factors. It ran ${fmtNumber(r.summary.replications, 0)} time${r.summary.replications === 1 ? "" : "s"}, on the same seeds as every other point, so differences between points come from the factors, not from luck.</li>
<li><strong>Sobol' indices</strong> (a Saltelli design) split the variance of an outcome across points: S1 is the share a factor explains alone, ST the share it explains with all its interactions. ST near 0 means the factor does not matter for that outcome. <strong>Morris</strong> measures (a Morris design) screen factors: mu* is a factor's overall influence, sigma its non-linearity and interactions.</li>
<li><strong>Whiskers</strong> are 95% bootstrap intervals of the estimates. The <strong>noise share</strong> says how much of the variance across points is replication noise: near 1, the indices describe noise and the experiment needs more replications.</li>
<li><strong>PRIM boxes</strong> (scenario discovery) describe where among the factors a target is likely: inside the box the target is met in <em>density</em> of the runs, and the box holds <em>coverage</em> of all the runs that met it.</li>
</ul>
</section>`;
}

/** The replication-noise table. */
export function noiseSection(r: ExperimentResults): string {
  const rows = r.summary.outcomes
    .map((o) => `<tr><td><code>${escapeHtml(o.name)}</code></td><td class="num">${o.noise?.share === null || o.noise === null ? "–" : fmtPercent(o.noise.share)}</td><td>${escapeHtml(o.noiseNote ?? (o.noise?.share !== null && (o.noise?.share ?? 0) > 0.5 ? "mostly noise: add replications before reading its indices" : ""))}</td></tr>`)
    .join("");
  return `<h2 id="noise">Replication noise</h2>
<p>The share of the variance of each outcome's point statistics that is replication noise (two-way residual under common random numbers; noise.csv).</p>
<table><tr><th>outcome</th><th>noise share</th><th>note</th></tr>${rows}</table>`;
}
