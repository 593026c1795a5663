/**
 * The terminal summary of one run: yearly output per park (history and projection), the labour
 * market and land, the target table with realised and present counts, leads lost, and the
 * fiscal account (costs by lever, incentives committed / paid / cancelled / outstanding, local
 * tax, net cost).
 */
import { signedLeads, type RunResult } from "../model/run.js";
import { yearlyMeans } from "../model/yearly.js";
import { fmt, formatTable, palette } from "./table.js";

const sumRows = (values: number[][], y: number) => values.reduce((s, row) => s + row[y], 0);

/** Formats a run for the terminal. */
export function formatRunSummary(result: RunResult, color = false): string {
  const c = palette(color);
  const years = Array.from({ length: result.years }, (_, y) => String(result.startYear + y));
  const heading = years.map((y) => (Number(y) < result.projectionStartYear ? `${y}*` : y));
  const out = yearlyMeans(result, "output/park");
  const pot = yearlyMeans(result, "potentialOutput/park");
  const outputRows = [
    ...out.labels.map((park, l) => [park, ...out.values[l].map((v) => fmt(v))]),
    ["district", ...years.map((_, y) => fmt(sumRows(out.values, y)))],
    ["district potential", ...years.map((_, y) => fmt(sumRows(pot.values, y)))],
  ];
  const wage = yearlyMeans(result, "wageRatio/market");
  const queue = yearlyMeans(result, "landQueue/park");
  const contextRows = [
    ...wage.labels.map((m, l) => [`w / w_C (${m})`, ...wage.values[l].map((v) => fmt(v, 3))]),
    ["land queue, 亩", ...years.map((_, y) => fmt(sumRows(queue.values, y), 0))],
  ];
  const targetRows = result.targets.map((t) => [
    t.id,
    t.label,
    String(t.year),
    t.goal,
    fmt(t.value, t.kind === "output" ? 1 : 0),
    t.realised === undefined ? "" : `${fmt(t.realised, 0)} / ${fmt(t.present ?? 0, 0)}`,
    t.met ? c.green("met") : c.red("not met"),
    t.firstYearMet === null ? `never by ${result.startYear + result.years - 1}` : String(t.firstYearMet),
  ]);
  const leadRows = [
    ["generated", fmt(result.leads, 0)],
    ["signed", fmt(signedLeads(result), 0)],
    ...Object.entries(result.leadsLost).map(([r, n]) => [`lost: ${r}`, fmt(n, 0)]),
  ];
  const f = result.fiscal;
  const costRows = [
    ...Object.entries(result.fiscalCost).map(([k, v]) => [k, fmt(v, 2)]),
    ["total", fmt(f.costs, 2)],
    ["local tax", fmt(-f.localTax, 2)],
    ["net cost", fmt(f.netCost, 2)],
  ];
  const incentiveRows = [["committed", fmt(f.committed, 2)], ["paid", fmt(f.paid, 2)], ["cancelled", fmt(f.cancelled, 2)], ["outstanding (owed after the horizon)", fmt(f.outstanding, 2)]];
  return [
    c.bold(`${result.scenario} · seed ${result.seed} · history ${years[0]}-${result.projectionStartYear - 1}, projection ${result.projectionStartYear}-${years[years.length - 1]}`),
    "",
    "Output by park, 亿元/yr (亿元 = 100 million yuan; a year's output is the sum of its quarters; * history)",
    formatTable(["park", ...heading], outputRows),
    "Labour market and land",
    formatTable(["", ...heading], contextRows),
    "Targets (attraction: groups signed from the projection's start; realised / present beside)",
    formatTable(["id", "target", "year", "goal", "value", "realised / present", "status", "first met"], targetRows, ["l", "l", "r", "l", "r", "r", "l", "r"]),
    "Firm leads (signed = generated - lost to competitors, staying out, budget; land losses come after signing)",
    formatTable(["leads", "count"], leadRows),
    "Fiscal cost over the projection, 亿元",
    formatTable(["lever", "亿元"], costRows),
    "Incentives committed in the projection, 亿元",
    formatTable(["account", "亿元"], incentiveRows),
  ].join("\n");
}
