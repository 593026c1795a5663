/**
 * `clustersim validate <files...> [--json]`: checks scenario and experiment files and reports
 * every problem. A JSON Schema file among them (scenarios/scenario.schema.json, which a shell
 * glob picks up) is skipped with a note, so `clustersim validate scenarios/*.json` checks the
 * shipped folder. An experiment file (it has a "design") is checked with its scenario.
 */
import { loadScenario } from "../scenario/load.js";
import { looksLikeExperiment } from "../batch/experiment/parse.js";
import { loadExperiment } from "../batch/experiment/node/load.js";
import { ScenarioError, type Problem } from "../scenario/errors.js";
import { readScenarioFile } from "../scenario/read-file.js";
import { problemLine } from "../report/terminal-text.js";
import { EXIT, UsageError, parseCommandArgs, type CliIO, type Command } from "./command.js";

const usage = `Usage: clustersim validate <scenario.json | experiment.json>... [--json]

Loads each scenario file (following "extends" to its base files), checks it against the
scenario schema and the cross-references between its sections, and reports every problem. An
experiment file (one with a "design") is checked against the experiment schema, with its
scenario, factor paths, outcomes and design (docs/experiments.md).

Problems go to stderr, one line each (control characters and line breaks escaped, as in every
error): file:line:column: $.json.path: what was expected.
stdout gets one result line per file ("ok" with the scenario hash, or the problem count). A JSON
Schema file (its "$schema" names a json-schema.org meta-schema) is not a scenario: it is skipped
with a note ("skip").

Options:
  --json      print one JSON document instead: {"files": [{"file", "ok", "hash"?, "skipped"?, "experiment"?, "problems"}]}
  -h, --help  show this help

Exit status: 0 when every file is valid, 2 when any file is invalid or missing.
`;

/** One file's outcome. */
interface FileResult {
  file: string;
  ok: boolean;
  hash?: string;
  /** why the file was not checked as a scenario */
  skipped?: string;
  /** an experiment file: its design and runs */
  experiment?: string;
  problems: Problem[];
}

/** What kind of file it is: a JSON Schema document (its top-level "$schema" names a json-schema.org meta-schema), an experiment file, or (else) a scenario. */
async function kindOf(file: string): Promise<"schema" | "experiment" | "scenario"> {
  try {
    const text = readScenarioFile(file); // a regular file within the size limit (a FIFO is refused, not waited on)
    if (text === undefined) return "scenario";
    const data: unknown = JSON.parse(text);
    const meta = data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>).$schema : undefined;
    if (typeof meta === "string" && /^https?:\/\/json-schema\.org\//.test(meta)) return "schema";
    return looksLikeExperiment(data) ? "experiment" : "scenario";
  } catch {
    return "scenario"; // unreadable or not JSON: the scenario loader reports it
  }
}

/** Loads one file, turning a ScenarioError into its problems (other errors propagate); skips a JSON Schema; checks an experiment file with its scenario. */
async function check(file: string): Promise<FileResult> {
  const kind = await kindOf(file);
  if (kind === "schema") return { file, ok: true, skipped: "a JSON Schema, not a scenario", problems: [] };
  try {
    if (kind === "experiment") {
      const ex = await loadExperiment(file);
      const runs = ex.design.points.length * ex.replications;
      return { file, ok: true, hash: ex.hash, experiment: `${ex.design.method} design, ${ex.design.points.length} points x ${ex.replications} replications = ${runs} runs`, problems: [] };
    }
    const loaded = await loadScenario(file);
    return { file, ok: true, hash: loaded.hash, problems: [] };
  } catch (err) {
    if (err instanceof ScenarioError) return { file, ok: false, problems: [...err.problems] };
    throw err;
  }
}

const paint = (io: CliIO, code: number, text: string) => (io.color ? `\x1b[${code}m${text}\x1b[0m` : text);

/** The human-readable result line of one file. */
function resultLine(r: FileResult, io: CliIO): string {
  if (r.skipped) return `${paint(io, 33, "skip")}  ${r.file}  ${r.skipped}`;
  if (r.ok && r.experiment) return `${paint(io, 32, "ok")}    ${r.file}  experiment: ${r.experiment}`;
  if (r.ok) return `${paint(io, 32, "ok")}    ${r.file}  sha256:${r.hash!.slice(0, 12)}…`;
  const n = r.problems.length;
  return `${paint(io, 31, "FAIL")}  ${r.file}  ${n} problem${n === 1 ? "" : "s"}`;
}

/** The `validate` command. */
export const validateCommand: Command = {
  name: "validate",
  summary: "check scenario and experiment files and report every problem",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: "boolean" } });
    if (values.help) {
      io.stdout(usage);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError("expected at least one scenario file");
    const results: FileResult[] = [];
    for (const file of positionals) {
      const r = await check(file);
      results.push(r);
      for (const p of r.problems) io.stderr(`${problemLine(p)}\n`);
      if (!values.json) io.stdout(`${resultLine(r, io)}\n`);
    }
    if (values.json) io.stdout(`${JSON.stringify({ files: results }, null, 2)}\n`);
    return results.every((r) => r.ok) ? EXIT.ok : EXIT.usage;
  },
};
