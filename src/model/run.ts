/**
 * One run of the model: draw the parameters (keyed by the run's history seed), build the state
 * at the start of the history, step through the history and the projection, evaluate the
 * targets, total the fiscal accounts. Pure: no I/O, no clock, no global state.
 */
import type { Scenario } from "../scenario/schema.js";
import { drawScenario, type DrawnValue, type FixedDraw } from "./draw.js";
import { initialState, parkOutput, type AgentBuffers } from "./init.js";
import { allocateMetrics, METRIC_INDEX, type MetricSeries } from "./metrics.js";
import { buildParams, type ModelParams } from "./params.js";
import type { ModelState } from "./model-state.js";
import { ACCOUNTS, LOSS_REASONS, LEVERS } from "./state.js";
import { allocateScratch, step } from "./step.js";
import { evaluateTargets, type TargetOutcome } from "./targets.js";

/** Fiscal totals of the projection, 亿元. */
export interface FiscalSummary {
  /** incentives committed from the projection's start, and of those paid, cancelled, and outstanding at its end (owed after the horizon) */
  committed: number;
  paid: number;
  cancelled: number;
  outstanding: number;
  /** cost of every lever over the projection (incentives: the instalments paid in it) */
  costs: number;
  /** local tax on the district's output over the projection */
  localTax: number;
  /** costs - local tax */
  netCost: number;
}

/** Everything one run returns. */
export interface RunResult {
  scenario: string;
  seed: number;
  /** first simulated year (the history's); metrics cover startYear..startYear + years - 1 */
  startYear: number;
  years: number;
  quarters: number;
  /** first year of the projection (targets and fiscal totals cover it to the end) */
  projectionStartYear: number;
  /** seed of the history's keyed draws and of the parameter draws */
  historySeed: number;
  /** the run's drawn value of every parameter distribution, in path order (posterior row and history seed first) */
  drawn: DrawnValue[];
  /** every metric, quarters x labels, as typed arrays */
  metrics: MetricSeries[];
  targets: TargetOutcome[];
  /** firm leads generated and lost by reason over the run */
  leads: number;
  leadsLost: Record<(typeof LOSS_REASONS)[number], number>;
  /** fiscal cost over the projection by lever, 亿元 */
  fiscalCost: Record<(typeof LEVERS)[number], number>;
  fiscal: FiscalSummary;
  /** park outputs before the first quarter, 亿元/yr */
  initialParkOutput: Float64Array;
}

/** Options of a run (for tests, benchmarks and the calibration). */
export interface RunOptions {
  /** called after each quarter with the state (tests of invariants); keep it cheap */
  afterStep?: (p: ModelParams, s: ModelState, series: MetricSeries[]) => void;
  /** transforms the parameters after drawing (analytic tests) */
  adjustParams?: (p: ModelParams) => ModelParams;
  /** parameter values and history seed to use instead of the prior's draws (calibration, replay) */
  fixed?: FixedDraw;
  /** stop after this many quarters (the calibration's history); default: the whole run */
  quarters?: number;
  /** agent stores of a finished run to reuse (its state must no longer be used); runScenario reuses its own */
  buffers?: AgentBuffers;
}

/**
 * Agent stores of runScenario's finished runs, for its next runs: allocating and first touching
 * a store of 10^5 agents costs more than a tenth of such a run. A stack, so a run started inside
 * a run takes its own; results never hold a store.
 */
const spareBuffers: AgentBuffers[] = [];

/** Firm leads that signed over the run: generated minus those lost to competitors, staying out and the budget (land losses come after signing). */
export function signedLeads(r: RunResult): number {
  return r.leads - r.leadsLost.competitor - r.leadsLost["stay-out"] - r.leadsLost.budget;
}

/** A started run: parameters, state, metric series (advance it with step.ts or stepRun). */
export interface Simulation {
  p: ModelParams;
  s: ModelState;
  series: MetricSeries[];
  values: DrawnValue[];
  initialParkOutput: Float64Array;
  scratch: ReturnType<typeof allocateScratch>;
}

/** Draws the parameters and builds the initial state of a run (projection seed = the run seed). */
export function startRun(scenario: Scenario, seed: number, options: RunOptions = {}): Simulation {
  const { drawn, values, historySeed } = drawScenario(scenario, seed, options.fixed);
  let p = buildParams(drawn, historySeed);
  if (options.adjustParams) p = options.adjustParams(p);
  const s = initialState(p, seed >>> 0, options.buffers);
  return { p, s, series: allocateMetrics(p), values, initialParkOutput: parkOutput(p, s), scratch: allocateScratch(p, options.buffers?.draws) };
}

/** Sums a metric over the projection's quarters (labels summed too). */
function projectionSum(p: ModelParams, sr: MetricSeries, label?: number): number {
  const L = sr.labels.length;
  let sum = 0;
  for (let q = p.historyQuarters; q < p.quarters; q++)
    for (let l = 0; l < L; l++) if (label === undefined || l === label) sum += sr.values[q * L + l];
  return sum;
}

/** The run's result from a finished simulation. */
export function finishRun(scenario: Scenario, seed: number, sim: Simulation): RunResult {
  const { p, s, series } = sim;
  const cost = series[METRIC_INDEX["fiscalCost/lever"]];
  const fiscalCost = Object.fromEntries(LEVERS.map((lever, l) => [lever, projectionSum(p, cost, l)])) as RunResult["fiscalCost"];
  const costs = Object.values(fiscalCost).reduce((a, b) => a + b, 0);
  const net = projectionSum(p, series[METRIC_INDEX["netCost/district"]]);
  const account = (name: (typeof ACCOUNTS)[number]) => s.accounts[ACCOUNTS.indexOf(name)];
  const committed = account("committed");
  const paid = account("paid");
  const cancelled = account("cancelled");
  return {
    scenario: scenario.name,
    seed,
    startYear: p.startYear,
    years: p.years,
    quarters: p.quarters,
    projectionStartYear: p.projectionYear,
    historySeed: p.historySeed,
    drawn: sim.values,
    metrics: series,
    targets: evaluateTargets(p, series, sim.initialParkOutput),
    leads: s.leads,
    leadsLost: Object.fromEntries(LOSS_REASONS.map((r, i) => [r, s.leadsLost[i]])) as RunResult["leadsLost"],
    fiscalCost,
    fiscal: { committed, paid, cancelled, outstanding: committed - paid - cancelled, costs, localTax: costs - net, netCost: net },
    initialParkOutput: sim.initialParkOutput,
  };
}

/** Runs `scenario` once with run seed `seed` (a uint32, e.g. deriveSeed(base, i)). */
export function runScenario(scenario: Scenario, seed: number, options: RunOptions = {}): RunResult {
  // The stores are reused only when no caller can keep the state (afterStep sees it).
  const pooled = options.afterStep === undefined && options.buffers === undefined;
  const sim = startRun(scenario, seed, pooled ? { ...options, buffers: spareBuffers.pop() } : options);
  const n = Math.min(options.quarters ?? sim.p.quarters, sim.p.quarters);
  for (let q = 0; q < n; q++) {
    step(sim.p, sim.s, sim.series, sim.scratch);
    options.afterStep?.(sim.p, sim.s, sim.series);
  }
  const result = finishRun(scenario, seed, sim);
  if (pooled) spareBuffers.push({ firms: sim.s.firms, live: sim.s.live, draws: sim.scratch.draws });
  return result;
}
