/** Shared test fixtures: shipped scenarios loaded once, a model built without stepping, paired-run helpers. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { startRun, type RunOptions, type Simulation } from "../../src/model/run.js";
import { step } from "../../src/model/step.js";
import type { ModelParams } from "../../src/model/params.js";
import type { ModelState } from "../../src/model/model-state.js";
import { yearlyMeans } from "../../src/model/yearly.js";
import type { RunResult } from "../../src/model/run.js";

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

/** Parameters and initial state of one run of `s`, without stepping (parameters adjusted in place by `adjust`). */
export function model(s: Scenario, seed = 1, adjust?: (p: ModelParams) => void): { p: ModelParams; s: ModelState; sim: Simulation } {
  const sim = startRun(s, seed, { adjustParams: adjust ? (p) => (adjust(p), p) : undefined });
  return { p: sim.p, s: sim.s, sim };
}

/** A simulation stepped `quarters` quarters. */
export function stepped(s: Scenario, seed: number, quarters: number, options: RunOptions = {}): Simulation {
  const sim = startRun(s, seed, options);
  for (let q = 0; q < quarters; q++) step(sim.p, sim.s, sim.series, sim.scratch);
  return sim;
}

/** A deep copy of a scenario, to modify in a test. */
export function clone<T>(x: T): T {
  return structuredClone(x);
}

/** District output per year (亿元/yr) of a run, all simulated years. */
export function districtOutput(r: RunResult): number[] {
  const y = yearlyMeans(r, "output/park");
  return Array.from({ length: r.years }, (_, k) => y.values.reduce((s, row) => s + row[k], 0));
}

/** Mean, its standard error and the share of values below `cut`. */
export function summary(xs: number[], cut = -Infinity): { mean: number; se: number; below: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1));
  return { mean, se: sd / Math.sqrt(n), below: xs.filter((x) => x < cut).length / n };
}
