/**
 * The ABC-SMC engine on model v2 (docs/calibration.md, "Real model"): the one file of this folder
 * that knows the model. A calibration scenario's `calibration` section gives the calibrated
 * parameters (JSON paths, one written form: src/scenario/json-path.ts) with the scenario's own
 * distributions as their priors, and the observations; the simulator is one history replicate
 * (runHistory) with those parameters fixed and every other distribution drawn from the history
 * seed, so (theta, history seed) replays the history bit for bit.
 */
import { distributionPaths } from "../../model/draw.js";
import { runHistory } from "../../model/history.js";
import { isDistributionSpec } from "../../random/distribution.js";
import { InputError } from "../../scenario/input-error.js";
import { jsonPathProblem, parseJsonPath, valueAt } from "../../scenario/json-path.js";
import type { Scenario } from "../../scenario/schema.js";
import type { CalibrationObservation, CalibrationParameter, CalibrationSpec, Simulator } from "./types.js";

/** A problem with a calibration scenario (bad input: the CLI reports it and exits 2). */
export class CalibrationInputError extends InputError {
  override name = "CalibrationInputError";
}

/** Whether `path` is `prefix` or lies below it. */
function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/**
 * JSON paths of the calibrated parameters: `calibration.parameters` when given, else every
 * distribution of the scenario not under a `calibration.exclude` path. Throws
 * CalibrationInputError for a path not in the written form or not a distribution.
 */
export function calibratedPaths(scenario: Scenario): string[] {
  const cal = scenario.calibration;
  if (!cal) throw new CalibrationInputError("$.calibration: missing; a calibration scenario needs observations to compare with");
  const paths = cal.parameters ?? distributionPaths(scenario).filter((p) => !cal.exclude.some((x) => under(p, x)));
  if (paths.length === 0) throw new CalibrationInputError("$.calibration: no distributions left to calibrate after $.calibration.exclude");
  paths.forEach((path, i) => {
    const problem = jsonPathProblem(path);
    if (problem !== null) throw new CalibrationInputError(`$.calibration.parameters[${i}]: ${problem}`);
    if (!isDistributionSpec(valueAt(scenario, parseJsonPath(path)!))) throw new CalibrationInputError(`$.calibration.parameters[${i}]: ${path} is not a distribution of the scenario`);
  });
  return paths;
}

/**
 * The engine's observations, in id order (runHistory's order). A range is an interval [min, max];
 * its optional `target` (a point value the interval is a tolerance around) enters the
 * regression adjustment. A Poisson observation's statistic is the expected count mu.
 */
export function calibrationObservations(scenario: Scenario): CalibrationObservation[] {
  const observations = scenario.calibration?.observations ?? {};
  return Object.keys(observations)
    .sort()
    .map((id): CalibrationObservation => {
      const o = observations[id];
      if (o.kind === "poisson") return { id, kind: "poisson", count: o.observed };
      return { id, kind: "interval", min: o.min, max: o.max, ...(o.target !== undefined ? { target: o.target } : {}) };
    });
}

/** The calibration problem of a scenario without its simulator: priors from the scenario's distributions, observations. */
export function calibrationSpecOf(scenario: Scenario): CalibrationSpec {
  const parameters: CalibrationParameter[] = calibratedPaths(scenario).map((path) => ({
    path,
    prior: valueAt(scenario, parseJsonPath(path)!) as CalibrationParameter["prior"],
  }));
  if (scenario.posterior) throw new CalibrationInputError("$.posterior: a calibration scenario must not carry a posterior (calibrate from the prior)");
  return { parameters, observations: calibrationObservations(scenario) };
}

/** One history replicate: each observation's statistic (range: its value; Poisson: mu), in id order. */
export function simulateHistory(scenario: Scenario, paths: readonly string[], theta: ArrayLike<number>, historySeed: number): Float64Array {
  const values = new Map<string, number>();
  for (let k = 0; k < paths.length; k++) values.set(paths[k], theta[k]);
  const stats = runHistory(scenario, values, historySeed);
  return Float64Array.from(stats, (s) => s.value);
}

/** The simulator of a calibration scenario for the engine (parameters in `paths` order). */
export function historySimulator(scenario: Scenario, paths: readonly string[]): Simulator {
  return (theta, historySeed) => simulateHistory(scenario, paths, theta, historySeed);
}
