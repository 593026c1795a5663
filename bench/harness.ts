/**
 * The harness: runs each case in a fresh child process (one at a time), reads and writes the
 * baseline, and runs the regression gate with its one re-measurement.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import type { BatchResult } from "./batch-measure.js";
import type { BenchCase, CoreCase, ProfileName } from "./cases.js";
import { judge, needsRetry, outcome, type CaseOutcome, type GateVerdict } from "./gate.js";
import type { CaseResult, ChildSpec } from "./measure.js";

/** Any case's result: a core case's (CaseResult) or a batch case's (BatchResult). */
export type BenchResult = CaseResult | BatchResult;

/** Folder of the benchmarks, and the baseline file. */
export const BENCH_DIR = import.meta.dirname;
export const BASELINE_FILE = join(BENCH_DIR, "baseline.json");

/** Reads the demonstration slowdown from CLUSTERSIM_BENCH_SLOWDOWN (unset = 1; a whole number >= 1). */
export function slowdownFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CLUSTERSIM_BENCH_SLOWDOWN;
  if (raw === undefined || raw === "") return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`CLUSTERSIM_BENCH_SLOWDOWN must be a whole number >= 1, got "${raw}"`);
  return n;
}

/** Runs one core case in a fresh `node --import tsx` child; resolves with its result. */
export function runCase(c: CoreCase, profile: ProfileName, slowdown: number): Promise<CaseResult> {
  const spec: ChildSpec = { case: c, profile, slowdown };
  return runChild(c, spec) as Promise<CaseResult>;
}

/** Runs any case in a fresh child (batch cases ignore the slowdown). */
export function runAnyCase(c: BenchCase, profile: ProfileName, slowdown: number): Promise<BenchResult> {
  return c.kind === "core" ? runCase(c, profile, slowdown) : (runChild(c, { case: c, profile }) as Promise<BatchResult>);
}

/** Spawns bench/child.ts with `spec`; resolves with the result line it prints. */
function runChild(c: BenchCase, spec: object): Promise<BenchResult> {
  const args = ["--import", import.meta.resolve("tsx"), join(BENCH_DIR, "child.ts"), JSON.stringify(spec)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`case ${c.name}: child process exited with code ${code}`));
      const line = out.trim().split("\n").pop() ?? "";
      try {
        const result = JSON.parse(line) as BenchResult;
        if (result.kind !== c.kind) throw new Error("wrong kind");
        resolve(result);
      } catch {
        reject(new Error(`case ${c.name}: child printed no result (stdout: ${JSON.stringify(out.slice(0, 200))})`));
      }
    });
  });
}

/** Runs cases one after the other. */
export async function runCases(cases: readonly BenchCase[], profile: ProfileName, slowdown: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const c of cases) results.push(await runAnyCase(c, profile, slowdown));
  return results;
}

/** The machine a measurement was taken on. */
export interface MachineInfo {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  memoryGB: number;
  /** 1-minute load average when the measurement ended (other work on the machine) */
  loadavg1: number;
  date: string;
  commit?: string;
}

/** Describes this machine (and the git commit, when there is one). */
export function machineInfo(): MachineInfo {
  let commit: string | undefined;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: BENCH_DIR, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    commit = undefined;
  }
  return {
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    platform: `${process.platform}-${process.arch}`,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadavg1: Number(loadavg()[0].toFixed(2)),
    date: new Date().toISOString(),
    ...(commit ? { commit } : {}),
  };
}

/** A gated case's reference figures in bench/baseline.json. */
export interface BaselineCase {
  ratioToKernel: number;
  ratioMad: number;
  agentSteps: number;
  medianMs: number;
  agentStepsPerSec: number;
  kernelAgentStepsPerSec: number;
  samples: number;
}

/** bench/baseline.json. */
export interface Baseline {
  $comment: string;
  machine: MachineInfo;
  cases: Record<string, BaselineCase>;
}

/** The baseline made from a measurement's gated cases (batch cases are never in it). */
export function baselineFrom(results: readonly BenchResult[], machine: MachineInfo): Baseline {
  const cases: Record<string, BaselineCase> = {};
  for (const r of results) {
    if (r.kind !== "core" || !r.gate) continue;
    cases[r.case] = {
      ratioToKernel: r.ratioToKernel,
      ratioMad: r.ratioMad,
      agentSteps: r.agentSteps,
      medianMs: r.medianMs,
      agentStepsPerSec: r.agentStepsPerSec,
      kernelAgentStepsPerSec: r.kernel.agentStepsPerSec,
      samples: r.samples,
    };
  }
  return {
    $comment: "Written by `npm run bench:update` (tsx bench/run.ts --update); gated by `npm run bench:check`. See bench/README.md.",
    machine,
    cases,
  };
}

/** Reads the baseline, or undefined when the file does not exist. */
export async function readBaseline(file = BASELINE_FILE): Promise<Baseline | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Baseline;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/** Writes the baseline (two-space JSON, trailing newline). */
export async function writeBaseline(baseline: Baseline, file = BASELINE_FILE): Promise<void> {
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** A gated case's check: its attempts' results and verdicts, and the outcome. */
export interface CaseCheck {
  results: CaseResult[];
  outcome: CaseOutcome;
}

/**
 * Checks the gated cases against the baseline: measures each once, measures a failing case once
 * more in a fresh process, and fails it only when both attempts fail. A case the baseline lacks
 * is measured and passes with a note.
 */
export async function checkCases(
  cases: readonly CoreCase[],
  baseline: Baseline,
  profile: ProfileName,
  slowdown: number,
  log: (text: string) => void,
): Promise<{ checks: CaseCheck[]; missing: string[] }> {
  const checks: CaseCheck[] = [];
  const missing: string[] = [];
  for (const c of cases) {
    const ref = baseline.cases[c.name];
    const results = [await runCase(c, profile, slowdown)];
    if (!ref) {
      missing.push(c.name);
      checks.push({ results, outcome: { case: c.name, pass: true, attempts: [] } });
      continue;
    }
    const verdict = (r: CaseResult): GateVerdict => judge({ ratio: ref.ratioToKernel, mad: ref.ratioMad }, { ratio: r.ratioToKernel, mad: r.ratioMad });
    const attempts = [verdict(results[0])];
    if (needsRetry(attempts)) {
      log(`${c.name}: ratio ${results[0].ratioToKernel.toPrecision(3)} below threshold ${attempts[0].threshold.toPrecision(3)}; measuring again in a fresh process\n`);
      results.push(await runCase(c, profile, slowdown));
      attempts.push(verdict(results[1]));
    }
    checks.push({ results, outcome: outcome(c.name, attempts) });
  }
  return { checks, missing };
}
