/**
 * Measuring one core case inside its own process: count the agent-steps, size the reference
 * kernels (the frozen one and the native one) to the same agents and quarters, warm up, then
 * take samples, kernels and model interleaved in palindromic blocks (native, kernel, model,
 * model, kernel, native: the frozen kernel's ABBA quartet around the model, as before, with a
 * native block at each end), and summarise by medians and median absolute deviations. The
 * ratios to the kernels are taken per sample from blocks a few hundred milliseconds apart, so
 * the machine's speed and load mostly cancel out.
 */
import type { Scenario } from "../src/scenario/schema.js";
import type { CoreCase, ProfileName } from "./cases.js";
import { allocateKernel, kernelAgentSteps, runKernel } from "./kernel.js";
import { allocateNativeKernel, runNativeKernel } from "./kernel-native.js";
import { countAgentSteps, stateBytes, timedRun, zeroTimes, type TimedRun } from "./model-run.js";
import { scaleScenario } from "./scale.js";
import { perSecond, summarize } from "./stats.js";
import { sig } from "./report.js";

/** What the harness sends a child. */
export interface ChildSpec {
  case: CoreCase;
  profile: ProfileName;
  /**
   * Demonstration only (CLUSTERSIM_BENCH_SLOWDOWN): the model case does each run this many
   * times over and counts it once, making the model core that many times slower without
   * touching src/. The kernel is not affected. 1 = normal.
   */
  slowdown: number;
}

/** A reference kernel's figures in the same process (the frozen kernel's or the native kernel's). */
export interface KernelFigures {
  /** agents per quarter (matched to the model's mean live agents) */
  agents: number;
  agentSteps: number;
  medianMs: number;
  madMs: number;
  agentStepsPerSec: number;
}

/** One case's result (one element of `bench --json`). */
export interface CaseResult {
  case: string;
  kind: "core";
  doc: string;
  scenario: string;
  scale: number;
  gate: boolean;
  profile: ProfileName;
  slowdown: number;
  seeds: number[];
  quarters: number;
  /** agent-steps of one run (mean over the seeds): live firm agents + institutions, summed over quarters */
  agentSteps: number;
  /** mean live agents per quarter */
  agentsPerQuarter: number;
  /** firm agents ever created in a run (mean over the seeds); the model's loops visit all of them */
  firmsEver: number;
  /** timed model runs, and samples (a sample = `quartets` blocks of native, kernel, model, model, kernel, native; each block one run per seed) */
  runs: number;
  samples: number;
  /** ms per run over all model blocks: median, median absolute deviation, quartiles */
  medianMs: number;
  madMs: number;
  q1Ms: number;
  q3Ms: number;
  /** medians per run of construction (draw + params + initial state + buffers), stepping, target evaluation, ms */
  constructMs: number;
  stepMs: number;
  finishMs: number;
  /** median stepping ms per quarter */
  msPerStep: number;
  agentStepsPerSec: number;
  agentStepsPerSecMad: number;
  runsPerSec: number;
  /** median over samples of (model agent-steps/s) / (kernel agent-steps/s), each side's fastest block in the sample; and the MAD */
  ratioToKernel: number;
  ratioMad: number;
  ratioQ1: number;
  ratioQ3: number;
  /** the same ratio with the model's stepping time only (construction and targets left out) */
  stepRatioToKernel: number;
  kernel: KernelFigures;
  /** the same ratio against the native kernel (bench/kernel-native.ts: native Math, xorshift32): median, MAD, quartiles; reported, never gated */
  ratioToNative: number;
  ratioToNativeMad: number;
  ratioToNativeQ1: number;
  ratioToNativeQ3: number;
  /** the native ratio with the model's stepping time only */
  stepRatioToNative: number;
  /** median over samples of (kernel agent-steps/s) / (native kernel agent-steps/s), each side's fastest block: the frozen kernel's distance from the native limit */
  kernelToNative: number;
  nativeKernel: KernelFigures;
  /** in order: every model, kernel and native block's ms per run, and every sample's ratios (for diagnosis) */
  trace: { modelMs: number[]; kernelMs: number[]; nativeMs: number[]; ratio: number[]; ratioToNative: number[] };
  /** the child process's peak resident set, MB (both kernels and the model together, Node and tsx included) */
  peakRssMB: number;
  /** typed arrays one run's state and metrics hold at its end (allocated agent slots included), MB */
  stateMB: number;
  /** wall time of the whole case in its child, s */
  wallSeconds: number;
}

/** x rounded to 3 decimals (keeps traces short in JSON). */
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Sink for results so no work can be optimised away. */
let sink = 0;

/** One timed block of model runs (one run per seed), per run. */
interface ModelBlock {
  ms: number;
  constructMs: number;
  stepMs: number;
  finishMs: number;
}

/** Measures a core case; `log` receives progress text (stderr). */
export function measureCore(spec: ChildSpec, base: Scenario, log: (text: string) => void): CaseResult {
  const started = performance.now();
  const c = spec.case;
  const prof = c[spec.profile];
  const slowdown = Math.max(1, Math.floor(spec.slowdown));
  const scenario = scaleScenario(base, c.scale);
  const seeds = c.seeds;
  const runsPerBlock = seeds.length;

  // Count agent-steps (untimed; doubles as the first warm-up).
  const counts = seeds.map((seed) => countAgentSteps(scenario, seed));
  const quarters = counts[0].quarters;
  const agentSteps = counts.reduce((s, x) => s + x.agentSteps, 0) / runsPerBlock;
  const kernelAgents = Math.max(1, Math.round(agentSteps / quarters));
  const kernelRunSteps = kernelAgentSteps(kernelAgents, quarters);
  const store = allocateKernel(kernelAgents);
  const nativeStore = allocateNativeKernel(kernelAgents);

  // No forced GC before a block: a full gc() there makes the next model runs about 3 times
  // slower (measured), so each block pays the collections its own allocation causes.
  /** A block of kernel runs, one per seed; ms per run. */
  const kernelBlock = (): number => {
    const t0 = performance.now();
    for (const seed of seeds) sink += runKernel(store, seed, quarters);
    return (performance.now() - t0) / runsPerBlock;
  };
  /** A block of native kernel runs, one per seed; ms per run. */
  const nativeBlock = (): number => {
    const t0 = performance.now();
    for (const seed of seeds) sink += runNativeKernel(nativeStore, seed, quarters);
    return (performance.now() - t0) / runsPerBlock;
  };
  /** A block of model runs, one per seed (each done `slowdown` times over); ms per run. */
  // Each run takes over the last one's agent stores, as runScenario does (and the kernels theirs).
  let last: TimedRun | undefined;
  const modelBlock = (): ModelBlock => {
    const times = zeroTimes();
    const t0 = performance.now();
    for (const seed of seeds)
      for (let r = 0; r < slowdown; r++) {
        last = timedRun(scenario, seed, times, undefined, last);
        sink += last.s.firms.count;
      }
    const ms = performance.now() - t0;
    return { ms: ms / runsPerBlock, constructMs: times.constructMs / runsPerBlock, stepMs: times.stepMs / runsPerBlock, finishMs: times.finishMs / runsPerBlock };
  };

  log(
    `${c.name}: ${runsPerBlock} run(s) per block, ${6 * c.quartets} blocks per sample (native, kernel, model, model, kernel, native), ${Math.round(agentSteps)} agent-steps per run, ` +
      `kernel ${kernelAgents} agents x ${quarters} quarters${slowdown > 1 ? `, SLOWDOWN x${slowdown}` : ""}\n`,
  );
  for (let w = 0; w < prof.warmup; w++) {
    nativeBlock();
    kernelBlock();
    modelBlock();
  }

  const models: ModelBlock[] = [], kernels: number[] = [], ratios: number[] = [], stepRatios: number[] = [];
  const natives: number[] = [], nativeRatios: number[] = [], nativeStepRatios: number[] = [], kernelToNative: number[] = [];
  const sampling = performance.now();
  const tty = process.stderr.isTTY === true;
  for (let i = 0; i < prof.max; i++) {
    // A sample is `quartets` ABBA blocks (kernel, model, model, kernel): each side runs as often
    // in even as in odd positions, which cancels drift and the alternating slow-fast pattern the
    // model's garbage collection leaves in whatever runs next (seen at 100x). Its ratio compares
    // each side's fastest block: interference from other work only ever slows a block down, and
    // best-of-blocks cut the per-sample spread from about 10% to about 3% here.
    // The native kernel's blocks wrap each quartet (native first and last), so the frozen
    // kernel's blocks keep their places next to the model's and the gated ratio is measured
    // as before; the whole sequence stays a palindrome, which cancels drift for both ratios.
    const k: number[] = [], m: ModelBlock[] = [], nk: number[] = [];
    for (let j = 0; j < c.quartets; j++) {
      nk.push(nativeBlock());
      k.push(kernelBlock());
      m.push(modelBlock(), modelBlock());
      k.push(kernelBlock());
      nk.push(nativeBlock());
    }
    const kernelRate = perSecond(kernelRunSteps, Math.min(...k));
    const nativeRate = perSecond(kernelRunSteps, Math.min(...nk));
    const modelRate = perSecond(agentSteps, Math.min(...m.map((b) => b.ms)));
    const modelStepRate = perSecond(agentSteps, Math.min(...m.map((b) => b.stepMs)));
    ratios.push(modelRate / kernelRate);
    stepRatios.push(modelStepRate / kernelRate);
    nativeRatios.push(modelRate / nativeRate);
    nativeStepRatios.push(modelStepRate / nativeRate);
    kernelToNative.push(kernelRate / nativeRate);
    models.push(...m);
    kernels.push(...k);
    natives.push(...nk);
    const n = i + 1;
    const line =
      `  ${c.name}: sample ${n} model ${sig(summarize(m.map((b) => b.ms)).median)} ms/run kernel ${sig(summarize(k).median)} ` +
      `native ${sig(summarize(nk).median)} ms/run ratio ${ratios[i].toFixed(3)} (native ${nativeRatios[i].toFixed(3)})`;
    if (tty) log(`\r${line}   `);
    else if (n % 5 === 0) log(`${line}\n`);
    if (n >= prof.min && performance.now() - sampling >= prof.budgetMs) break;
  }
  if (tty) log("\n");

  // Memory: the typed arrays one run holds at its end, and the process's peak.
  const kept = timedRun(scenario, seeds[0], zeroTimes());
  const stateMB = stateBytes(kept) / 2 ** 20;
  sink += kept.s.firms.count;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;

  const ms = summarize(models.map((b) => b.ms));
  const rate = summarize(models.map((b) => perSecond(agentSteps, b.ms)));
  const ratio = summarize(ratios);
  const kms = summarize(kernels);
  const nms = summarize(natives);
  const nativeRatio = summarize(nativeRatios);
  const median = (xs: number[]): number => summarize(xs).median;
  return {
    case: c.name,
    kind: "core",
    doc: c.doc,
    scenario: c.scenario,
    scale: c.scale,
    gate: c.gate,
    profile: spec.profile,
    slowdown,
    seeds,
    quarters,
    agentSteps,
    agentsPerQuarter: agentSteps / quarters,
    firmsEver: counts.reduce((s, x) => s + x.firmsEver, 0) / runsPerBlock,
    runs: models.length * runsPerBlock,
    samples: ratios.length,
    medianMs: ms.median,
    madMs: ms.mad,
    q1Ms: ms.q1,
    q3Ms: ms.q3,
    constructMs: median(models.map((b) => b.constructMs)),
    stepMs: median(models.map((b) => b.stepMs)),
    finishMs: median(models.map((b) => b.finishMs)),
    msPerStep: median(models.map((b) => b.stepMs)) / quarters,
    agentStepsPerSec: rate.median,
    agentStepsPerSecMad: rate.mad,
    runsPerSec: perSecond(1, ms.median),
    ratioToKernel: ratio.median,
    ratioMad: ratio.mad,
    ratioQ1: ratio.q1,
    ratioQ3: ratio.q3,
    stepRatioToKernel: median(stepRatios),
    kernel: {
      agents: kernelAgents,
      agentSteps: kernelRunSteps,
      medianMs: kms.median,
      madMs: kms.mad,
      agentStepsPerSec: perSecond(kernelRunSteps, kms.median),
    },
    ratioToNative: nativeRatio.median,
    ratioToNativeMad: nativeRatio.mad,
    ratioToNativeQ1: nativeRatio.q1,
    ratioToNativeQ3: nativeRatio.q3,
    stepRatioToNative: median(nativeStepRatios),
    kernelToNative: median(kernelToNative),
    nativeKernel: {
      agents: kernelAgents,
      agentSteps: kernelRunSteps,
      medianMs: nms.median,
      madMs: nms.mad,
      agentStepsPerSec: perSecond(kernelRunSteps, nms.median),
    },
    trace: {
      modelMs: models.map((b) => round3(b.ms)),
      kernelMs: kernels.map(round3),
      nativeMs: natives.map(round3),
      ratio: ratios.map(round3),
      ratioToNative: nativeRatios.map(round3),
    },
    peakRssMB,
    stateMB,
    wallSeconds: (performance.now() - started) / 1000,
  };
}

/** The checksum of all measured work (exported so no work can be optimised away). */
export function benchSink(): number {
  return sink;
}
