/**
 * Face validity of the model (a check, not a calibration; docs/model.md, "Face validity"): over
 * paired seeds (common random numbers), the sign of every lever's effect on district output by
 * year, the baseline's growth decomposition, its utilisation and wage paths, idle capacity, land
 * queues, national-market shares, value added against GDP, 亩均 revenue against the data rows,
 * and the realised ratio and spend rate the data rows report.
 */
import { runScenario, type RunResult } from "../model/run.js";
import { deriveSeed } from "../random/index.js";
import { METRIC_INDEX, type MetricKey } from "../model/metrics.js";
import { yearlyMeans } from "../model/yearly.js";
import type { Scenario } from "../scenario/schema.js";

/** A mean over runs with its 95% interval (normal approximation). */
export interface Estimate {
  mean: number;
  low: number;
  high: number;
}

/** A lever's paired effect on district output in one year. */
export interface LeverYear {
  year: number;
  /** mean paired change of district output, 亿元/yr, with its 95% interval */
  change: Estimate;
  /** share of pairs in which the lever lowers output by more than 1% */
  fallShare: number;
}

/** The face-validity report. */
export interface FaceValidity {
  runs: number;
  seed: number;
  years: number[];
  /** per lever (its scenario name) against its reference (the baseline; the baseline against no-plan) */
  levers: { name: string; against: string; byYear: LeverYear[] }[];
  /** the baseline's mean growth decomposition by year, 亿元/yr: labels of outputChange/flow */
  decomposition: { flow: string; byYear: number[] }[];
  /** baseline means by year */
  utilisation: { industry: string; byYear: number[] }[];
  wageRatio: number[];
  /** 1 - output / potential output, district */
  idleCapacity: number[];
  landQueue: { park: string; byYear: number[] }[];
  /** per industry: the largest yearly national share over the runs' means, and the runs flagged above the threshold */
  nationalShare: { industry: string; max: number; flaggedRuns: number }[];
  nationalShareFlag: number;
  /** district value added in the first simulated year / the reference GDP */
  valueAddedToGdp: Estimate | null;
  gdpReference: number | null;
  /** 亩均 revenue of each park in the last history year (revenuePerMuYear), 万元/亩/yr */
  revenuePerMu: { park: string; value: Estimate }[];
  revenuePerMuYear: number;
  /** investment spent in the projection's first half-year / signed in it (data: realised-ratio, about 0.22) */
  realisedRatio: Estimate;
  /** investment spent in the projection's first year / commitments outstanding at its start (data: spend-rate, about 0.2) */
  spendRate: Estimate;
}

function estimate(xs: number[]): Estimate {
  const v = xs.filter(Number.isFinite);
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1)) : 0;
  const half = n > 1 ? (1.96 * sd) / Math.sqrt(n) : 0;
  return { mean, low: mean - half, high: mean + half };
}

const total = (r: RunResult, key: MetricKey, y: number) => yearlyMeans(r, key).values.reduce((s, row) => s + row[y], 0);
const meanOf = (rows: number[][], y: number) => rows.reduce((s, r) => s + r[y], 0) / rows.length;

/** Value of a cumulative district metric at the end of quarter q (0 before the run). */
function at(r: RunResult, key: MetricKey, q: number): number {
  return q < 0 ? 0 : r.metrics[METRIC_INDEX[key]].values[q];
}

/** Paired effect of `alt` against `base` on district output by projection year. */
function pairedEffect(base: RunResult[], alt: RunResult[], first: number, years: number): LeverYear[] {
  return Array.from({ length: years - first }, (_, k) => {
    const y = first + k;
    const diffs = base.map((b, i) => total(alt[i], "output/park", y) - total(b, "output/park", y));
    const falls = base.filter((b, i) => total(alt[i], "output/park", y) < 0.99 * total(b, "output/park", y)).length;
    return { year: base[0].startYear + y, change: estimate(diffs), fallShare: falls / base.length };
  });
}

/** Baseline statistics by year: decomposition, utilisation, wage, idle capacity, land queue. */
function paths(runs: RunResult[]) {
  const r0 = runs[0];
  const Y = r0.years;
  const yearly = (key: MetricKey) => {
    const first = yearlyMeans(r0, key);
    return first.labels.map((label, l) => ({ label, byYear: Array.from({ length: Y }, (_, y) => meanOf(runs.map((r) => yearlyMeans(r, key).values[l]), y)) }));
  };
  const idle = Array.from({ length: Y }, (_, y) => meanOf(runs.map((r) => [1 - total(r, "output/park", y) / total(r, "potentialOutput/park", y)]), 0));
  return {
    decomposition: yearly("outputChange/flow").map((x) => ({ flow: x.label, byYear: x.byYear })),
    utilisation: yearly("utilisation/industry").map((x) => ({ industry: x.label, byYear: x.byYear })),
    wageRatio: yearly("wageRatio/market")[0].byYear,
    idleCapacity: idle,
    landQueue: yearly("landQueue/park").map((x) => ({ park: x.label, byYear: x.byYear })),
  };
}

/** National shares: the largest yearly mean share per industry, and runs with any year above the flag. */
function nationalShares(runs: RunResult[], flag: number) {
  const labels = yearlyMeans(runs[0], "nationalShare/industry").labels;
  return labels.map((industry, l) => {
    let max = 0;
    let flaggedRuns = 0;
    for (const r of runs) {
      const row = yearlyMeans(r, "nationalShare/industry").values[l];
      max = Math.max(max, ...row);
      if (row.some((x) => x > flag)) flaggedRuns += 1;
    }
    return { industry, max, flaggedRuns };
  });
}

/** The spending checks of the data rows over the projection's first half-year and year. */
function spending(runs: RunResult[]) {
  const h = (runs[0].projectionStartYear - runs[0].startYear) * 4;
  const ratio = runs.map((r) => {
    const signed = at(r, "signedInvestment/district", h + 1) - at(r, "signedInvestment/district", h - 1);
    const spent = at(r, "realisedInvestment/district", h + 1) - at(r, "realisedInvestment/district", h - 1);
    return signed > 0 ? spent / signed : NaN;
  });
  const rate = runs.map((r) => {
    const outstanding = at(r, "signedInvestment/district", h - 1) - at(r, "realisedInvestment/district", h - 1);
    const spent = at(r, "realisedInvestment/district", h + 3) - at(r, "realisedInvestment/district", h - 1);
    return outstanding > 0 ? spent / outstanding : NaN;
  });
  return { realisedRatio: estimate(ratio), spendRate: estimate(rate) };
}

/** Face validity over `runs` paired seeds from `baseSeed`: no-plan, the baseline and any lever scenarios. */
export function faceValidity(noPlan: Scenario, baseline: Scenario, levers: Scenario[], runs: number, baseSeed: number): FaceValidity {
  const seeds = Array.from({ length: runs }, (_, i) => deriveSeed(baseSeed, i));
  const none = seeds.map((s) => runScenario(noPlan, s));
  const base = seeds.map((s) => runScenario(baseline, s));
  const r0 = base[0];
  const first = r0.projectionStartYear - r0.startYear;
  const leverRows = [
    { name: baseline.name, against: noPlan.name, byYear: pairedEffect(none, base, first, r0.years) },
    ...levers.map((sc) => ({ name: sc.name, against: baseline.name, byYear: pairedEffect(base, seeds.map((s) => runScenario(sc, s)), first, r0.years) })),
  ];
  const gdp = baseline.reporting.gdpReference ?? null;
  const lastHistoryYear = Math.max(0, first - 1);
  const mu = yearlyMeans(r0, "revenuePerMu/park").labels.map((park, l) => ({ park, value: estimate(base.map((r) => yearlyMeans(r, "revenuePerMu/park").values[l][lastHistoryYear])) }));
  return {
    runs,
    seed: baseSeed,
    years: Array.from({ length: r0.years }, (_, y) => r0.startYear + y),
    levers: leverRows,
    ...paths(base),
    nationalShare: nationalShares(base, baseline.reporting.nationalShareFlag as number),
    nationalShareFlag: baseline.reporting.nationalShareFlag as number,
    valueAddedToGdp: gdp === null ? null : estimate(base.map((r) => total(r, "valueAdded/park", 0) / (gdp as number))),
    gdpReference: gdp as number | null,
    revenuePerMu: mu,
    revenuePerMuYear: r0.startYear + lastHistoryYear,
    ...spending(base),
  };
}
