/**
 * Draws a run's parameters (docs/model.md, "Randomness"): every distribution in the scenario is
 * replaced by one value drawn from the stream keyed by its JSON path and the run's history seed
 * (so adding a distribution elsewhere shifts no draw, and a history seed fixes the history). A
 * posterior row fixes its parameters and its history seed: the run replays that history.
 */
import { absorb32, distributionQuantile, drawParameter, hashString32, isDistributionSpec, parameterStream } from "../random/index.js";
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

/** Parameter values and a history seed that a run must use (a posterior row, or a calibration replicate). */
export interface FixedDraw {
  values: ReadonlyMap<string, number>;
  historySeed: number;
}

/** JSON path of the posterior row a run uses (drawn from its own stream of the run seed). */
export const POSTERIOR_ROW_PATH = "$.posterior.row";
/** Pseudo-path under which a run reports its history seed among its drawn values. */
export const HISTORY_SEED_PATH = "$.history.seed";

const HISTORY_SALT = hashString32("clustersim history seed");

/** The history seed of a run without a posterior: a hash of its run seed. */
export function historySeedOf(runSeed: number): number {
  return absorb32(HISTORY_SALT, runSeed >>> 0);
}

function walk(value: unknown, path: string, seed: number, fixed: ReadonlyMap<string, number>, out: DrawnValue[]): unknown {
  const preset = isDistributionSpec(value) ? fixed.get(path) : undefined;
  if (preset !== undefined) {
    out.push({ path, value: preset });
    return preset;
  }
  if (isDistributionSpec(value)) {
    const v = drawParameter(seed, path, value);
    out.push({ path, value: v });
    return v;
  }
  if (Array.isArray(value)) return value.map((x, i) => walk(x, childPath(path, i), seed, fixed, out));
  if (value !== null && typeof value === "object") {
    const res: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) res[key] = walk((value as Record<string, unknown>)[key], childPath(path, key), seed, fixed, out);
    return res;
  }
  return value;
}

/** The posterior row of the run, picked uniformly with the stream keyed by POSTERIOR_ROW_PATH. */
function posteriorRow(scenario: Scenario, runSeed: number, out: DrawnValue[]): FixedDraw | undefined {
  const post = scenario.posterior;
  if (!post) return undefined;
  const row = Math.min(post.draws.length - 1, Math.floor(parameterStream(runSeed, POSTERIOR_ROW_PATH).next() * post.draws.length));
  out.push({ path: POSTERIOR_ROW_PATH, value: row });
  return { values: new Map(post.parameters.map((path, i) => [path, post.draws[row][i]])), historySeed: post.historySeeds[row] };
}

/**
 * Draws every distribution of `scenario` for the run with seed `runSeed`, keyed by the run's
 * history seed. `fixed` (a calibration replicate) or else the scenario's posterior row sets
 * values and the history seed; an overlay that fixed a parameter to a plain number wins over
 * both. Values are listed in path order after the posterior row and the history seed.
 */
export function drawScenario(scenario: Scenario, runSeed: number, fixed?: FixedDraw): { drawn: DrawnScenario; values: DrawnValue[]; historySeed: number } {
  const values: DrawnValue[] = [];
  const preset = fixed ?? posteriorRow(scenario, runSeed, values);
  const historySeed = preset?.historySeed ?? historySeedOf(runSeed);
  values.push({ path: HISTORY_SEED_PATH, value: historySeed });
  const { posterior, calibration, ...model } = scenario;
  const drawn = walk(model, "$", historySeed, preset?.values ?? new Map(), values) as DrawnScenario;
  return { drawn: { ...drawn, posterior, calibration } as DrawnScenario, values, historySeed };
}

/** Paths of every distribution in the scenario, in the order drawScenario reports them (pseudo-paths excluded). */
export function distributionPaths(scenario: Scenario): string[] {
  return drawScenario(scenario, 0).values.map((v) => v.path).filter((p) => p !== POSTERIOR_ROW_PATH && p !== HISTORY_SEED_PATH);
}

function atQuantile(value: unknown, prob: number): unknown {
  if (isDistributionSpec(value)) return distributionQuantile(value, prob);
  if (Array.isArray(value)) return value.map((x) => atQuantile(x, prob));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, atQuantile(v, prob)]));
  return value;
}

/** The scenario with every distribution replaced by its quantile `prob` (e.g. 0.95 for a stress test). */
export function scenarioAtQuantile(scenario: Scenario, prob: number): Scenario {
  return atQuantile(scenario, prob) as Scenario;
}
