/** Terminal summary of a calibration: acceptance, observation hit rates, prior versus posterior. */
import type { AbcResult, ParameterSummary } from "../analysis/abc.js";
import type { Observation } from "../analysis/observations.js";
import { fmt, formatTable, palette } from "./table.js";

const num = (x: number) => (Math.abs(x) >= 100 ? fmt(x, 0) : Math.abs(x) >= 1 ? fmt(x, 2) : fmt(x, 3));

/** Formats the result of `clustersim calibrate`. */
export function formatCalibration(result: AbcResult, observations: Observation[], summary: ParameterSummary[], color = false): string {
  const c = palette(color);
  const rate = result.draws > 0 ? result.accepted / result.draws : 0;
  const obsRows = observations.map((o, j) => [
    o.label,
    `${o.min ?? "-"} .. ${o.max ?? "-"}`,
    `${fmt((100 * result.observationHits[j]) / result.draws, 1)}%`,
  ]);
  const parRows = summary.map((s) => [
    s.path,
    num(s.prior.mean),
    `${num(s.prior.p5)} .. ${num(s.prior.p95)}`,
    s.posterior ? num(s.posterior.mean) : "-",
    s.posterior ? `${num(s.posterior.p5)} .. ${num(s.posterior.p95)}` : "-",
  ]);
  return [
    c.bold(`Accepted ${result.accepted} of ${result.draws} prior draws (${fmt(100 * rate, 2)}%)`),
    "",
    formatTable(["observation", "accepted range", "runs within"], obsRows, ["l", "l", "r"]),
    formatTable(["parameter", "prior mean", "prior 5-95%", "posterior mean", "posterior 5-95%"], parRows, ["l", "r", "r", "r", "r"]),
  ].join("\n");
}
