/**
 * `clustersim batch <scenario.json...> --runs N [--seed S | --seeds FILE] [--set PATH=VALUE]... [--series] [--workers auto|K] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]`:
 * seeded runs of each scenario on every core, with statistics, result files and a checkpoint.
 * The batch itself is the library function runBatchFolder (src/batch/node/batch-folder.ts).
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { parseChange } from "../scenario/changes.js";
import { InputError } from "../scenario/input-error.js";
import { loadScenarioWith } from "../scenario/load-with-changes.js";
import { parseSeedList } from "../batch/seed-list.js";
import { parseFaults } from "../batch/faults.js";
import { runBatchFolder } from "../batch/node/batch-folder.js";
import type { BatchPlan, SeedSource } from "../batch/plan.js";
import type { FolderKind } from "../batch/write-batch.js";
import { formatBatchSummary } from "../report/batch-summary.js";
import { progressBar, type Progress } from "../report/progress.js";
import type { BatchProgressEvent } from "../batch/run-batch.js";
import { toPlainJson } from "../batch/files/json.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type CliIO, type Command } from "./command.js";
import { QUEUE_USAGE, parseQueueOption, queueExecutorFactory, queueNote, queueOption } from "./queue-option.js";
import type { QueueUrl } from "../batch/node/queue/url.js";

const usage = `Usage: clustersim batch <scenario.json...> --runs N [--seed S | --seeds FILE] [--set PATH=VALUE]... [--series] [--workers auto|K] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]

Runs seeds deriveSeed(S, 0..N-1) of every scenario (the same list for each), on worker threads,
and writes summary.json, runs.csv, yearly.csv, datapackage.json and manifest.json to the output
folder. Finished runs are checkpointed as they finish: after a crash or Ctrl-C, the same command
(with or without --resume) finishes the batch with the same files an uninterrupted run would
have written. More runs on a finished folder extend it (its runs are a prefix of the new batch,
and the files equal a fresh batch's); the same command again runs nothing.

Options:
  --runs N          runs per scenario (required unless --seeds; >= 1)
  --seed S          base seed (default 1)
  --seeds FILE      explicit run seeds, one per line (or a JSON array); --runs defaults to all of them
  --set PATH=VALUE  put a JSON value at a JSON path of every scenario, e.g. --set '$.attraction.incentiveLevel["2018"]=2'
                    (repeatable; validated like a file; recorded in manifest.json and the scenario hash)
  --series          also write series.csv.gz: every run's yearly values, one row per value
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
  seeds: { type: "string" },
  set: { type: "string", multiple: true },
  series: { type: "boolean" },
  workers: { type: "string" },
  out: { type: "string" },
  resume: { type: "boolean" },
  quiet: { type: "boolean" },
  json: { type: "boolean" },
  ...queueOption,
} as const;

/** Loads the scenarios and checks the arguments: everything that can be bad is found before any work. */
export async function prepareBatch(files: string[], values: { runs?: string; seed?: string; seeds?: string; set?: string[]; workers?: string; out?: string; queue?: string }, prefix?: string) {
  if (files.length === 0) throw new UsageError("expected at least one scenario file");
  if (values.seed !== undefined && values.seeds !== undefined) throw new UsageError("give --seed or --seeds, not both");
  if (values.runs === undefined && values.seeds === undefined) throw new UsageError("--runs is required");
  const baseSeed = intOption("seed", values.seed, 1);
  if (baseSeed > 0xffffffff) throw new UsageError(`--seed must be at most 4294967295, got ${baseSeed}`);
  const list = values.seeds === undefined ? null : parseSeedList(values.seeds, readSeedFile(values.seeds));
  const runs = values.runs === undefined ? list!.length : intOption("runs", values.runs, 0, 1);
  if (list && runs > list.length) throw new InputError(`${values.seeds}: ${list.length} seeds, fewer than the ${runs} runs asked for`);
  const seeds: SeedSource = list ? { kind: "list", file: values.seeds!, seeds: list } : { kind: "derived", baseSeed };
  const workers = parseWorkers(values.workers);
  const queue = parseQueueOption(values.queue);
  const changes = (values.set ?? []).map(parseChange);
  const loaded = await Promise.all(files.map((f) => loadScenarioWith(f, changes)));
  const plan: BatchPlan = {
    scenarios: loaded.map((l, i) => ({ name: l.scenario.name, file: files[i], hash: l.hash, scenario: l.scenario, ...(changes.length ? { set: changes } : {}) })),
    seeds,
    runs,
  };
  const faults = parseFaults(process.env.CLUSTERSIM_FAULT);
  if (faults.length > 0) plan.faults = faults;
  const names = [...new Set(plan.scenarios.map((s) => s.name))];
  if (names.length !== plan.scenarios.length) throw new UsageError("two scenarios share a name; give each scenario its own \"name\"");
  const out = values.out ?? `results/${prefix ?? names.join("+")}-${list ? basename(values.seeds!).replace(/\.[^.]*$/, "") : `s${baseSeed}`}-n${runs}`;
  return { plan, workers, out, queue };
}

/** Reads the --seeds file (a missing file is bad input). */
function readSeedFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new InputError(`${file}: cannot read the seed list (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** The progress callback of a CLI batch: says what a re-run finds stored, then drives a bar over the runs left to do (its note adds `extra()`, redrawn by refresh()). */
function cliProgress(io: CliIO, out: string, total: number, quiet: boolean, extra: () => string = () => "") {
  let bar: Progress | null = null;
  let shown = { done: 0, failed: 0 };
  const note = () => [shown.failed > 0 ? `· ${shown.failed} failed` : "", extra()].filter((t) => t !== "").join(" ");
  const onProgress = (p: BatchProgressEvent) => {
    if (bar === null) {
      if (p.before >= total) io.stderr(`nothing left to do: all ${total} runs are already stored in ${out}; writing the files from them\n`);
      else if (p.before > 0) io.stderr(`continuing the batch in ${out}: ${p.before} runs already stored, ${total - p.before} to run\n`);
      bar = progressBar(io, total - p.before, "runs", quiet);
    }
    shown = { done: p.done - p.before, failed: p.failed };
    bar.update(shown.done, note());
  };
  return { onProgress, refresh: () => bar?.update(shown.done, note()), stop: () => bar?.stop() };
}

/** Runs a prepared batch to its result folder with a progress bar and Ctrl-C handling; returns its files, or null when interrupted. */
export async function executeBatch(plan: BatchPlan, workers: number, out: string, resume: boolean, io: CliIO, quiet: boolean, kind: FolderKind = "batch", series = false, queue: QueueUrl | null = null) {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  let status: Parameters<typeof queueNote>[0] = null;
  const progress = cliProgress(io, out, plan.runs * plan.scenarios.length, quiet, () => queueNote(status));
  const executor = queueExecutorFactory(queue, io, (s) => {
    status = s;
    progress.refresh();
  })?.(plan);
  try {
    const queued = executor ? { executor, workers: 0, queue: queue!.safe } : { workers };
    const result = await runBatchFolder(plan, { out, resume, kind, series, signal: controller.signal, onProgress: progress.onProgress, ...queued });
    progress.stop();
    if (result.outcome === "aborted") {
      io.stderr(`interrupted: the checkpoint in ${out} is intact; finish with the same command and --resume\n`);
      return null;
    }
    return result.files!;
  } finally {
    progress.stop();
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
    const files = await executeBatch(plan, workers, out, values.resume === true, io, values.quiet === true, "batch", values.series === true, queue);
    if (files === null) return EXIT.interrupted;
    const { summary } = files;
    io.stdout(values.json ? `${JSON.stringify(toPlainJson({ out, ...summary }), null, 2)}\n` : formatBatchSummary(summary, io.color));
    if (!values.json) io.stderr(`results in ${out}\n`);
    return summary.scenarios.some((s) => s.failed > 0) ? EXIT.failure : EXIT.ok;
  },
};
