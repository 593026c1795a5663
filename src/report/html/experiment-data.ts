/**
 * The numbers the experiment report draws, from an experiment folder's result objects: each
 * outcome's statistic per point, its main effects (the mean over the points in each level or
 * bin of a factor, with a 95% t-interval across those points) and two-factor tables (the mean
 * over the points of each pair of levels) for the heat maps. Points of a Saltelli design's AB
 * rows are left out (they repeat the A rows' coordinates).
 */
import { RunningMoments, meanInterval } from "../../analysis/statistics.js";
import type { ExperimentResults } from "../../batch/experiment/read.js";

/** Factors with at most this many distinct values are shown level by level; others in bins. */
const MAX_LEVELS = 12;
/** Bins of a continuous factor's main effect. */
const BINS = 10;

/** The rows (point indices) the report averages over: all, or a Saltelli design's A and B rows. */
export function displayPoints(r: ExperimentResults): number[] {
  const d = r.summary.design;
  const k = r.summary.factors.length;
  const all = r.design.map((_, p) => p);
  if (d.method !== "saltelli") return all;
  const stride = d.layout.secondOrder ? 2 * k + 2 : k + 2;
  return all.filter((p) => p % stride === 0 || p % stride === stride - 1);
}

/** An outcome's statistic at every point (null where it has none). */
export function outcomeValues(r: ExperimentResults, outcome: number): (number | null)[] {
  return r.points.map((row) => row[3 + 3 * outcome]);
}

/** A level's label: at most four significant digits ("1.219", "0.5", "1200"). */
const label = (v: number): string => String(Number(v.toPrecision(4)));

/** The groups of a factor's values: its distinct levels, or equal-width bins, as [low, high, label]. */
function groupsOf(values: readonly number[]): { key: (x: number) => number; mids: number[]; labels: string[] } {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length <= MAX_LEVELS) return { key: (x) => distinct.indexOf(x), mids: distinct, labels: distinct.map(label) };
  const lo = distinct[0];
  const hi = distinct[distinct.length - 1];
  const w = (hi - lo) / BINS;
  const mids = Array.from({ length: BINS }, (_, b) => lo + (b + 0.5) * w);
  return { key: (x) => Math.min(BINS - 1, Math.floor((x - lo) / w)), mids, labels: mids.map(label) };
}

/** One point of a main-effect line. */
export interface EffectPoint {
  factor: string;
  x: number;
  mean: number;
  low: number;
  high: number;
  points: number;
}

/** The main effect of every factor on an outcome: the mean of its statistic in each level or bin of the factor. */
export function mainEffects(r: ExperimentResults, outcome: number): EffectPoint[] {
  const rows = displayPoints(r);
  const y = outcomeValues(r, outcome);
  return r.summary.factors.flatMap((f, j) => {
    const g = groupsOf(rows.map((p) => r.design[p][1 + j]));
    const moments = g.mids.map(() => new RunningMoments());
    for (const p of rows) {
      const v = y[p];
      if (v !== null) moments[g.key(r.design[p][1 + j])].add(v);
    }
    return moments.flatMap((m, b) => {
      if (m.n === 0) return [];
      const ci = meanInterval(m);
      return [{ factor: f.name, x: g.mids[b], mean: m.mean, low: ci ? ci[0] : m.mean, high: ci ? ci[1] : m.mean, points: m.n }];
    });
  });
}

/** How far an outcome's main effect over a factor moves: the range of its level means. */
export function effectRange(effects: readonly EffectPoint[], factor: string): number {
  const means = effects.filter((e) => e.factor === factor).map((e) => e.mean);
  return means.length === 0 ? 0 : Math.max(...means) - Math.min(...means);
}

/** One cell of a two-factor table. */
export interface HeatCell {
  a: string;
  b: string;
  mean: number;
  points: number;
}

/** The mean of an outcome over the points in each pair of levels (or bins) of factors a and b. */
export function twoFactorTable(r: ExperimentResults, outcome: number, a: number, b: number): { cells: HeatCell[]; aLabels: string[]; bLabels: string[] } {
  const rows = displayPoints(r);
  const y = outcomeValues(r, outcome);
  const ga = groupsOf(rows.map((p) => r.design[p][1 + a]));
  const gb = groupsOf(rows.map((p) => r.design[p][1 + b]));
  const m = ga.mids.map(() => gb.mids.map(() => new RunningMoments()));
  for (const p of rows) {
    const v = y[p];
    if (v !== null) m[ga.key(r.design[p][1 + a])][gb.key(r.design[p][1 + b])].add(v);
  }
  const cells: HeatCell[] = [];
  m.forEach((row, i) => row.forEach((c, k) => c.n > 0 && cells.push({ a: ga.labels[i], b: gb.labels[k], mean: c.mean, points: c.n })));
  return { cells, aLabels: ga.labels, bLabels: gb.labels };
}
