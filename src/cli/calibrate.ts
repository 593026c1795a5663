/**
 * `clustersim calibrate <calibration.json> [--particles N] [--replicates R] [--seed S] [--workers auto|K]
 * [--queue URL] [--generations G] [--predictive N] [--rows N] [--out FILE] [--json | --markdown] [--quiet]`:
 * ABC-SMC (docs/calibration.md) on the calibration scenario's history, its jobs on worker
 * threads (or, with --queue, on worker processes through Redis: the same result); prints
 * acceptance per generation, the effective sample size, prior versus posterior and the
 * posterior predictive coverage from fresh history seeds, and writes the posterior
 * (rows of parameter values and the history seed of an accepted replicate) as a scenario that
 * extends the calibration scenario's base.
 */
import { writeFile } from "node:fs/promises";
import { basename, dirname, relative, resolve } from "node:path";
import { abcSmcSteps, posteriorSamples, type AbcSmcOptions, type AbcSmcResult, type CalibrationSpec, type GenerationReport, type SimulationJob } from "../analysis/calibration/index.js";
import { calibrationSpecOf } from "../analysis/calibration/model.js";
import { historyExecutor, type HistoryExecutor } from "../batch/history-pool.js";
import type { QueueStatus } from "../batch/node/queue/queue-link.js";
import { queueHistoryExecutor } from "../batch/node/queue/history-coordinator.js";
import { PASSWORD_VARIABLE } from "../batch/node/queue/url.js";
import { spawnWorkerThread } from "../batch/node/worker-threads.js";
import { formatCalibration, formatCalibrationMarkdown, type ObservationRow } from "../report/calibration-summary.js";
import { progressBar } from "../report/progress.js";
import { loadScenario } from "../scenario/index.js";
import { MAX_SCENARIO_BYTES } from "../scenario/read-file.js";
import { parseWorkers } from "./batch.js";
import { EXIT, InputError, UsageError, intOption, parseCommandArgs, type CliIO, type Command } from "./command.js";
import { refuseOverwritingInputs } from "./output-path.js";
import { parseQueueOption, queueNote, queueOption } from "./queue-option.js";

/** The model contract: at least 5 replicate histories per particle. */
export const MIN_REPLICATES = 5;

const usage = `Usage: clustersim calibrate <calibration.json> [--particles N] [--replicates R] [--seed S] [--workers auto|K]
                           [--queue URL] [--generations G] [--predictive N] [--rows N] [--out FILE] [--json | --markdown] [--quiet]

ABC-SMC over replicate histories (docs/calibration.md): the calibrated parameters of the
scenario's "calibration" section (the others keep their priors, drawn from each history seed)
are drawn from their priors, then moved generation by generation with tolerances that shrink to
the observations' own intervals. Each particle runs R histories up to calibration.until; its
weight is the share of them meeting every observation (the Poisson count by its likelihood)
x prior / proposal. Reports acceptance per generation, the effective sample size, prior versus
posterior (and regression-adjusted) per parameter, and the posterior predictive coverage of
each observation from fresh history seeds. A posterior row is (parameter values, history seed
of an accepted replicate): a projection replays that history bit for bit.

Options:
  --particles N    particles per generation (default 300)
  --replicates R   history replicates per particle, at least ${MIN_REPLICATES} (default: calibration.replicates)
  --seed S         base seed of every draw, 0-4294967295 (default 2017)
  --workers auto|K worker threads (default auto = the machine's cores; 0 = in this thread); the
                   result does not depend on it
  --queue URL      run the histories on worker processes through Redis (redis://[:password@]host:port[/db],
                   rediss:// for TLS; a URL without a password takes ${PASSWORD_VARIABLE}); start the
                   workers with clustersim worker --queue URL; --workers is then unused, the result the same
  --generations G  most generations, generation 0 (the prior) included (default 20)
  --predictive N   posterior predictive histories with fresh seeds (default 400; 0: none)
  --rows N         posterior rows written by --out, drawn from the final population (default 1000)
  --out FILE       write the posterior as a scenario that extends the calibration scenario's base
                   (not the calibration scenario or one of its bases; only when the final
                   generation reached the observations' own intervals)
  --json           print the result as one JSON document
  --markdown       print the tables as Markdown (for docs)
  --quiet          no progress
  -h, --help       show this help

Exit codes: 0 ok, 1 failed (nothing written), 2 bad arguments or input.
`;

/** The posterior scenario file: extends the calibration's base and lists the posterior rows. */
function posteriorScenario(out: string, base: string, result: AbcSmcResult, rows: number, seed: number, source: string) {
  let ext = relative(dirname(resolve(out)), resolve(base)).split("\\").join("/");
  if (!ext.startsWith(".")) ext = `./${ext}`;
  const samples = posteriorSamples(result.population, rows, seed);
  return {
    $schema: "./scenario.schema.json",
    $comment:
      "Written by clustersim calibrate (ABC-SMC, docs/calibration.md); do not edit by hand. Each run picks one row: the calibrated parameters' values and the history seed of an accepted replicate, whose history (2016-17) it replays bit for bit; every other parameter is drawn from that history seed.",
    extends: ext,
    name: basename(out, ".json"),
    description: `The district base with its calibrated parameters at their ABC-SMC posterior (${rows} rows drawn from ${result.population.length} weighted particles; effective sample size ${result.ess.toFixed(0)}).`,
    posterior: {
      source,
      parameters: result.parameters,
      draws: samples.map((s) => s.theta),
      historySeeds: samples.map((s) => s.historySeed),
    },
  };
}

/**
 * JSON text with two-space indents, every array of numbers on one line (a posterior row per
 * line). Only arrays JSON.stringify laid out over lines match (a string never holds a raw line break).
 */
export function compactJson(value: unknown): string {
  const NUM = "-?\\d[\\d.eE+-]*";
  const laidOut = new RegExp(`\\[\\n\\s*(${NUM}(?:,\\n\\s*${NUM})*)\\n\\s*\\]`, "g");
  return JSON.stringify(value, null, 2).replace(laidOut, (_, items: string) => `[${items.split(/,\n\s*/).join(", ")}]`);
}

/** Parses the base seed: a whole number in [0, 2^32 - 1]. */
function seedOption(value: string | undefined): number {
  const seed = intOption("seed", value, 2017);
  if (seed > 0xffffffff) throw new UsageError(`--seed expects a whole number from 0 to 4294967295, got "${value}"`);
  return seed;
}

/** A one-line account of a finished generation (stderr). */
function generationLine(g: GenerationReport): string {
  const tol = g.generation === 0 ? "prior" : `tolerance ${g.tolerance.toFixed(3)}`;
  return `generation ${g.generation} (${tol}): ${g.particles} particles of ${g.proposals} proposals (${(100 * g.acceptanceRate).toFixed(1)}%), ${g.simulations} histories, ESS ${g.ess.toFixed(0)}${g.short ? ", short" : ""}\n`;
}

/** Runs the calibration on the executor, with a progress bar per batch of jobs. */
async function runCalibration(
  io: CliIO,
  quiet: boolean,
  spec: CalibrationSpec,
  options: AbcSmcOptions,
  execute: (jobs: SimulationJob[], onDone: (n: number) => void) => Promise<Float64Array[]>,
  note: () => string = () => "",
  watch: (redraw: () => void) => void = () => {},
): Promise<AbcSmcResult> {
  const steps = abcSmcSteps(spec, options);
  let next = steps.next();
  while (!next.done) {
    const bar = progressBar(io, next.value.length, "histories", quiet);
    let done = 0;
    watch(() => bar.update(done, note()));
    const stats = await execute(next.value, (n) => bar.update((done = n), note()));
    watch(() => {});
    bar.stop();
    next = steps.next(stats);
  }
  return next.value;
}

/** The `calibrate` command. */
export const calibrateCommand: Command = {
  name: "calibrate",
  summary: "calibrate the priors against the observations (ABC-SMC over replicate histories)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      particles: { type: "string" },
      replicates: { type: "string" },
      seed: { type: "string" },
      workers: { type: "string" },
      generations: { type: "string" },
      predictive: { type: "string" },
      rows: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      quiet: { type: "boolean" },
      ...queueOption,
    });
    if (positionals.length !== 1) throw new UsageError(`expected one calibration scenario, got ${positionals.length}`);
    if (values.json && values.markdown) throw new UsageError("--json and --markdown exclude each other");
    const particles = intOption("particles", values.particles, 300, 2);
    const seed = seedOption(values.seed);
    const workers = parseWorkers(values.workers);
    const queue = parseQueueOption(values.queue);
    const generations = intOption("generations", values.generations, 20, 1);
    const predictive = intOption("predictive", values.predictive, 400, 0);
    const rows = intOption("rows", values.rows, 1000, 1);
    const file = positionals[0];
    const loaded = await loadScenario(file);
    const cal = loaded.scenario.calibration;
    if (!cal) throw new InputError(`${file}: $.calibration: missing; a calibration scenario needs observations to compare with`);
    const replicates = intOption("replicates", values.replicates, cal.replicates, 0);
    if (replicates < MIN_REPLICATES)
      throw values.replicates !== undefined
        ? new UsageError(`--replicates must be at least ${MIN_REPLICATES} (the model contract: R >= 5 replicate histories per particle), got ${replicates}`)
        : new InputError(`${file}: $.calibration.replicates: at least ${MIN_REPLICATES} replicate histories per particle (the model contract), got ${replicates}; or pass --replicates`);
    if (values.out !== undefined) {
      if (loaded.files.length < 2) throw new InputError(`${file}: $.extends: a calibration scenario must extend the base scenario that its posterior will extend`);
      refuseOverwritingInputs("--out", values.out, loaded.files);
    }
    let spec: CalibrationSpec;
    try {
      spec = calibrationSpecOf(loaded.scenario);
    } catch (err) {
      if (err instanceof InputError) throw new InputError(`${file}: ${err.message}`);
      throw err;
    }
    const paths = spec.parameters.map((p) => p.path);
    const quiet = values.quiet === true;
    let status: QueueStatus | null = null;
    let redraw = () => {};
    const executor: HistoryExecutor = queue
      ? await queueHistoryExecutor(loaded.scenario, paths, spec.observations.length, {
          url: queue,
          run: { particles, replicates, seed, generations, predictive },
          onNotice: (text) => io.stderr(`queue: ${text}\n`),
          onStatus: (s) => {
            status = s;
            redraw();
          },
        })
      : await historyExecutor(loaded.scenario, paths, workers, spawnWorkerThread);
    let result: AbcSmcResult;
    try {
      const options = { particles, replicates, seed, maxGenerations: generations, predictiveDraws: predictive, onGeneration: (g: GenerationReport) => !quiet && io.stderr(generationLine(g)) };
      const note = () => queueNote(status);
      result = await runCalibration(io, quiet, spec, options, (jobs, onDone) => executor.run(jobs, onDone), note, (f) => (redraw = f));
    } finally {
      await executor.close();
    }
    const observations: ObservationRow[] = Object.keys(cal.observations)
      .sort()
      .map((id) => {
        const o = cal.observations[id];
        return o.kind === "poisson" ? { id, label: o.label, kind: o.kind, observed: o.observed } : { id, label: o.label, kind: o.kind, min: o.min, max: o.max };
      });
    const report = { ...result, particles };
    const command = `clustersim calibrate ${file} --particles ${particles} --replicates ${replicates} --seed ${seed} --generations ${generations}`;
    if (values.json) {
      const { population: _population, adjustment, summary, parameters: _paths, observations: _ids, ...rest } = result;
      const doc = {
        file,
        scenarioHash: loaded.hash,
        command,
        particles,
        ...rest,
        regressors: adjustment?.regressors ?? [],
        observations,
        parameters: summary,
      };
      io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
    } else if (values.markdown) io.stdout(formatCalibrationMarkdown(report, observations));
    else io.stdout(formatCalibration(report, observations, io.color));
    if (values.out === undefined) return EXIT.ok;
    if (result.stopReason !== "done") {
      io.stderr(`clustersim calibrate: the sequence stopped (${result.stopReason}) at tolerance ${result.finalTolerance.toFixed(3)}, before the observations' own intervals; nothing written (run more particles or generations)\n`);
      return EXIT.failure;
    }
    const source = `${command}: ${result.generations.length} generations, ${result.simulations} histories, final tolerance 0, ESS ${result.ess.toFixed(1)} of ${particles}; ${rows} rows by systematic resampling of the final population (seed ${seed})`;
    const text = `${compactJson(posteriorScenario(values.out, loaded.files[1], result, rows, seed, source))}\n`;
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_SCENARIO_BYTES)
      throw new InputError(`--out ${values.out}: the posterior would be ${bytes.toLocaleString("en-US")} bytes, over the ${MAX_SCENARIO_BYTES / (1024 * 1024)} MiB a scenario file may have; nothing written (use fewer --rows)`);
    await writeFile(values.out, text);
    if (!quiet) io.stderr(`wrote ${values.out} (${rows} posterior rows)\n`);
    return EXIT.ok;
  },
};
