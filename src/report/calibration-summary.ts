/** Terminal summary of a calibration: acceptance, observation hit rates, prior versus posterior. */
import type { AbcResult, Coverage, ParameterSummary } from "../analysis/abc.js";
import { fmt, formatTable, palette } from "./table.js";

const num = (x: number) => (Math.abs(x) >= 100 ? fmt(x, 0) : Math.abs(x) >= 1 ? fmt(x, 2) : fmt(x, 3));

/** An observation as the summary shows it: its label and tolerance (range) or observed count (Poisson), and replicates that met it. */
export interface ObservationRow {
  id: string;
  label: string;
  kind: "range" | "poisson";
  min?: number;
  max?: number;
  observed?: number;
  hits: number;
}

/** Formats the result of `clustersim calibrate`. */
export function formatCalibration(result: AbcResult, observations: ObservationRow[], summary: ParameterSummary[], color = false, coverage: Coverage[] = []): string {
  const c = palette(color);
  const runs = result.draws * result.replicates;
  const rate = runs > 0 ? result.accepted / runs : 0;
  const obsRows = observations.map((o) => [
    o.label,
    o.kind === "poisson" ? `Poisson, observed ${o.observed}` : `${o.min ?? "-"} .. ${o.max ?? "-"}`,
    `${fmt((100 * o.hits) / Math.max(1, runs), 1)}%`,
  ]);
  const parRows = summary.map((s) => [
    s.path,
    num(s.prior.mean),
    `${num(s.prior.p5)} .. ${num(s.prior.p95)}`,
    s.posterior ? num(s.posterior.mean) : "-",
    s.posterior ? `${num(s.posterior.p5)} .. ${num(s.posterior.p95)}` : "-",
  ]);
  return [
    c.bold(`Accepted ${result.accepted} of ${runs} replicates (${result.draws} prior draws x ${result.replicates}; ${fmt(100 * rate, 2)}%)`),
    "",
    formatTable(["observation", "accepted", "replicates within"], obsRows, ["l", "l", "r"]),
    formatTable(["parameter", "prior mean", "prior 5-95%", "posterior mean", "posterior 5-95%"], parRows, ["l", "r", "r", "r", "r"]),
    ...(coverage.length > 0
      ? ["Posterior predictive coverage (fresh history seeds)", formatTable(["observation", "coverage"], coverage.map((x) => [x.observation, `${fmt(100 * x.coverage, 1)}%`]), ["l", "r"])]
      : []),
  ].join("\n");
}
