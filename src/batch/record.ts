/**
 * A run's record in a batch: the per-run scalars that a batch keeps (drawn parameters, target
 * outcomes, headline figures, yearly cells), packed in one Float64Array row whose layout is the
 * same for every run of a scenario, so that workers can return chunks as transferable buffers.
 */
import { drawScenario } from "../model/draw.js";
import { METRICS, METRIC_INDEX, labelsFor, yearValue, type MetricKey } from "../model/metrics.js";
import { buildParams } from "../model/params.js";
import { signedLeads, type RunResult } from "../model/run.js";
import type { Scenario } from "../scenario/schema.js";
import { HEADLINES } from "./headlines.js";

/** Yearly metrics kept per run for the fans (yearly.csv): their every label and year. */
export const YEARLY_METRICS: readonly MetricKey[] = [
  "output/park",
  "output/industry",
  "employment/park",
  "valueAdded/park",
  "firms/park",
  "attracted/tier",
  "attracted/kind",
  "landUsed/park",
  "potentialOutput/park",
  "fiscalCost/lever",
  "leadsLost/reason",
];


/** One yearly cell: a metric, one of its labels, a calendar year. */
export interface YearlyCell {
  metric: string;
  by: string;
  label: string;
  year: number;
  /** the metric's unit (yearly.csv's unit column) */
  unit: string;
  /** index of the metric in METRICS and of the label in its series */
  metricIndex: number;
  labelIndex: number;
}

/** Column layout of a scenario's run records. */
export interface RecordLayout {
  drawnPaths: string[];
  targetIds: string[];
  cells: YearlyCell[];
  /** offsets of each part in a row, and the row width */
  targetsAt: number;
  headlinesAt: number;
  cellsAt: number;
  width: number;
}

/** The record layout of a scenario (the same for every run and seed). */
export function recordLayout(scenario: Scenario): RecordLayout {
  const { values, drawn, historySeed } = drawScenario(scenario, 0);
  const drawnPaths = values.map((v) => v.path);
  const targetIds = Object.keys(scenario.targets).sort();
  const p = buildParams(drawn, historySeed);
  const cells: YearlyCell[] = [];
  for (const key of YEARLY_METRICS) {
    const metricIndex = METRIC_INDEX[key];
    const spec = METRICS[metricIndex];
    const ls = labelsFor(p, spec.by);
    for (let y = 0; y < p.years; y++)
      ls.forEach((label, labelIndex) => cells.push({ metric: spec.name, by: spec.by, label, year: p.startYear + y, unit: spec.unit, metricIndex, labelIndex }));
  }
  const targetsAt = drawnPaths.length;
  const headlinesAt = targetsAt + 3 * targetIds.length;
  const cellsAt = headlinesAt + HEADLINES.length;
  return { drawnPaths, targetIds, cells, targetsAt, headlinesAt, cellsAt, width: cellsAt + cells.length };
}

/** A run's headline figures, in HEADLINES order (headlines.ts has their units and meanings). */
export function headlineValues(r: RunResult): number[] {
  const lost = r.leadsLost;
  const cost = Object.values(r.fiscalCost).reduce((a, b) => a + b, 0);
  const parkOut = r.metrics[METRIC_INDEX["output/park"]];
  let finalOutput = 0;
  for (let l = 0; l < parkOut.labels.length; l++) finalOutput += yearValue(parkOut, r.years - 1, l);
  const f = r.fiscal;
  return [r.leads, signedLeads(r), lost.competitor, lost["stay-out"], lost.budget, lost.land, cost, finalOutput, f.outstanding, cost + f.outstanding, f.localTax, cost + f.outstanding - f.localTax];
}

/** Writes run `r` as a record row into `out` at `offset`; returns a message if the run produced a non-finite number. */
export function writeRecord(layout: RecordLayout, r: RunResult, out: Float64Array, offset: number): string | null {
  let k = offset;
  for (const d of r.drawn) out[k++] = d.value;
  for (const t of r.targets) {
    out[k++] = t.value;
    out[k++] = t.met ? 1 : 0;
    out[k++] = t.firstYearMet ?? NaN;
  }
  for (const v of headlineValues(r)) out[k++] = v;
  for (const c of layout.cells) out[k++] = yearValue(r.metrics[c.metricIndex], c.year - r.startYear, c.labelIndex);
  for (let j = offset; j < k; j++) {
    const v = out[j];
    if (!Number.isFinite(v) && !(Number.isNaN(v) && isFirstYearColumn(layout, j - offset))) return `run produced ${v} in record column ${columnName(layout, j - offset)}`;
  }
  return null;
}

function isFirstYearColumn(layout: RecordLayout, c: number): boolean {
  return c >= layout.targetsAt && c < layout.headlinesAt && (c - layout.targetsAt) % 3 === 2;
}

/** A readable name for column c of a record row. */
export function columnName(layout: RecordLayout, c: number): string {
  if (c < layout.targetsAt) return layout.drawnPaths[c];
  if (c < layout.headlinesAt) {
    const t = layout.targetIds[Math.floor((c - layout.targetsAt) / 3)];
    return `${t}.${["value", "met", "firstYearMet"][(c - layout.targetsAt) % 3]}`;
  }
  if (c < layout.cellsAt) return HEADLINES[c - layout.headlinesAt];
  const cell = layout.cells[c - layout.cellsAt];
  return `${cell.metric}/${cell.by}/${cell.label}/${cell.year}`;
}

