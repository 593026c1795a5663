/**
 * The CSV contract of an experiment folder: every column of design.csv, points.csv, runs.csv,
 * indices.csv (Sobol' or Morris), indices2.csv, noise.csv and boxes.csv with its type, unit and
 * meaning (the Column type of files/columns.ts, so the Data Package describes them the same way).
 * The writers take their headers from here and the reader checks them.
 */
import { PROBABILITY_UNIT, type Column } from "../files/columns.js";
import type { ResolvedFactor } from "./factors.js";
import type { ResolvedOutcome } from "./outcomes.js";

const col = (name: string, type: Column["type"], unit: string, description: string): Column => ({ name, type, unit, description });

/** The unit of a factor's values in design.csv. */
function factorUnit(f: ResolvedFactor): string {
  if (f.paths.length === 0) return "none";
  if (f.apply === "scale") return "multiplier (1 = the scenario's values)";
  if (f.apply === "shift") return "the parameter's unit, added to the scenario's values";
  return "the parameter's unit (see the scenario schema)";
}

/** What a factor moves, in words. */
function factorMeaning(f: ResolvedFactor): string {
  if (f.paths.length === 0) return `test-function input ${f.name}`;
  const what = f.apply === "set" ? "the value set at" : f.apply === "scale" ? "the factor multiplying every number under" : "the amount added to every number under";
  return `${what} ${f.paths.join(" and ")}`;
}

/** design.csv: one row per point, its factor values. */
export function designColumns(factors: readonly ResolvedFactor[]): Column[] {
  return [col("point", "integer", "none", "the design point's index (0-based, design order)"), ...factors.map((f) => col(f.name, "number", factorUnit(f), factorMeaning(f)))];
}

/** points.csv: per point the runs completed and failed, and each outcome's statistic with its 95% interval. */
export function pointsColumns(outcomes: readonly ResolvedOutcome[]): Column[] {
  const interval = (o: ResolvedOutcome) => (o.binary ? "95% Wilson interval" : o.statistic === "mean" ? "95% t-interval of the mean" : "distribution-free 95% interval of the quantile (order statistics)");
  return [
    col("point", "integer", "none", "the design point's index (design.csv)"),
    col("completed", "integer", "none", "runs of the point that completed"),
    col("failed", "integer", "none", "runs of the point that failed (runs.csv says why)"),
    ...outcomes.flatMap((o) => [
      col(o.name, "number", o.unit, o.description),
      col(`${o.name}_low`, "number", o.unit, `${o.name}: ${interval(o)}, low end (replication noise only; empty when it cannot be computed)`),
      col(`${o.name}_high`, "number", o.unit, `${o.name}: ${interval(o)}, high end`),
    ]),
  ];
}

/** runs.csv: one row per run, in run order: its point, replication, seed and each outcome's value in the run. */
export function runsColumns(outcomes: readonly ResolvedOutcome[]): Column[] {
  return [
    col("point", "integer", "none", "the design point (design.csv)"),
    col("replication", "integer", "none", "the replication r (0-based): every point runs the same seeds"),
    col("seed", "integer", "none", "the run seed, deriveSeed(seed, r)"),
    col("failed", "boolean", "none", "1 when the run failed (its values are empty)"),
    col("error", "string", "none", "why the run failed (empty when it did not)"),
    ...outcomes.map((o) => col(o.name, "number", o.binary ? "none (1 met, 0 not met)" : o.unit, `the run's value of outcome ${o.name}${o.binary ? " (1 when met)" : ""}`)),
  ];
}

/** indices.csv of a Saltelli design: first-order and total Sobol' indices with bootstrap intervals. */
export const SOBOL_COLUMNS: readonly Column[] = [
  col("output", "string", "none", "the outcome (points.csv column)"),
  col("factor", "string", "none", "the factor (design.csv column)"),
  col("S1", "number", "share of variance", "first-order index (Saltelli et al. 2010): the share of the outcome's variance across points due to the factor alone"),
  col("S1_low", "number", "share of variance", "S1: 95% percentile-bootstrap interval, low end"),
  col("S1_high", "number", "share of variance", "S1: high end"),
  col("ST", "number", "share of variance", "total index (Jansen 1999): the share due to the factor with all its interactions"),
  col("ST_low", "number", "share of variance", "ST: 95% percentile-bootstrap interval, low end"),
  col("ST_high", "number", "share of variance", "ST: high end"),
];

/** indices.csv of a Morris design: elementary-effect measures. */
export const MORRIS_COLUMNS: readonly Column[] = [
  col("output", "string", "none", "the outcome (points.csv column)"),
  col("factor", "string", "none", "the factor (design.csv column)"),
  col("mu", "number", "the outcome's unit", "mean elementary effect: change of the outcome per unit-cube step, divided by the step (Morris 1991)"),
  col("mu_star", "number", "the outcome's unit", "mean absolute elementary effect (Campolongo et al. 2007): the factor's overall influence"),
  col("sigma", "number", "the outcome's unit", "standard deviation of the elementary effects: non-linearity and interactions"),
  col("mu_star_low", "number", "the outcome's unit", "mu_star: 95% percentile-bootstrap interval over trajectories, low end"),
  col("mu_star_high", "number", "the outcome's unit", "mu_star: high end"),
];

/** indices2.csv: second-order Sobol' indices. */
export const SOBOL2_COLUMNS: readonly Column[] = [
  col("output", "string", "none", "the outcome"),
  col("factor_a", "string", "none", "the first factor of the pair"),
  col("factor_b", "string", "none", "the second factor of the pair"),
  col("S2", "number", "share of variance", "second-order index (Saltelli 2002): the share due to the pair's interaction alone"),
  col("S2_low", "number", "share of variance", "S2: 95% percentile-bootstrap interval, low end"),
  col("S2_high", "number", "share of variance", "S2: high end"),
];

/** noise.csv: per outcome, how much of the variance of its point means is replication noise. */
export const NOISE_COLUMNS: readonly Column[] = [
  col("output", "string", "none", "the outcome"),
  col("points", "integer", "none", "points P"),
  col("replications", "integer", "none", "replications R per point"),
  col("between_variance", "number", "the outcome's unit squared", "variance of the point means across points"),
  col("noise_variance", "number", "the outcome's unit squared", "variance of one replication's noise (two-way residual under common random numbers)"),
  col("noise_share", "number", "share of variance", "min(1, noise variance / R / between variance): near 0 the indices describe the factors, near 1 they describe noise (empty when it cannot be computed: see experiment.json)"),
];

/** boxes.csv: the PRIM box of each met/not-met outcome, one row per factor. */
export const BOX_COLUMNS: readonly Column[] = [
  col("output", "string", "none", "the met/not-met outcome"),
  col("factor", "string", "none", "the factor"),
  col("restricted", "boolean", "none", "1 when the box limits the factor (narrower than the design's range)"),
  col("low", "number", "the factor's unit (design.csv)", "the box's lower limit on the factor"),
  col("high", "number", "the factor's unit (design.csv)", "the box's upper limit on the factor"),
  col("coverage", "number", PROBABILITY_UNIT, "share of all runs that met the outcome which lie in the box"),
  col("density", "number", PROBABILITY_UNIT, "share of the runs in the box that met the outcome (the probability inside the box)"),
  col("mass", "number", PROBABILITY_UNIT, "share of all runs that lie in the box"),
  col("runs", "integer", "none", "runs in the box"),
  col("meets_threshold", "boolean", "none", "1 when the box's density reaches the PRIM threshold (experiment.json)"),
];
