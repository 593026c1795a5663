/**
 * `clustersim batch <scenario.json...> --runs N [--seed S] [--workers auto|K] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]`:
 * seeded runs of each scenario on every core, with statistics, result files and a checkpoint.
 * The batch itself is the library function runBatchFolder (src/batch/node/batch-folder.ts).
 */
import { availableParallelism } from "node:os";
import { loadScenario } from "../scenario/index.js";
import { parseFaults } from "../batch/faults.js";
import { runBatchFolder } from "../batch/node/batch-folder.js";
import { derivedPlan, type BatchPlan } from "../batch/plan.js";
import type { FolderKind } from "../batch/write-batch.js";
import { formatBatchSummary } from "../report/batch-summary.js";
import { progressBar } from "../report/progress.js";
import { toPlainJson } from "../batch/files/json.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type CliIO, type Command } from "./command.js";
import { QUEUE_USAGE, parseQueueOption, queueExecutorFactory, queueNote, queueOption } from "./queue-option.js";
import type { QueueStatus } from "../batch/node/queue/coordinator.js";
import type { QueueUrl } from "../batch/node/queue/url.js";

const usage = `Usage: clustersim batch <scenario.json...> --runs N [--seed S] [--workers auto|K] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]

Runs seeds deriveSeed(S, 0..N-1) of every scenario (the same list for each), on worker threads,
and writes summary.json, runs.csv, yearly.csv and manifest.json to the output folder. Finished
runs are checkpointed as they finish: after a crash or Ctrl-C, the same command (with or without
--resume) finishes the batch with the same files an uninterrupted run would have written.

Options:
  --runs N          runs per scenario (required, >= 1)
  --seed S          base seed (default 1)
  --workers auto|K  worker threads (default auto = the machine's cores; 0 = in this thread)
${QUEUE_USAGE}
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
  ...queueOption,
} as const;

/** Loads the scenarios and checks the arguments: everything that can be bad is found before any work. */
export async function prepareBatch(files: string[], values: { runs?: string; seed?: string; workers?: string; out?: string; queue?: string }, prefix?: string) {
  if (files.length === 0) throw new UsageError("expected at least one scenario file");
  if (values.runs === undefined) throw new UsageError("--runs is required");
  const runs = intOption("runs", values.runs, 0, 1);
  const baseSeed = intOption("seed", values.seed, 1);
  if (baseSeed > 0xffffffff) throw new UsageError(`--seed must be at most 4294967295, got ${baseSeed}`);
  const workers = parseWorkers(values.workers);
  const queue = parseQueueOption(values.queue);
  const loaded = await Promise.all(files.map((f) => loadScenario(f)));
  const plan: BatchPlan = derivedPlan(loaded.map((l, i) => ({ name: l.scenario.name, file: files[i], hash: l.hash, scenario: l.scenario })), baseSeed, runs);
  const faults = parseFaults(process.env.CLUSTERSIM_FAULT);
  if (faults.length > 0) plan.faults = faults;
  const names = [...new Set(plan.scenarios.map((s) => s.name))];
  if (names.length !== plan.scenarios.length) throw new UsageError("two scenarios share a name; give each scenario its own \"name\"");
  const out = values.out ?? `results/${prefix ?? names.join("+")}-s${baseSeed}-n${runs}`;
  return { plan, workers, out, queue };
}

/** Runs a prepared batch to its result folder with a progress bar and Ctrl-C handling; returns its files, or null when interrupted. */
export async function executeBatch(plan: BatchPlan, workers: number, out: string, resume: boolean, io: CliIO, quiet: boolean, kind: FolderKind = "batch", queue: QueueUrl | null = null) {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const total = plan.runs * plan.scenarios.length;
  let bar: ReturnType<typeof progressBar> | null = null;
  let status: QueueStatus | null = null;
  let shown = { done: 0, failed: 0 };
  const note = () => [shown.failed > 0 ? `· ${shown.failed} failed` : "", queueNote(status)].filter((t) => t !== "").join(" ");
  const executor = queueExecutorFactory(queue, io, (s) => {
    status = s;
    (bar as ReturnType<typeof progressBar> | null)?.update(shown.done, note());
  })?.(plan);
  try {
    const result = await runBatchFolder(plan, {
      out, workers: executor ? 0 : workers, executor, queue: queue?.safe, resume, kind, signal: controller.signal,
      onProgress: (p) => {
        if (bar === null) {
          if (p.before > 0) io.stderr(p.before >= total ? `nothing left to do: all ${total} runs are already stored in ${out}; writing the files from them\n` : `continuing the batch in ${out}: ${p.before} runs already stored, ${total - p.before} to run\n`);
          bar = progressBar(io, total - p.before, "runs", quiet || p.before >= total);
        }
        shown = { done: p.done - p.before, failed: p.failed };
        bar.update(shown.done, note());
      },
    });
    (bar as ReturnType<typeof progressBar> | null)?.stop();
    if (result.outcome === "aborted") {
      io.stderr(`interrupted: the checkpoint in ${out} is intact; finish with the same command and --resume\n`);
      return null;
    }
    return result.files!;
  } finally {
    (bar as ReturnType<typeof progressBar> | null)?.stop();
    process.off("SIGINT", onSigint);
    await executor?.close();
  }
}

/** The `batch` command. */
export const batchCommand: Command = {
  name: "batch",
  summary: "seeded runs of scenarios on worker threads: probabilities, fans, result files",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, batchOptions);
    const { plan, workers, out, queue } = await prepareBatch(positionals, values);
    const files = await executeBatch(plan, workers, out, values.resume === true, io, values.quiet === true, "batch", queue);
    if (files === null) return EXIT.interrupted;
    const { summary } = files;
    io.stdout(values.json ? `${JSON.stringify(toPlainJson({ out, ...summary }), null, 2)}\n` : formatBatchSummary(summary, io.color));
    if (!values.json) io.stderr(`results in ${out}\n`);
    return summary.scenarios.some((s) => s.failed > 0) ? EXIT.failure : EXIT.ok;
  },
};
