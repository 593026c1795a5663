/**
 * One model run split into timed phases, for the benchmarks: construction (draw the parameters,
 * build them, the initial state, metric and scratch buffers), stepping (every quarter) and
 * finishing (target evaluation). Same calls in the same order as src/model/run.ts runScenario
 * (test/bench/model-run.test.ts checks that both give the same metrics).
 */
import type { MetricSeries } from "../src/model/metrics.js";
import type { ModelParams } from "../src/model/params.js";
import type { FirmDraws } from "../src/model/production.js";
import type { ModelState } from "../src/model/model-state.js";
import { runScenario, startRun } from "../src/model/run.js";
import { Stage } from "../src/model/state.js";
import { step } from "../src/model/step.js";
import { evaluateTargets, type TargetOutcome } from "../src/model/targets.js";
import type { Scenario } from "../src/scenario/schema.js";

/** Milliseconds spent in each phase of a run (added to, so one object can sum several runs). */
export interface PhaseTimes {
  constructMs: number;
  stepMs: number;
  finishMs: number;
}

/** A zeroed PhaseTimes. */
export const zeroTimes = (): PhaseTimes => ({ constructMs: 0, stepMs: 0, finishMs: 0 });

/** What a timed run returns (enough to compare with runScenario and to keep the work alive). */
export interface TimedRun {
  p: ModelParams;
  s: ModelState;
  series: MetricSeries[];
  targets: TargetOutcome[];
  /** the run's per-firm draw buffers (reused with its agent stores) */
  draws: FirmDraws;
}

/**
 * Runs `scenario` once with `seed`, adding each phase's wall time (ms, from `now`) to `times`;
 * in the agent stores of `reuse` when given (a finished run's, as runScenario reuses its own).
 */
export function timedRun(scenario: Scenario, seed: number, times: PhaseTimes, now: () => number = () => performance.now(), reuse?: TimedRun): TimedRun {
  const t0 = now();
  const buffers = reuse ? { firms: reuse.s.firms, live: reuse.s.live, draws: reuse.draws } : undefined;
  const { p, s, series, scratch, initialParkOutput } = startRun(scenario, seed, { buffers });
  const t1 = now();
  for (let q = 0; q < p.quarters; q++) step(p, s, series, scratch);
  const t2 = now();
  const targets = evaluateTargets(p, series, initialParkOutput);
  const t3 = now();
  times.constructMs += t1 - t0;
  times.stepMs += t2 - t1;
  times.finishMs += t3 - t2;
  return { p, s, series, targets, draws: scratch.draws };
}

/** Bytes of the typed arrays a run's state and metric series hold (allocated slots, not just live agents). */
export function stateBytes(run: TimedRun): number {
  let bytes = 0;
  const add = (o: object) => {
    for (const v of Object.values(o)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  };
  add(run.s);
  add(run.s.firms);
  add(run.s.institutions);
  for (const m of run.series) bytes += m.values.byteLength;
  return bytes;
}

/** Agents a quarter updates: firm agents alive or in the pipeline (not exited or lost) plus institutions. */
export function liveAgents(s: ModelState): number {
  const f = s.firms;
  let n = 0;
  for (let k = 0; k < f.count; k++) if (f.stage[k] >= Stage.waitingLand && f.stage[k] < Stage.exited) n++;
  return n + s.institutions.count;
}

/** Agent-step count of one run, and the store sizes it reached. */
export interface AgentStepCount {
  /** live agents summed over quarters (one agent updated for one quarter = one agent-step) */
  agentSteps: number;
  quarters: number;
  /** firm agents ever created (the model's loops run over all of them, dead ones included) */
  firmsEver: number;
  /** firm agents alive or in the pipeline after the last quarter */
  firmsLive: number;
  institutions: number;
}

/** Counts the agent-steps of one run (an untimed pass through runScenario's afterStep hook). */
export function countAgentSteps(scenario: Scenario, seed: number): AgentStepCount {
  let agentSteps = 0;
  let quarters = 0;
  let last: ModelState | undefined;
  runScenario(scenario, seed, {
    afterStep: (_p, s) => {
      agentSteps += liveAgents(s);
      quarters += 1;
      last = s;
    },
  });
  const s = last!;
  return {
    agentSteps,
    quarters,
    firmsEver: s.firms.count,
    firmsLive: liveAgents(s) - s.institutions.count,
    institutions: s.institutions.count,
  };
}
