/**
 * Summary of an ABC-SMC calibration (`clustersim calibrate`): the generations (tolerance,
 * acceptance, effective sample size), prior versus posterior per parameter, and the posterior
 * predictive coverage of each observation from fresh history seeds. As terminal text, or as
 * Markdown tables (docs/calibration.md, the README).
 */
import type { AbcSmcResult, Summary } from "../analysis/calibration/index.js";
import { fmt, formatTable, palette } from "./table.js";

/** An observation as the summary shows it: its label and its interval (range) or observed count (Poisson). */
export interface ObservationRow {
  id: string;
  label: string;
  kind: "range" | "poisson";
  min?: number;
  max?: number;
  observed?: number;
}

/** The part of a calibration result the summary reads (the `--json` document has it). */
export type CalibrationReport = Pick<
  AbcSmcResult,
  "generations" | "ess" | "finalTolerance" | "stopReason" | "simulations" | "summary" | "posteriorPredictive" | "jointCoverage" | "replicates"
> & { particles: number };

/** A number with about three significant digits. */
export const num = (x: number): string => (!Number.isFinite(x) ? "-" : Math.abs(x) >= 100 ? fmt(x, 0) : Math.abs(x) >= 10 ? fmt(x, 1) : Math.abs(x) >= 1 ? fmt(x, 2) : fmt(x, 3));
const pct = (x: number) => (Number.isFinite(x) ? `${fmt(100 * x, 1)}%` : "-");
const range = (s: Summary | null) => (s ? `${num(s.p5)} .. ${num(s.p95)}` : "-");

/** The observation's datum as text: "150 .. 175", "300 .. -", "Poisson, observed 2". */
function datum(o: ObservationRow | undefined): string {
  if (!o) return "";
  return o.kind === "poisson" ? `Poisson, observed ${o.observed}` : `${o.min ?? "-"} .. ${o.max ?? "-"}`;
}

/** The three tables of a calibration: generations, parameters, observations (header and rows). */
export function calibrationTables(r: CalibrationReport, observations: readonly ObservationRow[]) {
  const generations = {
    header: ["generation", "tolerance", "proposals", "particles", "acceptance", "replicates accepted", "ESS"],
    rows: r.generations.map((g) => [
      String(g.generation),
      g.generation === 0 || !Number.isFinite(g.tolerance) ? "prior" : fmt(g.tolerance, 3),
      fmt(g.proposals, 0),
      `${fmt(g.particles, 0)}${g.short ? " (short)" : ""}`,
      pct(g.acceptanceRate),
      pct(g.replicateAcceptance),
      fmt(g.ess, 0),
    ]),
  };
  const parameters = {
    header: ["parameter", "prior mean", "prior 5-95%", "posterior mean", "posterior 5-95%", "adjusted 5-95%", "shift (prior sd)"],
    rows: r.summary.map((s) => [s.path, num(s.prior.mean), range(s.prior), num(s.posterior.mean), range(s.posterior), range(s.adjusted), fmt(s.shift, 2)]),
  };
  const byId = new Map(observations.map((o) => [o.id, o]));
  const coverage = {
    header: ["observation", "observed", "coverage", "history sd", "ceiling"],
    rows: r.posteriorPredictive.map((c) => [
      byId.get(c.observation)?.label ?? c.observation,
      datum(byId.get(c.observation)),
      pct(c.coverage),
      num(c.historySd),
      c.ceiling === null ? "-" : pct(c.ceiling),
    ]),
  };
  return { generations, parameters, coverage };
}

/** The headline: particles, replicates, generations, histories, why it stopped, ESS. */
function headline(r: CalibrationReport): string {
  const stop = r.stopReason === "done" ? "reached the observations' own intervals (tolerance 0)" : `stopped at tolerance ${fmt(r.finalTolerance, 3)} (${r.stopReason})`;
  return `ABC-SMC: ${r.particles} particles x ${r.replicates} replicate histories, ${r.generations.length} generations, ${fmt(r.simulations, 0)} histories; ${stop}; effective sample size ${fmt(r.ess, 0)} of ${r.particles}`;
}

/** One Markdown table. */
function markdownTable(header: string[], rows: string[][]): string {
  const esc = (t: string) => t.replace(/\|/g, "\\|");
  return [`| ${header.map(esc).join(" | ")} |`, `|${header.map((_, c) => (c === 0 ? " --- " : " ---: ")).join("|")}|`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

/** Formats a calibration for the terminal. */
export function formatCalibration(r: CalibrationReport, observations: readonly ObservationRow[], color = false): string {
  const c = palette(color);
  const t = calibrationTables(r, observations);
  const predictive = r.posteriorPredictive.length > 0;
  return [
    c.bold(headline(r)),
    "",
    formatTable(t.generations.header, t.generations.rows),
    formatTable(t.parameters.header, t.parameters.rows, ["l", "r", "r", "r", "r", "r", "r"]),
    ...(predictive
      ? [
          `Posterior predictive coverage (fresh history seeds; all observations at once: ${pct(r.jointCoverage)})`,
          formatTable(t.coverage.header, t.coverage.rows, ["l", "l", "r", "r", "r"]),
        ]
      : []),
  ].join("\n");
}

/** Formats a calibration as Markdown: the headline and the three tables. */
export function formatCalibrationMarkdown(r: CalibrationReport, observations: readonly ObservationRow[]): string {
  const t = calibrationTables(r, observations);
  return [
    headline(r),
    "",
    markdownTable(t.generations.header, t.generations.rows),
    "",
    markdownTable(t.parameters.header, t.parameters.rows.map((row) => [`\`${row[0]}\``, ...row.slice(1)])),
    ...(r.posteriorPredictive.length > 0
      ? ["", `Posterior predictive coverage, fresh history seeds (all observations at once: ${pct(r.jointCoverage)})`, "", markdownTable(t.coverage.header, t.coverage.rows)]
      : []),
    "",
  ].join("\n");
}
