/**
 * Draws a run's parameters: every distribution in the scenario is replaced by one value drawn
 * from the stream keyed by its JSON path (so adding a distribution elsewhere shifts no draw).
 */
import { distributionQuantile, drawParameter, isDistributionSpec, parameterStream } from "../random/index.js";
import type { Distribution } from "../scenario/schema-number.js";
import type { Scenario } from "../scenario/schema.js";
import { childPath } from "../scenario/json-path.js";

/** `T` with every distribution replaced by the number drawn for the run. */
export type Drawn<T> = T extends Distribution
  ? number
  : T extends number | string | boolean | null | undefined
    ? T
    : T extends (infer U)[]
      ? Drawn<U>[]
      : { [K in keyof T]: Drawn<T[K]> };

/** A scenario with every parameter drawn. */
export type DrawnScenario = Drawn<Scenario>;

/** One drawn parameter: its JSON path and value. */
export interface DrawnValue {
  path: string;
  value: number;
}

function walk(value: unknown, path: string, runSeed: number, fixed: Map<string, number>, out: DrawnValue[]): unknown {
  const preset = isDistributionSpec(value) ? fixed.get(path) : undefined;
  if (preset !== undefined) {
    out.push({ path, value: preset });
    return preset;
  }
  if (isDistributionSpec(value)) {
    const v = drawParameter(runSeed, path, value);
    out.push({ path, value: v });
    return v;
  }
  if (Array.isArray(value)) return value.map((x, i) => walk(x, childPath(path, i), runSeed, fixed, out));
  if (value !== null && typeof value === "object") {
    const res: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) res[key] = walk((value as Record<string, unknown>)[key], childPath(path, key), runSeed, fixed, out);
    return res;
  }
  return value;
}

/** JSON path of the posterior row a run uses (drawn from its own stream). */
export const POSTERIOR_ROW_PATH = "$.posterior.row";

/**
 * The posterior row of the run: one accepted joint draw picked uniformly with the stream keyed by
 * POSTERIOR_ROW_PATH, as a map from parameter path to value (empty without a posterior).
 */
function posteriorValues(scenario: Scenario, runSeed: number, out: DrawnValue[]): Map<string, number> {
  const post = scenario.posterior;
  if (!post) return new Map();
  const row = Math.min(post.draws.length - 1, Math.floor(parameterStream(runSeed, POSTERIOR_ROW_PATH).next() * post.draws.length));
  out.push({ path: POSTERIOR_ROW_PATH, value: row });
  return new Map(post.parameters.map((path, i) => [path, post.draws[row][i]]));
}

/**
 * Draws every distribution of `scenario` for the run with seed `runSeed`; parameters of the
 * posterior (when the scenario has one) take the values of the run's posterior row instead,
 * unless an overlay has fixed them to a plain number, which then wins.
 * Values are listed in path order, the posterior row first.
 */
export function drawScenario(scenario: Scenario, runSeed: number): { drawn: DrawnScenario; values: DrawnValue[] } {
  const values: DrawnValue[] = [];
  const fixed = posteriorValues(scenario, runSeed, values);
  const { posterior, calibration, ...model } = scenario;
  const drawn = walk(model, "$", runSeed, fixed, values) as DrawnScenario;
  return { drawn: { ...drawn, posterior, calibration } as DrawnScenario, values };
}

/** Paths of every distribution in the scenario, in the order drawScenario reports them. */
export function distributionPaths(scenario: Scenario): string[] {
  return drawScenario(scenario, 0).values.map((v) => v.path);
}

function atQuantile(value: unknown, prob: number): unknown {
  if (isDistributionSpec(value)) return distributionQuantile(value, prob);
  if (Array.isArray(value)) return value.map((x) => atQuantile(x, prob));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, atQuantile(v, prob)]));
  return value;
}

/** The scenario with every distribution replaced by its quantile `prob` (e.g. 0.95 for a stress test). */
export function scenarioAtQuantile(scenario: Scenario, prob: number): Scenario {
  return atQuantile(scenario, prob) as Scenario;
}
