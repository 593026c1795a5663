/**
 * Terminal summary of an experiment: the design and runs, then per outcome its indices (Sobol'
 * S1 and ST, or Morris mu* and sigma, most influential factor first) with the replication-noise
 * share, the range of its statistic over the points, and its PRIM box when it is a met/not-met
 * outcome. The full tables are in the result folder.
 */
import type { ExperimentAnalysis, OutcomeAnalysis } from "../batch/experiment/analyse.js";
import type { ExperimentSummary, OutcomeSummary } from "../batch/experiment/result-schema.js";
import { fmt, formatTable, palette } from "./table.js";

/** A number with about three significant digits. */
function short(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "-";
  const a = Math.abs(x);
  return fmt(x, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

/** "0.312 [0.281, 0.340]". */
const withInterval = (v: number, lo: number, hi: number) => `${short(v)} [${short(lo)}, ${short(hi)}]`;

/** The index table of one outcome, most influential factor first (at most `top` rows). */
function indexTable(a: OutcomeAnalysis, top: number): string {
  if (a.sobol) {
    const rows = [...a.sobol.indices].sort((x, y) => (Number.isNaN(y.ST) ? -1 : y.ST - x.ST)).slice(0, top);
    return formatTable(["factor", "S1 [95%]", "ST [95%]"], rows.map((r) => [r.factor, withInterval(r.S1, r.S1_low, r.S1_high), withInterval(r.ST, r.ST_low, r.ST_high)]), ["l", "r", "r"]);
  }
  if (a.morris) {
    const rows = [...a.morris].sort((x, y) => y.mu_star - x.mu_star).slice(0, top);
    return formatTable(["factor", "mu* [95%]", "mu", "sigma"], rows.map((r) => [r.factor, withInterval(r.mu_star, r.mu_star_low, r.mu_star_high), short(r.mu), short(r.sigma)]), ["l", "r", "r", "r"]);
  }
  return "";
}

/** The PRIM box of an outcome in one line: its restricted factors, density and coverage. */
function boxText(o: OutcomeSummary): string | null {
  if (!o.prim) return o.binary && o.primNote ? `no PRIM box: ${o.primNote}` : null;
  const b = o.prim.box;
  const limits = b.limits.filter((l) => l.restricted).map((l) => `${l.factor} in [${short(l.low)}, ${short(l.high)}]`);
  const where = limits.length > 0 ? limits.join(", ") : "anywhere (no factor restricted)";
  return `PRIM box: ${where}: probability ${fmt(100 * b.density, 0)}% inside (coverage ${fmt(100 * b.coverage, 0)}%, ${fmt(100 * b.mass, 0)}% of runs)${o.prim.meetsThreshold ? "" : `, below the threshold ${o.prim.threshold}`}`;
}

/** Formats an experiment's results for the terminal (`top` index rows per outcome). */
export function formatExperimentSummary(summary: ExperimentSummary, analysis: ExperimentAnalysis, color = false, top = 10): string {
  const c = palette(color);
  const parts: string[] = [];
  const model = summary.model.kind === "scenario" ? `scenario ${summary.model.name}` : `test function ${summary.model.testFunction}`;
  parts.push(c.bold(`${summary.name} · ${model} · ${summary.design.method} design: ${summary.design.points} points x ${summary.replications} replication${summary.replications === 1 ? "" : "s"} = ${summary.runs} runs (${summary.failed} failed) · seed ${summary.seed}`) + "\n");
  summary.outcomes.forEach((o, i) => {
    const a = analysis.outcomes[i];
    const range = o.points.min === null ? "no completed runs" : o.binary ? `${fmt(100 * o.points.min, 0)}%-${fmt(100 * (o.points.max ?? 0), 0)}% across points` : `${short(o.points.min)} to ${short(o.points.max)} across points (${o.unit})`;
    parts.push(`${c.bold(o.name)}: ${o.description}\n  ${range}`);
    const noise = o.noise?.share;
    parts.push(`  replication noise: ${noise === null || noise === undefined ? (o.noiseNote ?? "-") : `${fmt(100 * noise, 1)}% of the variance of the point ${o.statistic === "mean" ? "means" : "statistics"}`}`);
    const table = indexTable(a, top);
    const indexed = summary.design.method === "saltelli" || summary.design.method === "morris";
    if (table) parts.push(table.replace(/^/gm, "  ").trimEnd());
    else if (indexed && o.indicesNote) parts.push(`  no indices: ${o.indicesNote}`);
    const box = boxText(o);
    if (box) parts.push(`  ${box}`);
    parts.push("");
  });
  if (summary.failed > 0) parts.push(c.red(`${summary.failed} runs failed; first: run ${summary.failures[0].run} (point ${summary.failures[0].point}, seed ${summary.failures[0].seed}): ${summary.failures[0].message}`) + "\n");
  parts.push("Indices are computed on the point statistics with 95% bootstrap intervals; intervals of point statistics are replication noise only. Money in 亿元 (100 million yuan).\n");
  return parts.join("\n");
}
