/**
 * The worker side of an experiment: runs one shard's runs (replications of consecutive design
 * points) and records only the outcomes of each run, one value per outcome. A point's scenario
 * is built once from the base scenario and the point's factor values (and validated); a point
 * whose scenario is invalid fails each of its runs with the reason; a scenario run is guarded by
 * the shard's time limit like a batch's (run-limits.ts). Browser-safe.
 */
import { METRIC_INDEX, isMetricKey, yearValue } from "../../model/metrics.js";
import { runScenario, type RunResult } from "../../model/run.js";
import type { Scenario } from "../../scenario/schema.js";
import { injectedFault, type Fault } from "../faults.js";
import { HEADLINES } from "../headlines.js";
import type { Shard } from "../plan.js";
import { headlineValues } from "../record.js";
import type { ShardResult, ShardRunner } from "../run-shard.js";
import { runGuard } from "../run-limits.js";
import { pointScenario, problemsText } from "./apply.js";
import { pointOfRun, type RunValue, type ShardExperiment } from "./spec.js";
import { testFunctionNoise, testFunctionValue } from "./test-models.js";

/** A run's raw value of an outcome's source (before any threshold). */
function sourceValue(r: RunResult, v: RunValue, headlines: () => number[]): number {
  const s = v.source;
  switch (s.kind) {
    case "target":
    case "target-value": {
      const t = r.targets.find((x) => x.id === s.id);
      if (!t) throw new Error(`the run has no target "${s.id}"`);
      return s.kind === "target-value" ? t.value : t.met ? 1 : 0;
    }
    case "metric": {
      if (!isMetricKey(s.metric)) throw new Error(`no metric "${s.metric}"`);
      const series = r.metrics[METRIC_INDEX[s.metric]];
      const l = series.labels.indexOf(s.label);
      const y = s.year - r.startYear;
      if (l < 0) throw new Error(`metric ${s.metric} has no label "${s.label}" in this run`);
      if (y < 0 || y >= r.years) throw new Error(`year ${s.year} is outside the run's years ${r.startYear}-${r.startYear + r.years - 1}`);
      return yearValue(series, y, l);
    }
    case "headline": {
      const h = HEADLINES.indexOf(s.name as (typeof HEADLINES)[number]);
      if (h < 0) throw new Error(`no headline "${s.name}"`);
      return headlines()[h];
    }
    case "output":
      throw new Error("a scenario run has no test-function output");
  }
}

/** The recorded value: the raw value, or 1/0 when the outcome has a threshold. */
export function thresholded(v: RunValue, x: number): number {
  if (v.atLeast !== undefined) return x >= v.atLeast ? 1 : 0;
  if (v.atMost !== undefined) return x <= v.atMost ? 1 : 0;
  return x;
}

/** Writes one run's outcome values at `offset`; returns a message when one is not finite. */
function writeValues(values: readonly RunValue[], raw: (v: RunValue) => number, out: Float64Array, offset: number): string | null {
  for (let o = 0; o < values.length; o++) {
    const x = raw(values[o]);
    if (!Number.isFinite(x)) return `run produced ${x} for outcome ${o + 1}`;
    out[offset + o] = thresholded(values[o], x);
  }
  return null;
}

/** A point's scenario, or why it cannot be run (an invalid scenario, a path that is not there). */
function buildPoint(scenario: Scenario, ex: ShardExperiment, point: number, x: readonly number[]): { scenario: Scenario } | { error: string } {
  try {
    const made = pointScenario(scenario, ex.spec.factors, x);
    return made.ok ? { scenario: made.scenario } : { error: `point ${point}: the scenario is invalid: ${problemsText(made.problems)}` };
  } catch (err) {
    return { error: `point ${point}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The runner of an experiment shard: run(j) writes run j's outcome values (a row of the result) or its failure. */
export function experimentShardRunner(scenario: Scenario, shard: Shard, faults?: readonly Fault[]): ShardRunner {
  const ex = shard.experiment as ShardExperiment;
  const { spec, replications } = ex;
  const width = spec.values.length;
  const result: ShardResult = { shard, width, data: new Float64Array(shard.count * width), errors: new Array<string | null>(shard.count).fill(null), computeMs: 0 };
  let built = -1;
  let current: { scenario: Scenario } | { error: string } = { error: "" };
  const runOne = (j: number): string | null => {
    const started = performance.now();
    const run = shard.firstRun + j;
    const { point } = pointOfRun(run, replications);
    const x = ex.points[point - ex.firstPoint];
    injectedFault(faults, shard.scenarioIndex, run);
    if (spec.model.kind !== "scenario") {
      const y = testFunctionValue(spec.model, x) + testFunctionNoise(spec.model.noise, shard.seeds[j], point);
      return writeValues(spec.values, () => y, result.data, j * width);
    }
    if (built !== point) {
      built = point;
      current = buildPoint(scenario, ex, point, x);
    }
    if ("error" in current) throw new Error(current.error);
    const r = runScenario(current.scenario, shard.seeds[j], runGuard(shard, run, started, faults));
    let headlines: number[] | null = null;
    return writeValues(spec.values, (v) => sourceValue(r, v, () => (headlines ??= headlineValues(r))), result.data, j * width);
  };
  return {
    result,
    run(j) {
      const started = performance.now();
      try {
        result.errors[j] = runOne(j);
      } catch (err) {
        result.errors[j] = err instanceof Error ? err.message : String(err);
      }
      result.computeMs += performance.now() - started;
    },
  };
}
