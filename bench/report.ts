/**
 * Human output of the benchmarks: Markdown tables (paste-ready for the README), the linearity
 * summary across scales, the batch tables, and the gate's verdict lines.
 */
import type { BatchResult } from "./batch-measure.js";
import { describeVerdict } from "./gate.js";
import type { BenchResult, CaseCheck, MachineInfo } from "./harness.js";
import type { CaseResult } from "./measure.js";

/** `x` with `d` significant digits, no exponent for ordinary magnitudes. */
export function sig(x: number, d = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const p = Number(x.toPrecision(d));
  return Math.abs(p) >= 1e5 ? p.toExponential(d - 1) : String(p);
}

/** A rate with a unit prefix: 1530000 -> "1.53 M". */
export function rate(x: number): string {
  if (x >= 1e9) return `${sig(x / 1e9)} G`;
  if (x >= 1e6) return `${sig(x / 1e6)} M`;
  if (x >= 1e3) return `${sig(x / 1e3)} k`;
  return sig(x);
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A case's name, marked when the demonstration slowdown was on. */
const caseName = (r: CaseResult): string => (r.slowdown > 1 ? `${r.case} (slowdown x${r.slowdown})` : r.case);

/** The throughput table: one row per case. */
export function throughputTable(results: readonly CaseResult[]): string {
  return table(
    [
      "case",
      "agent-steps/run",
      "runs",
      "ms/run (MAD)",
      "runs/s",
      "agent-steps/s",
      "ns/agent-step",
      "kernel agent-steps/s",
      "native agent-steps/s",
      "ratio to kernel (MAD)",
      "ratio to native (MAD)",
    ],
    results.map((r) => [
      caseName(r),
      sig(r.agentSteps, 4),
      String(r.runs),
      `${sig(r.medianMs)} (${sig(r.madMs, 2)})`,
      sig(r.runsPerSec),
      rate(r.agentStepsPerSec),
      sig(1e9 / r.agentStepsPerSec),
      rate(r.kernel.agentStepsPerSec),
      rate(r.nativeKernel.agentStepsPerSec),
      `${r.ratioToKernel.toFixed(3)} (${r.ratioMad.toFixed(3)})`,
      `${r.ratioToNative.toFixed(3)} (${r.ratioToNativeMad.toFixed(3)})`,
    ]),
  );
}

/** The phases and memory table: one row per case. */
export function phaseTable(results: readonly CaseResult[]): string {
  return table(
    ["case", "agents/quarter", "firms ever", "construct ms", "step ms", "ms/quarter", "targets ms", "step-only ratio", "step-only ratio to native", "kernel / native", "state MB", "peak RSS MB"],
    results.map((r) => [
      caseName(r),
      sig(r.agentsPerQuarter, 4),
      sig(r.firmsEver, 4),
      sig(r.constructMs),
      sig(r.stepMs),
      sig(r.msPerStep),
      sig(r.finishMs, 2),
      r.stepRatioToKernel.toFixed(3),
      r.stepRatioToNative.toFixed(3),
      r.kernelToNative.toFixed(3),
      sig(r.stateMB),
      sig(r.peakRssMB),
    ]),
  );
}

/** How cost grows with agents: each scaled core case against the 1x case of the same scenario. */
export function linearity(results: readonly CaseResult[]): string[] {
  const lines: string[] = [];
  for (const base of results.filter((r) => r.kind === "core" && r.scale === 1)) {
    for (const r of results.filter((x) => x.kind === "core" && x.scenario === base.scenario && x.scale > 1)) {
      const work = r.agentSteps / base.agentSteps;
      const time = r.medianMs / base.medianMs;
      const step = r.stepMs / base.stepMs;
      lines.push(
        `${r.case} vs ${base.case}: agent-steps x${sig(work)}, ms/run x${sig(time)} (stepping x${sig(step)}); ` +
          `cost per agent-step ${sig(time / work)} of ${base.case}'s`,
      );
    }
  }
  return lines;
}

/** A share as a percentage with one decimal: 0.0123 -> "1.2%". */
export function percent(x: number | null): string {
  return x === null || !Number.isFinite(x) ? "—" : `${(100 * x).toFixed(1)}%`;
}

/** Seconds from ms, 3 significant digits. */
const seconds = (ms: number): string => sig(ms / 1000);

/** The batch throughput table: one row per batch case. */
export function batchTable(results: readonly BatchResult[]): string {
  return table(
    ["case", "executor", "runs (per shard)", "batch s", "runs/s", "speed-up", "paired speed-up (per quartet)", "compute ms/run", "messaging share", "slots busy", "checkpoint share", "CPU cores used", "other work / steal, cores", "load 1-min start/end", "start-up ms"],
    results.map((r) => [
      r.case,
      r.workers === 0 ? "in-process" : `${r.workers} worker${r.workers > 1 ? "s" : ""}`,
      `${r.runs} (${r.runsPerShard})`,
      seconds(r.batchMs),
      sig(r.runsPerSec),
      r.speedUp ? `x${r.speedUp.ratio.toFixed(2)} over ${r.speedUp.over}` : "—",
      r.pairedSpeedUp === null ? "—" : `x${r.pairedSpeedUp.toFixed(2)} (${r.pairedSpeedUps.map((x) => x.toFixed(2)).join(", ")})`,
      sig(r.computeMsPerRun),
      percent(r.messagingShare),
      percent(r.busyShare),
      percent(r.checkpointShare),
      r.cpuCores.toFixed(2),
      r.otherCores === null || r.stealCores === null ? "—" : `${r.otherCores.toFixed(2)} / ${r.stealCores.toFixed(2)}`,
      `${r.loadavg1Start} / ${r.loadavg1End}`,
      r.workers === 0 ? "—" : sig(r.startupMs),
    ]),
  );
}

/** The batch memory and files table: one row per batch case. */
export function batchMemoryTable(results: readonly BatchResult[]): string {
  return table(
    ["case", "runs", "batch s", "write files s", "total s", "peak RSS MB", "RSS before / after start-up MB", "peak heap MB (sampled)", "checkpoint MB", "runs.csv MB"],
    results.map((r) => [
      r.case,
      String(r.runs),
      seconds(r.batchMs),
      r.writeMs === null ? "—" : seconds(r.writeMs),
      seconds(r.totalMs),
      sig(r.peakRssMB),
      `${sig(r.rssBeforeMB)} / ${sig(r.rssAfterStartMB)}`,
      sig(r.peakHeapMB),
      sig(r.checkpointMB),
      r.runsCsvMB === null ? "—" : sig(r.runsCsvMB),
    ]),
  );
}

/** The batch cases' scenarios and overlays, and a warning when runs failed. */
export function batchNotes(results: readonly BatchResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const what = r.overlay ? `an overlay of ${r.scenario} setting ${Object.keys(r.overlay).join(", ")} (bench/cases.ts; in --json)` : r.scenario;
    lines.push(`${r.case}: ${what}, seed ${r.seed}; like \`${r.cli}\``);
    if (r.failed > 0) lines.push(`${r.case}: ${r.failed} run(s) FAILED`);
  }
  return lines;
}

/** The whole human report of a measurement: core tables for core cases, batch tables for batch cases. */
export function humanReport(results: readonly BenchResult[], machine: MachineInfo): string {
  const core = results.flatMap((r) => (r.kind === "core" ? [r] : []));
  const batch = results.flatMap((r) => (r.kind === "batch" ? [r] : []));
  const lin = linearity(core);
  return [
    `Node ${machine.node}, ${machine.cpu} x${machine.cores}, ${machine.platform}, load ${machine.loadavg1}, ${machine.date}${machine.commit ? `, commit ${machine.commit}` : ""}`,
    "",
    ...(core.length ? [throughputTable(core), "", phaseTable(core), ...(lin.length ? ["", ...lin] : []), ""] : []),
    ...(batch.length ? [batchTable(batch), "", batchMemoryTable(batch), "", ...batchNotes(batch), ""] : []),
  ].join("\n");
}

/** The gate's lines: each attempt's verdict, then the outcome per case. */
export function checkReport(checks: readonly CaseCheck[], missing: readonly string[]): string {
  const lines: string[] = [];
  for (const c of checks) {
    c.outcome.attempts.forEach((v, i) => lines.push(describeVerdict(c.outcome.case, v, i + 1)));
    if (c.outcome.attempts.length > 1)
      lines.push(`${c.outcome.case}: ${c.outcome.pass ? "passed on the second attempt" : "FAILED on 2 consecutive attempts"}`);
  }
  for (const m of missing) lines.push(`${m}: no baseline figure (run \`npm run bench:update\`); not gated`);
  return lines.join("\n");
}
