/** The terminal summary of one run: yearly output per park, the target table, leads lost, fiscal cost. */
import { signedLeads, type RunResult } from "../model/run.js";
import { yearlyMeans } from "../model/yearly.js";
import { fmt, formatTable, palette } from "./table.js";

/** Formats a run for the terminal. */
export function formatRunSummary(result: RunResult, color = false): string {
  const c = palette(color);
  const years = Array.from({ length: result.years }, (_, y) => String(result.startYear + y));
  const out = yearlyMeans(result, "output/park");
  const total = years.map((_, y) => out.values.reduce((s, row) => s + row[y], 0));
  const outputRows = [
    ...out.labels.map((park, l) => [park, ...out.values[l].map((v) => fmt(v))]),
    ["district", ...total.map((v) => fmt(v))],
  ];
  const targetRows = result.targets.map((t) => [
    t.id,
    t.label,
    String(t.year),
    t.goal,
    fmt(t.value, t.kind === "output" ? 1 : 0),
    t.met ? c.green("met") : c.red("not met"),
    t.firstYearMet === null ? `never by ${result.startYear + result.years - 1}` : String(t.firstYearMet),
  ]);
  const signed = signedLeads(result);
  const leadRows = [
    ["generated", fmt(result.leads, 0)],
    ["signed", fmt(signed, 0)],
    ...Object.entries(result.leadsLost).map(([r, n]) => [`lost: ${r}`, fmt(n, 0)]),
  ];
  const costTotal = Object.values(result.fiscalCost).reduce((a, b) => a + b, 0);
  const costRows = [...Object.entries(result.fiscalCost).map(([k, v]) => [k, fmt(v, 2)]), ["total", fmt(costTotal, 2)]];
  return [
    c.bold(`${result.scenario} · seed ${result.seed} · ${years[0]}-${years[years.length - 1]}`),
    "",
    "Output by park, 亿元/yr (亿元 = 100 million yuan; a year is the sum of its quarters)",
    formatTable(["park", ...years], outputRows),
    "Targets",
    formatTable(["id", "target", "year", "goal", "value", "status", "first met"], targetRows, ["l", "l", "r", "l", "r", "l", "r"]),
    "Firm leads (signed = generated - lost to competitors, staying out, budget; land losses come after signing)",
    formatTable(["leads", "count"], leadRows),
    "Fiscal cost over the horizon, 亿元",
    formatTable(["lever", "亿元"], costRows),
  ].join("\n");
}
