/**
 * One run of the model: draw the parameters from the run seed, build the initial state, step
 * through the horizon, evaluate the targets. Pure: no I/O, no clock, no global state.
 */
import type { Scenario } from "../scenario/schema.js";
import { drawScenario, type DrawnValue } from "./draw.js";
import { initialState } from "./init.js";
import { allocateMetrics, type MetricSeries } from "./metrics.js";
import { buildParams, type ModelParams } from "./params.js";
import { LOSS_REASONS, LEVERS, type ModelState } from "./state.js";
import { allocateScratch, step } from "./step.js";
import { evaluateTargets, type TargetOutcome } from "./targets.js";

/** Everything one run returns. */
export interface RunResult {
  scenario: string;
  seed: number;
  startYear: number;
  years: number;
  quarters: number;
  /** the run's drawn value of every parameter distribution, in path order */
  drawn: DrawnValue[];
  /** every metric, quarters x labels, as typed arrays */
  metrics: MetricSeries[];
  targets: TargetOutcome[];
  /** firm leads generated and lost by reason over the run */
  leads: number;
  leadsLost: Record<(typeof LOSS_REASONS)[number], number>;
  /** fiscal cost over the run by lever, 亿元 */
  fiscalCost: Record<(typeof LEVERS)[number], number>;
  /** park outputs before the first quarter, 亿元/yr */
  initialParkOutput: Float64Array;
}

/** Options of a run (for tests and benchmarks). */
export interface RunOptions {
  /** called after each quarter with the state (tests of invariants); keep it cheap */
  afterStep?: (p: ModelParams, s: ModelState, series: MetricSeries[]) => void;
  /** transforms the parameters after drawing (benchmark scaling, analytic tests) */
  adjustParams?: (p: ModelParams) => ModelParams;
}

/** Firm leads that signed over the run: generated minus those lost to competitors, staying out and the budget (land losses come after signing). */
export function signedLeads(r: RunResult): number {
  return r.leads - r.leadsLost.competitor - r.leadsLost["stay-out"] - r.leadsLost.budget;
}

/** Park outputs of the state, 亿元/yr. */
function parkOutput(p: ModelParams, s: ModelState): Float64Array {
  const I = p.industries.ids.length;
  const out = new Float64Array(p.parks.ids.length);
  for (let c = 0; c < s.parkIndustryOutput.length; c++) out[Math.floor(c / I)] += s.parkIndustryOutput[c];
  return out;
}

/** Runs `scenario` once with run seed `seed` (a uint32, e.g. deriveSeed(base, i)). */
export function runScenario(scenario: Scenario, seed: number, options: RunOptions = {}): RunResult {
  const { drawn, values } = drawScenario(scenario, seed);
  let p = buildParams(drawn);
  if (options.adjustParams) p = options.adjustParams(p);
  const s = initialState(p, seed);
  const initialParkOutput = parkOutput(p, s);
  const series = allocateMetrics(p);
  const scratch = allocateScratch(p);
  for (let q = 0; q < p.quarters; q++) {
    step(p, s, seed, series, scratch);
    options.afterStep?.(p, s, series);
  }
  const cost = series.find((m) => m.name === "fiscalCost")!;
  const fiscalCost = Object.fromEntries(
    LEVERS.map((lever, l) => {
      let sum = 0;
      for (let q = 0; q < p.quarters; q++) sum += cost.values[q * LEVERS.length + l];
      return [lever, sum];
    }),
  ) as RunResult["fiscalCost"];
  return {
    scenario: scenario.name,
    seed,
    startYear: p.startYear,
    years: p.years,
    quarters: p.quarters,
    drawn: values,
    metrics: series,
    targets: evaluateTargets(p, series, initialParkOutput),
    leads: s.leads,
    leadsLost: Object.fromEntries(LOSS_REASONS.map((r, i) => [r, s.leadsLost[i]])) as RunResult["leadsLost"],
    fiscalCost,
    initialParkOutput,
  };
}
