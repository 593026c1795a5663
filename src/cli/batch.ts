/**
 * `clustersim batch <scenario.json...> --runs N [--seed S | --seeds FILE] [--set PATH=VALUE]... [--series] [--workers auto|K] [--force-workers] [--run-time-limit S] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]`:
 * seeded runs of each scenario on every core, with statistics, result files and a checkpoint.
 * The batch itself is the library function runBatchFolder (src/batch/node/batch-folder.ts).
 */
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
import { slug } from "../batch/files/slug.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type CliIO, type Command } from "./command.js";
import { LIMITS_HELP, checkRuns, parseRunTimeLimit, parseWorkerCount, readSeedFile } from "./batch-options.js";
import { QUEUE_USAGE, parseQueueOption, queueExecutorFactory, queueNote, queueOption } from "./queue-option.js";
import { listenForStop } from "./stop-signals.js";
import type { QueueUrl } from "../batch/node/queue/url.js";

const usage = `Usage: clustersim batch <scenario.json...> --runs N [--seed S | --seeds FILE] [--set PATH=VALUE]... [--series] [--workers auto|K] [--force-workers] [--run-time-limit S] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]

Runs seeds deriveSeed(S, 0..N-1) of every scenario (the same list for each), on worker threads,
and writes summary.json, runs.csv, yearly.csv, datapackage.json, the resolved scenarios and,
last, manifest.json (listing every file with its size and SHA-256) to the output folder.
Finished runs are checkpointed as they finish: after a crash, a full disk or Ctrl-C, the same
command (with or without --resume) finishes the batch with the same files an uninterrupted run
would have written; failed runs are tried again. More runs on a finished folder extend it (its
runs are a prefix of the new batch, and the files equal a fresh batch's); the same command again
runs nothing. One batch at a time writes a folder (batch.lock).

Options:
  --runs N          runs per scenario (required unless --seeds; >= 1)
  --seed S          base seed (default 1)
  --seeds FILE      explicit run seeds, one per line (or a JSON array); --runs defaults to all of them
  --set PATH=VALUE  put a JSON value at a JSON path of every scenario, e.g. --set '$.attraction.incentiveLevel["2018"]=2'
                    (repeatable; validated like a file; recorded in manifest.json and the scenario hash)
  --series          also write series.csv.gz: every run's yearly values, one row per value
  --workers auto|K  worker threads (default auto = the machine's cores; 0 = in this thread)
  --force-workers   start K workers even when K is more than the machine's cores
  --run-time-limit S  a run taking longer than S seconds fails with a message (default 60)
${QUEUE_USAGE}
  --out DIR         results folder (default results/<scenarios>-s<S>-n<N>, the names made safe
                    for a file name: letters, digits, . _ - only)
  --resume          finish the batch whose checkpoint is in --out (an error if there is none)
  --quiet           no progress bar
  --json            print the summary as one JSON document
  -h, --help        show this help

${LIMITS_HELP}
Exit codes: 0 ok, 1 some runs failed (files still written) or the batch could not go on (a full
disk, a worker that cannot start), 2 bad arguments or input (also a folder in use by another
batch), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
`;

/** Parses --workers: "auto", or a whole number >= 0, capped at the machine's cores unless `force`. */
export function parseWorkers(value: string | undefined, force = false): number {
  return parseWorkerCount(value, force).workers;
}

/** Options shared by the batch and compare commands. */
export const batchOptions = {
  runs: { type: "string" },
  seed: { type: "string" },
  seeds: { type: "string" },
  set: { type: "string", multiple: true },
  series: { type: "boolean" },
  workers: { type: "string" },
  "force-workers": { type: "boolean" },
  "run-time-limit": { type: "string" },
  out: { type: "string" },
  resume: { type: "boolean" },
  quiet: { type: "boolean" },
  json: { type: "boolean" },
  ...queueOption,
} as const;

/** Loads the scenarios and checks the arguments: everything that can be bad is found before any work. */
export async function prepareBatch(
  files: string[],
  values: { runs?: string; seed?: string; seeds?: string; set?: string[]; workers?: string; "force-workers"?: boolean; "run-time-limit"?: string; out?: string; queue?: string },
  prefix?: string,
) {
  if (files.length === 0) throw new UsageError("expected at least one scenario file");
  if (values.seed !== undefined && values.seeds !== undefined) throw new UsageError("give --seed or --seeds, not both");
  if (values.runs === undefined && values.seeds === undefined) throw new UsageError("--runs is required");
  const baseSeed = intOption("seed", values.seed, 1);
  if (baseSeed > 0xffffffff) throw new UsageError(`--seed must be at most 4294967295, got ${baseSeed}`);
  if (values.runs !== undefined) checkRuns(intOption("runs", values.runs, 0, 1));
  const { workers, note } = parseWorkerCount(values.workers, values["force-workers"] === true);
  const runTimeLimitMs = parseRunTimeLimit(values["run-time-limit"]);
  const list = values.seeds === undefined ? null : parseSeedList(`--seeds ${values.seeds}`, readSeedFile(values.seeds));
  const runs = values.runs === undefined ? list!.length : intOption("runs", values.runs, 0, 1);
  checkRuns(runs, values.runs === undefined ? `--seeds ${values.seeds}: the runs (one per seed)` : "--runs");
  if (list && runs > list.length) throw new InputError(`--seeds ${values.seeds}: ${list.length} seeds, fewer than the ${runs} runs asked for`);
  const seeds: SeedSource = list ? { kind: "list", file: values.seeds!, seeds: list } : { kind: "derived", baseSeed };
  const queue = parseQueueOption(values.queue);
  const changes = (values.set ?? []).map(parseChange);
  const loaded = await Promise.all(files.map((f) => loadScenarioWith(f, changes)));
  const plan: BatchPlan = {
    scenarios: loaded.map((l, i) => ({ name: l.scenario.name, file: files[i], hash: l.hash, scenario: l.scenario, raw: l.raw, ...(changes.length ? { set: changes } : {}) })),
    seeds,
    runs,
    runTimeLimitMs,
  };
  const faults = parseFaults(process.env.CLUSTERSIM_FAULT);
  if (faults.length > 0) plan.faults = faults;
  const names = [...new Set(plan.scenarios.map((s) => s.name))];
  if (names.length !== plan.scenarios.length) throw new UsageError("two scenarios share a name; give each scenario its own \"name\"");
  return { plan, workers, out: values.out ?? defaultFolder(names, prefix, list ? values.seeds! : null, baseSeed, runs), notes: note ? [note] : [], queue };
}

/**
 * The default results folder, results/<names>-s<S>-n<N> (or -<seed file>- for a list): every part
 * made a safe slug (letters, digits, . _ -), so a scenario named "../../x" stays inside results/.
 */
export function defaultFolder(names: string[], prefix: string | undefined, seedFile: string | null, baseSeed: number, runs: number): string {
  let label = prefix ?? names.map((n) => slug(n)).join("+");
  if (new TextEncoder().encode(label).length > 120) label = slug(label);
  const seeds = seedFile === null ? `s${baseSeed}` : slug(basename(seedFile).replace(/\.[^.]*$/, ""), "seeds");
  return `results/${label}-${seeds}-n${runs}`;
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

/** The exit code of the last batch stopped by a signal (130 for SIGINT, 143 for SIGTERM). */
let lastInterrupt: number = EXIT.interrupted;

/** The exit code for a batch that executeBatch reported as interrupted (null): 130 after SIGINT, 143 after SIGTERM. */
export function interruptedExit(): number {
  return lastInterrupt;
}

/**
 * Runs a prepared batch to its result folder with a progress bar, locally or on the queue at
 * `queue`; returns its files, or null when stopped by SIGINT or SIGTERM (see interruptedExit and
 * stop-signals.ts), leaving the checkpoint intact and no manifest.json.
 */
export async function executeBatch(plan: BatchPlan, workers: number, out: string, resume: boolean, io: CliIO, quiet: boolean, kind: FolderKind = "batch", series = false, queue: QueueUrl | null = null) {
  const stop = listenForStop(io, out);
  let status: Parameters<typeof queueNote>[0] = null;
  const progress = cliProgress(io, out, plan.runs * plan.scenarios.length, quiet, () => queueNote(status));
  let executor: ReturnType<NonNullable<ReturnType<typeof queueExecutorFactory>>> | undefined;
  try {
    executor = queueExecutorFactory(queue, io, (s) => {
      status = s;
      progress.refresh();
    })?.(plan);
    const queued = executor ? { executor, workers: 0, queue: queue!.safe } : { workers };
    const result = await runBatchFolder(plan, { out, resume, kind, series, signal: stop.signal, onProgress: progress.onProgress, onNote: (text) => io.stderr(`${text}\n`), ...queued });
    progress.stop();
    if (result.outcome === "aborted") {
      lastInterrupt = stop.exitCode();
      io.stderr(`${stop.how()}: the checkpoint in ${out} is intact; finish with the same command (or --resume)\n`);
      return null;
    }
    return result.files!;
  } finally {
    progress.stop();
    stop.dispose();
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
    const { plan, workers, out, notes, queue } = await prepareBatch(positionals, values);
    for (const note of notes) io.stderr(`${note}\n`);
    const files = await executeBatch(plan, workers, out, values.resume === true, io, values.quiet === true, "batch", values.series === true, queue);
    if (files === null) return interruptedExit();
    const { summary } = files;
    io.stdout(values.json ? `${JSON.stringify(toPlainJson({ out, ...summary }), null, 2)}\n` : formatBatchSummary(summary, io.color));
    if (!values.json) io.stderr(`results in ${out}\n`);
    return summary.scenarios.some((s) => s.failed > 0) ? EXIT.failure : EXIT.ok;
  },
};
