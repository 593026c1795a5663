/**
 * `clustersim report <results-dir> [-o report.html]`: the planner's report of a batch or
 * comparison folder, or the report of an experiment folder (by its manifest's kind), one
 * self-contained HTML file that works offline.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isExperimentFolder } from "../batch/experiment/node/read-folder.js";
import { renderExperimentFolder } from "../report/node/render-experiment-folder.js";
import { renderReportFolder } from "../report/node/render-folder.js";
import { EXIT, UsageError, parseCommandArgs, type Command } from "./command.js";

const usage = `Usage: clustersim report <results-dir> [-o report.html]

Writes one self-contained HTML page (inline SVG charts and CSS, no scripts, nothing loaded from
the network) from a batch, comparison or experiment results folder. For an experiment: the
design, Sobol' or Morris index charts with intervals, the replication noise, main-effect plots,
heat maps of a grid and the PRIM boxes. For a batch: the provenance, each target's
probability with its interval, fan charts of each park's output against its target, leads lost
by reason, and for a comparison the changes against the baseline, their cost per probability
point and the ranking of the alternatives. Park names come from the scenario files named in
manifest.json when they are still there unchanged (same content hash).

Options:
  -o, --output FILE  where to write the page (default <results-dir>/report.html)
  -h, --help         show this help

Exit codes: 0 ok, 1 failure, 2 bad arguments or a folder the report cannot read (missing files,
not clustersim's, or a formatVersion other than this version's).
`;

/** The `report` command. */
export const reportCommand: Command = {
  name: "report",
  summary: "a self-contained HTML report of a batch, comparison or experiment results folder",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { output: { type: "string", short: "o" } });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "expected a results folder" : `expected one results folder, got ${positionals.length}`);
    const dir = positionals[0];
    const out = values.output ?? join(dir, "report.html");
    const report = isExperimentFolder(dir) ? await renderExperimentFolder(dir) : await renderReportFolder(dir);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, report.html);
    io.stderr(`report with ${report.charts} charts in ${out}\n`);
    return EXIT.ok;
  },
};
