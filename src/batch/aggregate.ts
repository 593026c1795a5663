/**
 * Aggregation of a batch, fed one run record at a time in run order: per target the probability
 * met, exact type-7 quantiles of its value and the distribution of the first year met; per
 * headline figure a mean with its interval; per yearly cell a mean with its interval (added in
 * run order) and a quantile sketch. A target's quantiles are exact (type 7, every value kept: 8
 * bytes per run and target) up to EXACT_QUANTILE_RUNS completed runs, and from a quantile sketch
 * beyond, so memory stops growing with the runs (at most about 1 MB per target). Failed runs are
 * counted; the first MAX_FAILURES_LISTED are kept with their messages.
 */
import { QuantileSketch } from "../analysis/sketch.js";
import { RunningMoments, meanInterval, quantilesType7, wilsonInterval } from "../analysis/statistics.js";
import { describeTarget, type TargetDescription } from "../model/target-description.js";
import type { Scenario } from "../scenario/schema.js";
import type { SummaryTarget } from "./files/schemas.js";
import { HEADLINES, HEADLINE_INFO } from "./headlines.js";
import type { RecordLayout } from "./record.js";

/** Quantile levels reported everywhere (p5, p25, p50, p75, p95). */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
/** Column names of the quantile levels. */
export const QUANTILE_NAMES = ["p5", "p25", "p50", "p75", "p95"] as const;

/** NaN as null (JSON has no NaN). */
const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Failed runs listed in summary.json (the rest are counted). */
export const MAX_FAILURES_LISTED = 50;

/** A growing array of float64 values (doubling its capacity). */
class Float64List {
  private data = new Float64Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  /** The values pushed (a view). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** Completed runs up to which a target's quantiles are exact; beyond, they come from a sketch. */
export const EXACT_QUANTILE_RUNS = 100_000;

/** How a target's quantiles were computed: exact type 7, or a log-bucket sketch (0.5% relative accuracy). */
export type QuantileMethod = "exact-type7" | "sketch";

/** A target's values over the runs: every value up to EXACT_QUANTILE_RUNS, then a sketch of them all. */
class ValueQuantiles {
  private list: Float64List | null = new Float64List();
  private sketch: QuantileSketch | null = null;

  /** Adds the next run's value (in run order). */
  add(x: number): void {
    if (this.list && this.list.length < EXACT_QUANTILE_RUNS) {
      this.list.push(x);
      return;
    }
    if (this.list) {
      this.sketch = new QuantileSketch();
      for (const v of this.list.values()) this.sketch.add(v);
      this.list = null;
    }
    this.sketch!.add(x);
  }

  /** How the quantiles are computed. */
  get method(): QuantileMethod {
    return this.list ? "exact-type7" : "sketch";
  }

  /** The quantiles at levels `ps` (there is at least one value). */
  quantiles(ps: readonly number[]): number[] {
    return this.list ? quantilesType7(this.list.values(), ps) : this.sketch!.quantiles(ps);
  }
}

/** A failed run: its index, seed and message. */
export interface Failure {
  run: number;
  seed: number;
  message: string;
}

/** Aggregates of one scenario's runs. */
export class ScenarioAggregate {
  /** the first MAX_FAILURES_LISTED failed runs */
  readonly failures: Failure[] = [];
  /** failed runs */
  failed = 0;
  private ok = 0;
  private readonly targetValues: ValueQuantiles[];
  private readonly targetMet: number[];
  private readonly firstYear: Map<number | null, number>[];
  private readonly descriptions: TargetDescription[];
  private readonly headlines = HEADLINES.map(() => new RunningMoments());
  private readonly cellMoments: RunningMoments[];
  private readonly cellSketches: QuantileSketch[];

  constructor(readonly name: string, readonly scenario: Scenario, readonly layout: RecordLayout) {
    this.targetValues = layout.targetIds.map(() => new ValueQuantiles());
    this.targetMet = layout.targetIds.map(() => 0);
    this.firstYear = layout.targetIds.map(() => new Map());
    this.descriptions = layout.targetIds.map((id) => describeTarget(id, scenario.targets[id]));
    this.cellMoments = layout.cells.map(() => new RunningMoments());
    this.cellSketches = layout.cells.map(() => new QuantileSketch());
  }

  /** Adds run `run` (call in run order): its record values, or its failure. */
  add(run: number, seed: number, values: Float64Array, error: string | null): void {
    if (error !== null) {
      this.failed += 1;
      if (this.failures.length < MAX_FAILURES_LISTED) this.failures.push({ run, seed, message: error });
      return;
    }
    this.ok += 1;
    const L = this.layout;
    L.targetIds.forEach((_, t) => {
      const at = L.targetsAt + 3 * t;
      this.targetValues[t].add(values[at]);
      if (values[at + 1] === 1) this.targetMet[t] += 1;
      const year = Number.isNaN(values[at + 2]) ? null : values[at + 2];
      this.firstYear[t].set(year, (this.firstYear[t].get(year) ?? 0) + 1);
    });
    this.headlines.forEach((m, h) => m.add(values[L.headlinesAt + h]));
    for (let c = 0; c < L.cells.length; c++) {
      const v = values[L.cellsAt + c];
      this.cellMoments[c].add(v);
      this.cellSketches[c].add(v);
    }
  }

  /** Runs that completed. */
  get completed(): number {
    return this.ok;
  }

  /** Per-target statistics (ids in sorted order): the target's description, how often it was met, its value's quantiles and first year met (null: not by the horizon). */
  targets(): SummaryTarget[] {
    return this.layout.targetIds.map((_, t) => {
      const n = this.ok;
      const [low, high] = wilsonInterval(this.targetMet[t], n);
      const qs = n > 0 ? this.targetValues[t].quantiles(QUANTILES) : QUANTILES.map(() => NaN);
      const years = [...this.firstYear[t].keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
      return {
        ...this.descriptions[t],
        runs: n,
        met: this.targetMet[t],
        probability: nullable(n > 0 ? this.targetMet[t] / n : NaN),
        low: nullable(low),
        high: nullable(high),
        quantiles: Object.fromEntries(QUANTILE_NAMES.map((name, i) => [name, nullable(qs[i])])) as SummaryTarget["quantiles"],
        quantileMethod: this.targetValues[t].method,
        firstYearMet: years.map((year) => ({ year, runs: this.firstYear[t].get(year)!, share: this.firstYear[t].get(year)! / n })),
      };
    });
  }

  /** Headline means with 95% t-intervals. */
  headlineStats() {
    return HEADLINES.map((name, h) => {
      const m = this.headlines[h];
      const ci = meanInterval(m);
      return { name, unit: HEADLINE_INFO[name].unit, mean: nullable(m.mean), low: ci ? ci[0] : null, high: ci ? ci[1] : null };
    });
  }

  /** Yearly fans: per cell the mean with its interval and sketch quantiles. */
  yearly() {
    return this.layout.cells.map((cell, c) => {
      const m = this.cellMoments[c];
      const ci = meanInterval(m);
      const qs = m.n > 0 ? this.cellSketches[c].quantiles(QUANTILES) : QUANTILES.map(() => NaN);
      return { ...cell, mean: m.mean, low: ci ? ci[0] : null, high: ci ? ci[1] : null, quantiles: qs };
    });
  }
}
