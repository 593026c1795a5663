/** `clustersim run <scenario.json> [--seed N] [--json]`: one run of a scenario, summarised or in full. */
import { runScenario } from "../model/run.js";
import { formatRunSummary } from "../report/run-summary.js";
import { stringifyResult } from "../report/json.js";
import { parseChange } from "../scenario/changes.js";
import { loadScenarioWith } from "../scenario/load-with-changes.js";
import { EXIT, UsageError, intOption, parseCommandArgs, type Command } from "./command.js";

const usage = `Usage: clustersim run <scenario.json> [--seed N] [--set PATH=VALUE]... [--json]

Runs the scenario once with run seed N (default 1) and prints yearly output per park against the
targets, the target table, firm leads lost by reason and the fiscal cost of each lever.

Options:
  --seed N   run seed, a whole number 0..4294967295 (default 1)
  --set PATH=VALUE  put a JSON value at a JSON path, e.g. --set '$.dynamics.agglomerationElasticity=0.2' (repeatable)
  --json     print the full run result as one JSON document (metric series as arrays)
  -h, --help show this help
`;

/** The `run` command. */
export const runCommand: Command = {
  name: "run",
  summary: "run a scenario once and summarise it",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { seed: { type: "string" }, set: { type: "string", multiple: true }, json: { type: "boolean" } });
    if (positionals.length !== 1) throw new UsageError(`expected one scenario file, got ${positionals.length}`);
    const seed = intOption("seed", values.seed, 1);
    if (seed > 0xffffffff) throw new UsageError(`--seed must be at most 4294967295, got ${seed}`);
    const changes = (values.set ?? []).map(parseChange);
    const loaded = await loadScenarioWith(positionals[0], changes);
    const result = runScenario(loaded.scenario, seed);
    if (values.json) io.stdout(stringifyResult({ scenarioHash: loaded.hash, file: positionals[0], ...(changes.length ? { set: changes } : {}), ...result }));
    else io.stdout(formatRunSummary(result, io.color));
    return EXIT.ok;
  },
};
