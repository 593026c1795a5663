/** The experiment report's scenario discovery: per met/not-met outcome, its PRIM box as a table (the limits of the restricted factors, coverage, density, mass) and the peeling trajectory (coverage against density). */
import type { TopLevelSpec } from "vega-lite";
import type { ExperimentResults } from "../../batch/experiment/read.js";
import type { OutcomeSummary } from "../../batch/experiment/result-schema.js";
import type { Figures } from "./figure.js";
import { escapeHtml, fmtNumber, fmtPercent } from "./format.js";

/** The trade-off chart of a peeling trajectory: coverage against density, the chosen box marked. */
function trajectorySpec(o: OutcomeSummary): TopLevelSpec {
  const p = o.prim!;
  const values = p.trajectory.map((b, i) => ({ ...b, step: i, chosen: i === p.chosen ? "chosen box (before pasting)" : "peeling step" }));
  return {
    title: { text: `PRIM trajectory: ${o.name}`, subtitle: "each peel trades coverage for density" },
    data: { values },
    width: 260,
    height: 200,
    layer: [
      { mark: { type: "line", color: "#999" }, encoding: { x: { field: "coverage", type: "quantitative", axis: { format: ".0%" }, scale: { domain: [0, 1] } }, y: { field: "density", type: "quantitative", axis: { format: ".0%" }, scale: { domain: [0, 1] } }, order: { field: "step" } } },
      { mark: { type: "point", filled: true }, encoding: { x: { field: "coverage", type: "quantitative" }, y: { field: "density", type: "quantitative" }, color: { field: "chosen", type: "nominal", scale: { range: ["#d62728", "#1f77b4"], domain: ["chosen box (before pasting)", "peeling step"] }, legend: { title: null } }, size: { condition: { test: `datum.step === ${p.chosen}`, value: 90 }, value: 20 } } },
    ],
  } as TopLevelSpec;
}

/** The table of one box. */
function boxTable(o: OutcomeSummary): string {
  const b = o.prim!.box;
  const limits = b.limits.filter((l) => l.restricted);
  const rows = limits.length
    ? limits.map((l) => `<tr><td><code>${escapeHtml(l.factor)}</code></td><td class="num">${fmtNumber(l.low)}</td><td class="num">${fmtNumber(l.high)}</td></tr>`).join("")
    : `<tr><td colspan="3">no factor restricted: the outcome is about as likely everywhere</td></tr>`;
  return `<table><tr><th>factor</th><th>from</th><th>to</th></tr>${rows}</table>
<p>Inside the box the outcome is met in <strong>${fmtPercent(b.density)}</strong> of the runs (density; ${fmtPercent(o.prim!.met / o.prim!.cases)} over all runs); the box holds ${fmtPercent(b.coverage)} of all runs that met it (coverage) and ${fmtPercent(b.mass)} of all runs (mass).${o.prim!.meetsThreshold ? "" : ` No box reached the density threshold ${fmtPercent(o.prim!.threshold, 0)}: this is the last box of the peeling.`}</p>`;
}

/** The scenario-discovery section (empty when no outcome is met/not met). */
export async function boxesSection(r: ExperimentResults, figures: Figures): Promise<string> {
  const binary = r.summary.outcomes.filter((o) => o.binary);
  if (binary.length === 0) return "";
  const parts: string[] = [];
  for (const o of binary) {
    parts.push(`<h3><code>${escapeHtml(o.name)}</code></h3>`);
    if (!o.prim) {
      parts.push(`<p>No box: ${escapeHtml(o.primNote ?? "")}.</p>`);
      continue;
    }
    parts.push(`<div class="charts"><div>${boxTable(o)}</div>${await figures.figure(trajectorySpec(o))}</div>`);
  }
  return `<h2 id="boxes">Where the targets are likely: PRIM boxes</h2>
<p>Scenario discovery (PRIM, Friedman and Fisher 1999, as in the EMA Workbench) on the runs: the box of factor values in which each target is most likely, found by peeling off a little of the design at a time, then pasting back. boxes.csv has every limit.</p>
${parts.join("\n")}`;
}
