/**
 * `clustersim calibrate <calibration.json> --draws N [--replicates R] [--seed S] [--out FILE] [--json]`:
 * rejection ABC on a calibration scenario's history; prints the acceptance rate and prior versus
 * posterior of each parameter, and writes the posterior (rows of parameter values and history
 * seeds) as a scenario that extends the calibration's base.
 */
import { writeFile } from "node:fs/promises";
import { basename, dirname, relative } from "node:path";
import { posteriorPredictive, runAbc, summariseAbc, type AbcResult } from "../analysis/abc.js";
import { distributionPaths } from "../model/draw.js";
import { formatCalibration } from "../report/calibration-summary.js";
import { progressBar } from "../report/progress.js";
import { loadScenario } from "../scenario/index.js";
import { EXIT, InputError, UsageError, intOption, parseCommandArgs, type Command } from "./command.js";
import { refuseOverwritingInputs } from "./output-path.js";

const usage = `Usage: clustersim calibrate <calibration.json> --draws N [--replicates R] [--seed S] [--out FILE] [--json] [--quiet]

Approximate Bayesian computation by rejection: draws the calibrated parameters N times from their
priors (draw i uses seed deriveSeed(S, i)), runs R replicate histories of each (history seeds
deriveSeed(that seed, r)) up to the calibration's last quarter, keeps each replicate that
reproduces every observation of the "calibration" section (Poisson observations by a keyed
acceptance test), and reports the acceptance rate and prior versus posterior. A posterior row is
(parameter values, history seed): a projection replays that history bit for bit.

Options:
  --draws N       prior draws to run (required)
  --replicates R  history replicates per draw (default: the scenario's calibration.replicates)
  --seed S        base seed (default 2017)
  --predictive N  posterior predictive replicates with fresh history seeds (default 0: none)
  --out FILE  write the posterior as a scenario that extends the calibration scenario's base
  --json      print the result as one JSON document
  --quiet     no progress bar
  -h, --help  show this help
`;

/** The posterior scenario file: extends the calibration's base and fixes the accepted joint draws. */
function posteriorScenario(out: string, base: string, result: AbcResult, source: string) {
  let ext = relative(dirname(out), base).split("\\").join("/");
  if (!ext.startsWith(".")) ext = `./${ext}`;
  return {
    $schema: "./scenario.schema.json",
    $comment: "Written by clustersim calibrate; do not edit by hand. Each run picks one accepted joint draw (a row) for the listed parameters.",
    extends: ext,
    name: basename(out, ".json"),
    description: `The base scenario with its calibrated parameters at their posterior (${result.accepted} accepted of ${result.draws} prior draws x ${result.replicates} replicates).`,
    posterior: { source, parameters: result.parameters, draws: result.posteriorRows, historySeeds: result.historySeeds },
  };
}

/** The `calibrate` command. */
export const calibrateCommand: Command = {
  name: "calibrate",
  summary: "calibrate priors against observations (rejection ABC)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      draws: { type: "string" },
      replicates: { type: "string" },
      predictive: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      quiet: { type: "boolean" },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one calibration scenario, got ${positionals.length}`);
    if (values.draws === undefined) throw new UsageError("--draws is required");
    const draws = intOption("draws", values.draws, 0, 1);
    const seed = intOption("seed", values.seed, 2017);
    const file = positionals[0];
    const loaded = await loadScenario(file);
    const cal = loaded.scenario.calibration;
    if (!cal) throw new InputError(`${file}: $.calibration: missing; a calibration scenario needs observations to compare with`);
    if (values.out && loaded.files.length < 2)
      throw new InputError(`${file}: $.extends: a calibration scenario must extend the base scenario that its posterior will extend`);
    if (values.out) refuseOverwritingInputs("--out", values.out, loaded.files);
    const replicates = intOption("replicates", values.replicates, cal.replicates, 1);
    const parameters = cal.parameters ?? distributionPaths(loaded.scenario).filter((p) => !cal.exclude.some((x) => p === x || p.startsWith(`${x}.`) || p.startsWith(`${x}[`)));
    if (parameters.length === 0) throw new InputError(`${file}: no distributions left to calibrate after $.calibration.exclude`);
    const bar = progressBar(io, draws, "draws", values.quiet);
    const result = runAbc(loaded.scenario, parameters, draws, seed, replicates, (done, accepted) => bar.update(done, `· ${accepted} accepted`));
    bar.stop();
    const summary = summariseAbc(result);
    const source = `clustersim calibrate ${file} --draws ${draws} --replicates ${replicates} --seed ${seed}: ${result.accepted} of ${draws * replicates} replicates accepted`;
    const observations = result.observationIds.map((id, j) => ({ id, ...cal.observations[id], hits: result.observationHits[j] }));
    const predictiveRuns = intOption("predictive", values.predictive, 0, 0);
    const coverage = predictiveRuns > 0 ? posteriorPredictive(loaded.scenario, result, predictiveRuns, seed) : [];
    if (values.json) io.stdout(`${JSON.stringify({ file, scenarioHash: loaded.hash, draws, replicates, seed, accepted: result.accepted, acceptance: result.accepted / (draws * replicates), observations, parameters: summary, posteriorPredictive: coverage }, null, 2)}\n`);
    else io.stdout(formatCalibration(result, observations, summary, io.color, coverage));
    if (result.accepted === 0) {
      io.stderr("clustersim calibrate: no draw was accepted; widen the priors or run more draws (nothing written)\n");
      return EXIT.failure;
    }
    if (values.out) {
      await writeFile(values.out, `${JSON.stringify(posteriorScenario(values.out, loaded.files[1], result, source), null, 2)}\n`);
      io.stderr(`wrote ${values.out}\n`);
    }
    return EXIT.ok;
  },
};
