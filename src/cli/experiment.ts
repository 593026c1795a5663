/**
 * `clustersim experiment <experiment.json> [--seed S] [--set PATH=VALUE]... [--workers auto|K] [--force-workers] [--run-time-limit S] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]`:
 * runs an experiment file (a design over factors of a scenario, or a test function) on the batch
 * layer (worker threads here, or worker processes through Redis with --queue), checkpointed and
 * resumable, and writes design.csv, points.csv, indices.csv, noise.csv, boxes.csv... to the
 * output folder. The work is the library function runExperimentFolder.
 */
import type { BatchProgressEvent } from "../batch/run-batch.js";
import { parseFaults } from "../batch/faults.js";
import { toPlainJson } from "../batch/files/json.js";
import { loadExperiment } from "../batch/experiment/node/load.js";
import { runExperimentFolder } from "../batch/experiment/node/folder.js";
import { formatExperimentSummary } from "../report/experiment-summary.js";
import { progressBar, type Progress } from "../report/progress.js";
import { parseChange } from "../scenario/changes.js";
import { slug } from "../batch/files/slug.js";
import { parseRunTimeLimit, parseWorkerCount } from "./batch-options.js";
import { QUEUE_USAGE, parseQueueOption, queueExecutorFactory, queueNote, queueOption } from "./queue-option.js";
import type { QueueStatus } from "../batch/node/queue/queue-link.js";
import { listenForStop } from "./stop-signals.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type CliIO, type Command } from "./command.js";

const usage = `Usage: clustersim experiment <experiment.json> [--seed S] [--set PATH=VALUE]... [--workers auto|K] [--force-workers] [--run-time-limit S] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]

Runs an experiment file: a design (grid, Latin hypercube, Sobol', Saltelli, Morris or explicit
points) over factors of a scenario (JSON paths set, scaled or shifted) or an analytic test
function, each point with the same seeds (common random numbers), and writes design.csv,
points.csv, runs.csv, indices.csv (Sobol' or Morris), noise.csv, boxes.csv (PRIM),
experiment.json, datapackage.json and manifest.json to the output folder. Finished runs are
checkpointed: after a crash or Ctrl-C the same command (with or without --resume) finishes the
experiment with the same files an uninterrupted one writes, whatever the worker count. The
folder is handled as a batch's: one process at a time (batch.lock), the files of an earlier
batch removed before the first run, each result file written whole, manifest.json last with
every file's size and SHA-256. The format: docs/experiments.md.

Options:
  --seed S          base seed, replacing the file's "seed" (replication r runs deriveSeed(S, r))
  --set PATH=VALUE  put a JSON value at a JSON path of the experiment file, e.g. --set '$.design.n=64'
                    --set '$.replications=2' (repeatable; checked like the file; recorded in manifest.json)
  --workers auto|K  worker threads (default auto = the machine's cores, or this thread for a test function; 0 = in this thread)
  --force-workers   start K workers even when K is more than the machine's cores
  --run-time-limit S  a model run taking longer than S seconds fails with a message (default 60)
${QUEUE_USAGE}
  --out DIR         results folder (default results/experiment-<name>-s<seed>, the name made safe
                    for a file name: letters, digits, . _ - only)
  --resume          finish the experiment whose checkpoint is in --out (an error if there is none)
  --quiet           no progress bar
  --json            print experiment.json's content (with "out") as one JSON document
  -h, --help        show this help

Exit codes: 0 ok, 1 some runs failed (files still written) or the experiment could not go on (a
full disk, a worker that cannot start), 2 bad arguments or input (also a folder in use), 130
interrupted (Ctrl-C), 143 terminated (SIGTERM).
`;

/** A progress callback: says what a re-run finds stored, then drives a bar over the runs left (its note adds `extra()`, redrawn by refresh()). */
function experimentProgress(io: CliIO, out: string, quiet: boolean, extra: () => string = () => "") {
  let bar: Progress | null = null;
  let shown = { done: 0, failed: 0 };
  const note = () => [shown.failed > 0 ? `· ${shown.failed} failed` : "", extra()].filter((t) => t !== "").join(" ");
  const onProgress = (p: BatchProgressEvent) => {
    if (bar === null) {
      if (p.before >= p.total) io.stderr(`nothing left to run: all ${p.total} runs are stored in ${out}; writing the files from them\n`);
      else if (p.before > 0) io.stderr(`continuing the experiment in ${out}: ${p.before} runs stored, ${p.total - p.before} to run\n`);
      bar = progressBar(io, p.total - p.before, "runs", quiet);
    }
    shown = { done: p.done - p.before, failed: p.failed };
    bar.update(shown.done, note());
  };
  return { onProgress, refresh: () => bar?.update(shown.done, note()), stop: () => bar?.stop() };
}

/** The `experiment` command. */
export const experimentCommand: Command = {
  name: "experiment",
  summary: "sweeps, designs and sensitivity analysis (Sobol', Morris, PRIM) from an experiment file",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      seed: { type: "string" },
      set: { type: "string", multiple: true },
      workers: { type: "string" },
      "force-workers": { type: "boolean" },
      "run-time-limit": { type: "string" },
      ...queueOption,
      out: { type: "string" },
      resume: { type: "boolean" },
      quiet: { type: "boolean" },
      json: { type: "boolean" },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "expected an experiment file" : `expected one experiment file, got ${positionals.length}`);
    const seed = values.seed === undefined ? undefined : intOption("seed", values.seed, 1);
    if (seed !== undefined && seed > 0xffffffff) throw new UsageError(`--seed must be at most 4294967295, got ${seed}`);
    const { workers, note } = parseWorkerCount(values.workers, values["force-workers"] === true);
    const runTimeLimitMs = parseRunTimeLimit(values["run-time-limit"]);
    const queue = parseQueueOption(values.queue);
    const changes = (values.set ?? []).map(parseChange);
    const ex = await loadExperiment(positionals[0], { changes, seed });
    const out = values.out ?? `results/experiment-${slug(ex.name, "experiment")}-s${ex.seed}`;
    if (note) io.stderr(`${note}\n`);
    // a test function costs less to evaluate than to send to a worker: "auto" runs it in this thread
    const threads = ex.model.kind === "test-function" && (values.workers === undefined || values.workers === "auto") ? 0 : workers;
    const stop = listenForStop(io, out);
    let status: QueueStatus | null = null;
    const progress = experimentProgress(io, out, values.quiet === true, () => queueNote(status));
    // with --queue the shards run on `clustersim worker` processes (none need run here)
    const executorFactory = queueExecutorFactory(queue, io, (s) => {
      status = s;
      progress.refresh();
    });
    const queued = executorFactory ? { executorFactory, workers: 0, queue: queue!.safe } : { workers: threads };
    try {
      const faults = parseFaults(process.env.CLUSTERSIM_FAULT);
      const result = await runExperimentFolder(ex, { out, ...queued, resume: values.resume === true, faults, runTimeLimitMs, signal: stop.signal, onProgress: progress.onProgress, onNote: (text) => io.stderr(`${text}\n`) });
      progress.stop();
      if (result.outcome === "aborted") {
        io.stderr(`${stop.how()}: the checkpoint in ${out} is intact; finish with the same command (or --resume)\n`);
        return stop.exitCode();
      }
      const summary = result.summary!;
      io.stdout(values.json ? `${JSON.stringify(toPlainJson({ out, ...summary }), null, 2)}\n` : formatExperimentSummary(summary, result.analysis!, io.color));
      if (!values.json) io.stderr(`results in ${out}\n`);
      return summary.failed > 0 ? EXIT.failure : EXIT.ok;
    } finally {
      progress.stop();
      stop.dispose();
    }
  },
};
