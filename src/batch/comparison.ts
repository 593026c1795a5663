/**
 * The comparison files of a compare folder (comparison.json, comparison.csv), computed from the
 * checkpoint in run order: scenario 0 is the baseline, every other scenario an alternative, paired
 * run by run. Targets and yearly cells are matched by id and (metric, breakdown, label, year).
 */
import { PairedComparison, type PairedRun } from "../analysis/compare.js";
import { describeTarget } from "../model/target-description.js";
import { COMPARISON_COLUMNS, PROBABILITY_UNIT, names } from "./files/columns.js";
import { csvRow, type CsvValue } from "./files/csv.js";
import type { Comparison } from "./files/schemas.js";
import { toPlainJson } from "./files/json.js";
import { FORMAT_VERSION } from "./files/format.js";
import { writeText, type ResultSink } from "./files/sink.js";
import { baseSeedOf, type BatchPlan } from "./plan.js";
import { pacer } from "./pace.js";
import type { RunStore } from "./store.js";
import { HEADLINES, HEADLINE_INFO } from "./headlines.js";
import { recordLayout, type RecordLayout } from "./record.js";

const cellKey = (c: RecordLayout["cells"][number]) => `${c.metric}|${c.by}|${c.label}|${c.year}`;
/** The cost a comparison prices: the levers' cost over the projection plus incentives owed after it. */
const COST = HEADLINES.indexOf("costWithCommitments");

/** Reads run `run` of scenario `s` as a PairedRun restricted to the given target and cell columns. */
function pairedRun(values: Float64Array, layout: RecordLayout, targets: number[], cells: number[]): PairedRun {
  return {
    met: targets.map((t) => values[layout.targetsAt + 3 * t + 1] === 1),
    cells: Float64Array.from(cells, (c) => values[layout.cellsAt + c]),
    headlines: values.subarray(layout.headlinesAt, layout.headlinesAt + HEADLINES.length),
    cost: values[layout.headlinesAt + COST],
  };
}

/** Computes and writes comparison.json and comparison.csv from the store, in run order; returns the comparison. */
export async function writeComparison(plan: BatchPlan, store: RunStore, sink: ResultSink, signal?: AbortSignal): Promise<Comparison> {
  const pace = pacer(signal);
  const layouts = plan.scenarios.map((s) => recordLayout(s.scenario));
  const base = layouts[0];
  const baseScenario = plan.scenarios[0].scenario;
  const alternatives: Comparison["alternatives"] = [];
  for (const [k, alt] of plan.scenarios.slice(1).entries()) {
    const si = k + 1;
    const layout = layouts[si];
    const targetIds = base.targetIds.filter((id) => layout.targetIds.includes(id));
    const tb = targetIds.map((id) => base.targetIds.indexOf(id));
    const ta = targetIds.map((id) => layout.targetIds.indexOf(id));
    const altCells = new Map(layout.cells.map((c, i) => [cellKey(c), i]));
    const cells = base.cells.filter((c) => altCells.has(cellKey(c)));
    const cb = cells.map((c) => base.cells.indexOf(c));
    const ca = cells.map((c) => altCells.get(cellKey(c))!);
    const cmp = new PairedComparison(targetIds.length, cells.length, HEADLINES.length);
    const alternativeRuns = store.runs(si, 0, plan.runs)[Symbol.iterator]();
    for (const b of store.runs(0, 0, plan.runs)) {
      await pace();
      const a = alternativeRuns.next().value!;
      if (a.error !== null || b.error !== null) continue;
      cmp.add(pairedRun(a.values, layout, ta, ca), pairedRun(b.values, base, tb, cb));
    }
    const targets = cmp.targets();
    const perYi = cmp.perYi();
    const vrTargets = cmp.targetVarianceReduction();
    const heads = cmp.headlineStats();
    alternatives.push({
      name: alt.name,
      hash: alt.hash,
      pairedRuns: cmp.pairs,
      targets: targetIds.map((id, t) => {
        const { label, kind, year, goal } = describeTarget(id, baseScenario.targets[id]);
        return { id, label, kind, year, goal, ...targets[t] };
      }),
      yearly: cmp.yearly().map((d, i) => ({ metric: cells[i].metric, breakdown: cells[i].by, label: cells[i].label, year: cells[i].year, unit: cells[i].unit, ...d })),
      headlines: HEADLINES.map((name, h) => {
        const { baseline, alternative, difference, low, high, unpaired, varianceReduction } = heads[h];
        return { name, unit: HEADLINE_INFO[name].unit, baseline, alternative, difference, low, high, unpaired, varianceReduction };
      }),
      fiscalCost: { unit: HEADLINE_INFO.costWithCommitments.unit, ...cmp.fiscalCost() },
      perYi: targetIds.map((id, t) => (perYi[t] ? { id, ...perYi[t]! } : { id, value: null, low: null, high: null })),
      varianceReduction: [
        ...targetIds.map((id, t) => ({ name: `target:${id}`, value: vrTargets[t] })),
        ...HEADLINES.map((name, h) => ({ name: `headline:${name}`, value: heads[h].varianceReduction })),
      ],
    });
  }
  const ranking = base.targetIds.map((id) => ({
    target: id,
    label: baseScenario.targets[id].label,
    alternatives: alternatives
      .flatMap((a) => a.targets.filter((t) => t.id === id).map((t) => ({ name: a.name, difference: t.difference, low: t.low, high: t.high })))
      .sort((x, y) => y.difference - x.difference || x.name.localeCompare(y.name)),
  }));
  const comparison: Comparison = {
    kind: "clustersim-comparison",
    formatVersion: FORMAT_VERSION,
    baseline: plan.scenarios[0].name,
    baseSeed: baseSeedOf(plan),
    runs: plan.runs,
    note: "Alternative minus baseline over the same seeds (common random numbers). Probabilities and their changes are fractions (0-1; per-yi: fraction per 亿元); probability changes carry Newcombe's interval for paired proportions, mean changes paired t-intervals, the change per 亿元 a delta-method interval; all 95%, Monte Carlo error only.",
    alternatives,
    ranking,
  };
  await writeText(sink, "comparison.json", `${JSON.stringify(toPlainJson(comparison), null, 2)}\n`);
  const header = names(COMPARISON_COLUMNS);
  const lines = [csvRow(header)];
  const row = (values: CsvValue[]) => lines.push(csvRow(values, header));
  for (const a of alternatives) {
    for (const t of a.targets) row([a.name, "target", t.id, "", "", t.year, PROBABILITY_UNIT, t.baseline, t.alternative, t.difference, t.low, t.high]);
    for (const y of a.yearly) row([a.name, "metric", y.metric, y.breakdown, y.label, y.year, y.unit, y.baseline, y.alternative, y.difference, y.low, y.high]);
    for (const h of a.headlines) row([a.name, "headline", h.name, "", "", "", h.unit, h.baseline, h.alternative, h.difference, h.low, h.high]);
    const f = a.fiscalCost;
    row([a.name, "cost", "costWithCommitments", "", "", "", f.unit, f.baseline, f.alternative, f.difference, f.low, f.high]);
    for (const p of a.perYi) row([a.name, "per-yi", p.id, "", "", "", `${PROBABILITY_UNIT} per 亿元`, null, null, p.value, p.low, p.high]);
  }
  await writeText(sink, "comparison.csv", `${lines.join("\n")}\n`);
  return comparison;
}

export type { Comparison };
