/**
 * The history for calibration (docs/model.md, "Calibration"): one replicate runs the scenario
 * from the start of its history to the calibration's last quarter (no projection, no later
 * outcome) with given parameter values (by JSON path) and a history seed, and returns each
 * observation's statistic: a range observation's value and whether it lies in its tolerance, a
 * Poisson observation's probability of the observed count given the expected count mu.
 */
import { absorb32, exp, hashString32, ln, lnGamma } from "../random/index.js";
import type { Scenario } from "../scenario/schema.js";
import { quarterIndex } from "./schedule.js";
import { runScenario, type RunResult } from "./run.js";
import { METRIC_INDEX, isMetricKey, yearValue } from "./metrics.js";

/** A range observation: a metric of one label in a year (or at the end of one quarter), its level or growth. */
export interface RangeObservation {
  kind: "range";
  label: string;
  metric: string;
  of: string;
  year: number;
  quarter?: number;
  measure?: "level" | "growth";
  min?: number;
  max?: number;
}

/** A count observation scored by its Poisson probability given the model's expected count. */
export interface PoissonObservation {
  kind: "poisson";
  label: string;
  statistic: "anchorSignings";
  observed: number;
}

/** Any observation of a calibration. */
export type Observation = RangeObservation | PoissonObservation;

/** One observation's statistic in a replicate. */
export interface ObservationStatistic {
  id: string;
  kind: Observation["kind"];
  /** range: the model's value; poisson: the expected count mu */
  value: number;
  /** range: within [min, max]; poisson: the Poisson probability of the observed count */
  within: boolean;
  score: number;
}

/** A range observation's value in a run (yearly by the metric's own rule, or at the end of a quarter). */
export function observeRange(r: RunResult, o: RangeObservation): number {
  const valueIn = (year: number): number => {
    if (!isMetricKey(o.metric)) throw new Error(`unknown metric "${o.metric}"`);
    const sr = r.metrics[METRIC_INDEX[o.metric]];
    const l = sr.labels.indexOf(o.of);
    if (l < 0) throw new Error(`metric "${o.metric}" has no label "${o.of}" (has ${sr.labels.join(", ")})`);
    const y = year - r.startYear;
    if (y < 0 || y >= r.years) throw new Error(`year ${year} is outside the run (${r.startYear}-${r.startYear + r.years - 1})`);
    return o.quarter !== undefined ? sr.values[(4 * y + o.quarter - 1) * sr.labels.length + l] : yearValue(sr, y, l);
  };
  const level = valueIn(o.year);
  if ((o.measure ?? "level") === "level") return level;
  const before = valueIn(o.year - 1);
  return before > 0 ? level / before - 1 : Infinity;
}

/** Whether a value lies within a range observation's [min, max]. */
export function withinRange(o: RangeObservation, value: number): boolean {
  return (o.min === undefined || value >= o.min) && (o.max === undefined || value <= o.max);
}

/** Poisson probability of `n` events given the expected count mu. */
export function poissonProbability(n: number, mu: number): number {
  if (mu <= 0) return n === 0 ? 1 : 0;
  return exp(n * ln(mu) - mu - lnGamma(n + 1));
}

/** The expected anchor signings (mu) a run summed before history.anchorLeadsFrom. */
export function anchorMuOf(r: RunResult): number {
  const sr = r.metrics[METRIC_INDEX["anchorMu/district"]];
  let mu = 0;
  for (let q = 0; q < sr.values.length; q++) mu = Math.max(mu, sr.values[q]);
  return mu;
}

/** Each observation's statistic in a run. */
export function observationStatistics(r: RunResult, observations: Record<string, Observation>): ObservationStatistic[] {
  return Object.keys(observations).sort().map((id) => {
    const o = observations[id];
    if (o.kind === "poisson") {
      const mu = anchorMuOf(r);
      const score = poissonProbability(o.observed, mu);
      return { id, kind: o.kind, value: mu, within: true, score };
    }
    const value = observeRange(r, o);
    const within = withinRange(o, value);
    return { id, kind: o.kind, value, within, score: within ? 1 : 0 };
  });
}

const PROJECTION_SALT = hashString32("clustersim calibration projection seed");

/**
 * Runs the history of a calibration scenario (its `calibration` section says the last quarter and
 * the observations) with parameter values by JSON path and a history seed; every other
 * distribution is drawn from its prior with the history seed. The quarters after the history
 * and up to the calibration's end use a seed derived from the history seed.
 */
export function runHistory(scenario: Scenario, values: ReadonlyMap<string, number> | Record<string, number>, historySeed: number): ObservationStatistic[] {
  const cal = scenario.calibration;
  if (!cal) throw new Error(`scenario "${scenario.name}" has no calibration section`);
  const map = values instanceof Map ? values : new Map(Object.entries(values));
  const quarters = quarterIndex(cal.until, scenario.history.startYear) + 1;
  const r = runScenario(scenario, absorb32(PROJECTION_SALT, historySeed >>> 0), { fixed: { values: map, historySeed: historySeed >>> 0 }, quarters });
  return observationStatistics(r, cal.observations as Record<string, Observation>);
}
