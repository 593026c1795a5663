/** Shared test fixtures: shipped scenarios loaded once, and a model built without stepping. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { drawScenario } from "../../src/model/draw.js";
import { buildParams, type ModelParams } from "../../src/model/params.js";
import { initialState } from "../../src/model/init.js";
import type { ModelState } from "../../src/model/state.js";

/** Folder of the shipped scenarios. */
export const SCENARIOS = join(import.meta.dirname, "..", "..", "scenarios");

/** Every shipped scenario file (the JSON Schema excluded). */
export function shippedScenarioFiles(): string[] {
  return readdirSync(SCENARIOS).filter((f) => f.endsWith(".json") && f !== "scenario.schema.json").sort();
}

const cache = new Map<string, Promise<Scenario>>();
/** A shipped scenario by file name, e.g. "baseline.json". */
export function scenario(name: string): Promise<Scenario> {
  if (!cache.has(name)) cache.set(name, loadScenario(join(SCENARIOS, name)).then((l) => l.scenario));
  return cache.get(name)!;
}

/** Parameters and initial state of one run of `s`, without stepping. */
export function model(s: Scenario, seed = 1, adjust?: (p: ModelParams) => void): { p: ModelParams; s: ModelState } {
  const p = buildParams(drawScenario(s, seed).drawn);
  adjust?.(p);
  return { p, s: initialState(p, seed) };
}

/** A deep copy of a scenario, to modify in a test. */
export function clone<T>(x: T): T {
  return structuredClone(x);
}
