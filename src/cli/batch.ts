/**
 * `clustersim batch <scenario.json...> --runs N [--seed S] [--workers auto|K] [--out DIR] [--resume] [--quiet] [--json]`:
 * seeded runs of each scenario on every core, with statistics, result files and a checkpoint.
 */
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { loadScenario } from "../scenario/index.js";
import { Checkpoint } from "../batch/checkpoint.js";
import { inProcessExecutor, type Executor } from "../batch/executor.js";
import { writeManifest } from "../batch/manifest.js";
import type { BatchPlan } from "../batch/plan.js";
import { writeResults } from "../batch/results.js";
import { runBatch } from "../batch/run-batch.js";
import { workerPool } from "../batch/worker-pool.js";
import { formatBatchSummary } from "../report/batch-summary.js";
import { progressBar } from "../report/progress.js";
import { toPlainJson } from "../report/json.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type CliIO, type Command } from "./command.js";

const usage = `Usage: clustersim batch <scenario.json...> --runs N [--seed S] [--workers auto|K] [--out DIR] [--resume] [--quiet] [--json]

Runs seeds deriveSeed(S, 0..N-1) of every scenario (the same list for each), on worker threads,
and writes summary.json, runs.csv, yearly.csv and manifest.json to the output folder. Finished
runs are checkpointed as they finish: after a crash or Ctrl-C, the same command (with or without
--resume) finishes the batch with the same files an uninterrupted run would have written.

Options:
  --runs N          runs per scenario (required, >= 1)
  --seed S          base seed (default 1)
  --workers auto|K  worker threads (default auto = the machine's cores; 0 = in this thread)
  --out DIR         results folder (default results/<scenarios>-s<S>-n<N>)
  --resume          finish the batch whose checkpoint is in --out (an error if there is none)
  --quiet           no progress bar
  --json            print the summary as one JSON document
  -h, --help        show this help

Exit codes: 0 ok, 1 some runs failed (files still written), 2 bad arguments or input, 130 interrupted.
`;

/** Parses --workers: "auto", or a whole number >= 0. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined || value === "auto") return Math.max(1, availableParallelism());
  if (!/^\d+$/.test(value)) throw new UsageError(`--workers expects "auto" or a whole number >= 0, got "${value}"`);
  return Number(value);
}

/** Options shared by the batch and compare commands. */
export const batchOptions = {
  runs: { type: "string" },
  seed: { type: "string" },
  workers: { type: "string" },
  out: { type: "string" },
  resume: { type: "boolean" },
  quiet: { type: "boolean" },
  json: { type: "boolean" },
} as const;

/** Loads the scenarios and checks the arguments: everything that can be bad is found before any work. */
export async function prepareBatch(files: string[], values: { runs?: string; seed?: string; workers?: string; out?: string }, prefix?: string) {
  if (files.length === 0) throw new UsageError("expected at least one scenario file");
  if (values.runs === undefined) throw new UsageError("--runs is required");
  const runs = intOption("runs", values.runs, 0, 1);
  const baseSeed = intOption("seed", values.seed, 1);
  if (baseSeed > 0xffffffff) throw new UsageError(`--seed must be at most 4294967295, got ${baseSeed}`);
  const workers = parseWorkers(values.workers);
  const loaded = await Promise.all(files.map((f) => loadScenario(f)));
  const plan: BatchPlan = { runs, baseSeed, scenarios: loaded.map((l, i) => ({ name: l.scenario.name, file: files[i], hash: l.hash, scenario: l.scenario })) };
  const names = [...new Set(plan.scenarios.map((s) => s.name))];
  if (names.length !== plan.scenarios.length) throw new UsageError("two scenarios share a name; give each scenario its own \"name\"");
  const out = values.out ?? `results/${prefix ?? names.join("+")}-s${baseSeed}-n${runs}`;
  return { plan, workers, out };
}

/**
 * Runs a prepared batch to its result folder; returns the summary, or null when interrupted.
 * `extra` writes further files from the checkpoint (the comparison) before the manifest.
 */
export async function executeBatch(plan: BatchPlan, workers: number, out: string, resume: boolean, io: CliIO, quiet: boolean, kind = "batch", extra?: (checkpoint: Checkpoint) => void) {
  mkdirSync(out, { recursive: true });
  const checkpoint = Checkpoint.open(out, plan, resume);
  if (checkpoint.offsets.size > 0) io.stderr(`continuing the batch in ${out}: ${checkpoint.offsets.size} runs already stored\n`);
  const started = new Date();
  const executor: Executor = workers === 0 ? inProcessExecutor(plan) : workerPool(plan, workers);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const bar = progressBar(io, plan.runs * plan.scenarios.length, "runs", quiet);
  try {
    const outcome = await runBatch(plan, executor, checkpoint, (done, _total, failed) => bar.update(done, failed > 0 ? `· ${failed} failed` : ""), controller.signal);
    bar.stop();
    if (outcome === "aborted") {
      io.stderr(`interrupted: the checkpoint in ${out} is intact; finish with the same command and --resume\n`);
      return null;
    }
    const summary = writeResults(plan, checkpoint, out);
    extra?.(checkpoint);
    writeManifest(out, plan, workers, started, new Date(), kind);
    return summary;
  } finally {
    bar.stop();
    process.off("SIGINT", onSigint);
    await executor.close();
    checkpoint.close();
  }
}

/** The `batch` command. */
export const batchCommand: Command = {
  name: "batch",
  summary: "seeded runs of scenarios on worker threads: probabilities, fans, result files",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, batchOptions);
    const { plan, workers, out } = await prepareBatch(positionals, values);
    const summary = await executeBatch(plan, workers, out, values.resume === true, io, values.quiet === true);
    if (summary === null) return EXIT.interrupted;
    io.stdout(values.json ? `${JSON.stringify(toPlainJson({ out, ...summary }), null, 2)}\n` : formatBatchSummary(summary, io.color));
    if (!values.json) io.stderr(`results in ${out}\n`);
    return summary.scenarios.some((s) => s.failed > 0) ? EXIT.failure : EXIT.ok;
  },
};
