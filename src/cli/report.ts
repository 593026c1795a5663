/**
 * `clustersim report <results-dir> [-o report.html]`: the planner's report of a batch or
 * comparison folder, or the report of an experiment folder (by its manifest's kind), one
 * self-contained HTML file that works offline.
 */
import { lstatSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isExperimentFolder } from "../batch/experiment/node/read-folder.js";
import { renderExperimentFolder } from "../report/node/render-experiment-folder.js";
import { renderReportFolder } from "../report/node/render-folder.js";
import { fileKind } from "../batch/node/regular-file.js";
import { EXIT, InputError, UsageError, parseCommandArgs, type Command } from "./command.js";

/** Refuses an -o that exists and is not a regular file (a folder, a FIFO, a device, a symlink). */
function checkOutput(out: string): void {
  let st;
  try {
    st = lstatSync(out);
  } catch {
    return;
  }
  if (!st.isFile()) throw new InputError(`-o (--output) ${out}: it is ${fileKind(st)}, not a file the report can replace`);
}

const usage = `Usage: clustersim report <results-dir> [-o report.html]

Writes one self-contained HTML page (inline SVG charts and CSS, no scripts, nothing loaded from
the network) from a batch, comparison or experiment results folder. For an experiment: the
design, Sobol' or Morris index charts with intervals, the replication noise, main-effect plots,
heat maps of a grid and the PRIM boxes. For a batch: the provenance, each target's
probability with its interval, fan charts of each park's output against its target, leads lost
by reason, and for a comparison the changes against the baseline, their cost per probability
point and the ranking of the alternatives. Every file the folder's manifest.json lists must
match the size and SHA-256 it records; park names come from the resolved scenarios stored in
the folder (scenarios/<name>.json), so the page depends on the folder alone.

Options:
  -o, --output FILE  where to write the page (default <results-dir>/report.html)
  -h, --help         show this help

Exit codes: 0 ok, 1 failure, 2 bad arguments or a folder the report cannot read (unfinished: no
manifest.json; a file that does not match it; not clustersim's; a formatVersion other than this
version's; a FIFO, device or symlink where a result file belongs).
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
    checkOutput(out);
    const report = isExperimentFolder(dir) ? await renderExperimentFolder(dir) : await renderReportFolder(dir);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.tmp`, report.html);
    renameSync(`${out}.tmp`, out);
    io.stderr(`report with ${report.charts} charts in ${out}\n`);
    return EXIT.ok;
  },
};
