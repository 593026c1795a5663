/**
 * `clustersim compare <baseline.json> <alternative.json...> [batch options]`: every scenario on the
 * same seeds, then each alternative against the baseline, paired run by run.
 */
import { formatComparison } from "../report/comparison-summary.js";
import { toPlainJson } from "../batch/files/json.js";
import { EXIT, UsageError, parseCommandArgs, type Command } from "./command.js";
import { batchOptions, executeBatch, interruptedExit, prepareBatch } from "./batch.js";
import { LIMITS_HELP } from "./batch-options.js";

const usage = `Usage: clustersim compare <baseline.json> <alternative.json...> --runs N [--seed S | --seeds FILE] [--set PATH=VALUE]... [--series] [--workers auto|K] [--force-workers] [--run-time-limit S] [--queue URL] [--out DIR] [--resume] [--quiet] [--json]

Runs the baseline and every alternative on the same seed list (common random numbers: run i of
each scenario draws the same numbers), then writes, besides the batch files, comparison.json and
comparison.csv: per alternative, the change in each target's probability (Newcombe's paired
interval), alternative-minus-baseline output by park and industry and year (paired t-intervals),
the change in fiscal cost, the probability change per 亿元 of added cost, and the variance
reduction the pairing bought. The terminal table ranks the alternatives for each target.

Options: as for \`clustersim batch\` (a --set change applies to every scenario); the default folder
is results/compare-<K>-scenarios-s<S>-n<N>.

${LIMITS_HELP}
Exit codes: as for \`clustersim batch\`: 0 ok, 1 some runs failed or the batch could not go on, 2 bad
arguments or input, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
`;

/** The `compare` command. */
export const compareCommand: Command = {
  name: "compare",
  summary: "paired comparison of policy levers against a baseline",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, batchOptions);
    if (positionals.length < 2) throw new UsageError(`expected a baseline and at least one alternative, got ${positionals.length} scenario(s)`);
    const { plan, workers, out: folder, notes, queue } = await prepareBatch(positionals, values, `compare-${positionals.length}-scenarios`);
    for (const note of notes) io.stderr(`${note}\n`);
    const files = await executeBatch(plan, workers, folder, values.resume === true, io, values.quiet === true, "comparison", values.series === true, queue);
    if (files === null) return interruptedExit();
    const { summary, comparison } = files;
    if (comparison === null) throw new Error("a comparison folder without a comparison");
    io.stdout(values.json ? `${JSON.stringify(toPlainJson({ out: folder, comparison }), null, 2)}\n` : formatComparison(comparison, io.color));
    if (!values.json) io.stderr(`results in ${folder}\n`);
    return summary.scenarios.some((s) => s.failed > 0) ? EXIT.failure : EXIT.ok;
  },
};
