/**
 * The comparison files of a compare folder (comparison.json, comparison.csv), computed from the
 * checkpoint in run order: scenario 0 is the baseline, every other scenario an alternative, paired
 * run by run. Targets and yearly cells are matched by id and (metric, breakdown, label, year).
 */
import { PairedComparison, type PairedRun } from "../analysis/compare.js";
import { csvRow } from "./files/csv.js";
import { toPlainJson } from "./files/json.js";
import { FORMAT_VERSION } from "./files/format.js";
import { writeText, type ResultSink } from "./files/sink.js";
import { baseSeedOf, type BatchPlan } from "./plan.js";
import type { RunStore } from "./store.js";
import { HEADLINES, recordLayout, type RecordLayout } from "./record.js";

const cellKey = (c: RecordLayout["cells"][number]) => `${c.metric}|${c.by}|${c.label}|${c.year}`;
const COST = HEADLINES.indexOf("fiscalCostTotal");

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
export async function writeComparison(plan: BatchPlan, store: RunStore, sink: ResultSink) {
  const layouts = plan.scenarios.map((s) => recordLayout(s.scenario));
  const base = layouts[0];
  const baseScenario = plan.scenarios[0].scenario;
  const alternatives = plan.scenarios.slice(1).map((alt, k) => {
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
      const a = alternativeRuns.next().value!;
      if (a.error !== null || b.error !== null) continue;
      cmp.add(pairedRun(a.values, layout, ta, ca), pairedRun(b.values, base, tb, cb));
    }
    const targets = cmp.targets();
    const perYi = cmp.perYi();
    const vrTargets = cmp.targetVarianceReduction();
    const heads = cmp.headlineStats();
    return {
      name: alt.name,
      hash: alt.hash,
      pairedRuns: cmp.pairs,
      targets: targetIds.map((id, t) => {
        const def = baseScenario.targets[id];
        return { id, label: def.label, year: def.year, ...targets[t] };
      }),
      yearly: cmp.yearly().map((d, i) => ({ metric: cells[i].metric, breakdown: cells[i].by, label: cells[i].label, year: cells[i].year, ...d })),
      headlines: HEADLINES.map((name, h) => ({ name, ...heads[h] })),
      fiscalCost: cmp.fiscalCost(),
      perYi: targetIds.map((id, t) => (perYi[t] ? { id, ...perYi[t]! } : { id, value: null, low: null, high: null })),
      varianceReduction: [
        ...targetIds.map((id, t) => ({ name: `target:${id}`, value: vrTargets[t] })),
        ...HEADLINES.map((name, h) => ({ name: `headline:${name}`, value: heads[h].varianceReduction })),
      ],
    };
  });
  const ranking = base.targetIds.map((id) => ({
    target: id,
    label: baseScenario.targets[id].label,
    alternatives: alternatives
      .flatMap((a) => a.targets.filter((t) => t.id === id).map((t) => ({ name: a.name, difference: t.difference, low: t.low, high: t.high })))
      .sort((x, y) => y.difference - x.difference || x.name.localeCompare(y.name)),
  }));
  const comparison = {
    kind: "clustersim-comparison",
    formatVersion: FORMAT_VERSION,
    baseline: plan.scenarios[0].name,
    baseSeed: baseSeedOf(plan),
    runs: plan.runs,
    note: "Alternative minus baseline over the same seeds (common random numbers). Probability changes carry Newcombe's interval for paired proportions, mean changes paired t-intervals, cost per 亿元 a delta-method interval; all 95%, Monte Carlo error only.",
    alternatives,
    ranking,
  };
  await writeText(sink, "comparison.json", `${JSON.stringify(toPlainJson(comparison), null, 2)}\n`);
  const header = ["alternative", "kind", "name", "breakdown", "label", "year", "difference", "low", "high"];
  const lines = [csvRow(header)];
  for (const a of alternatives) {
    for (const t of a.targets) lines.push(csvRow([a.name, "target", t.id, "", "", t.year, t.difference, t.low, t.high], header));
    for (const y of a.yearly) lines.push(csvRow([a.name, "metric", y.metric, y.breakdown, y.label, y.year, y.difference, y.low, y.high], header));
    for (const h of a.headlines) lines.push(csvRow([a.name, "headline", h.name, "", "", "", h.difference, h.low, h.high], header));
    lines.push(csvRow([a.name, "cost", "fiscalCostTotal", "", "", "", a.fiscalCost.difference, a.fiscalCost.low, a.fiscalCost.high], header));
    for (const p of a.perYi) lines.push(csvRow([a.name, "per-yi", p.id, "", "", "", p.value, p.low, p.high], header));
  }
  await writeText(sink, "comparison.csv", `${lines.join("\n")}\n`);
  return comparison;
}

/** The comparison as written to comparison.json. */
export type Comparison = Awaited<ReturnType<typeof writeComparison>>;
