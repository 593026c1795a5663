/**
 * Loading an experiment file from disk: the file (regular, size-limited, UTF-8, as scenario
 * files are read), `--set` changes on top, the schema, the scenario it names (relative to the
 * experiment file), an explicit design's CSV, then compileExperiment. Every problem is thrown
 * at once as a ScenarioError (exit 2), each with its file, line and JSON path.
 */
import type { ScenarioChange } from "../../../scenario/changes.js";
import { ScenarioError, type Problem } from "../../../scenario/errors.js";
import { FileTextError } from "../../../scenario/file-text.js";
import { loadScenario } from "../../../scenario/load.js";
import { resolveRelative } from "../../../scenario/paths.js";
import { readScenarioFile } from "../../../scenario/read-file.js";
import type { LoadedScenario } from "../../../scenario/resolve.js";
import { compileExperiment, type Experiment } from "../compile.js";
import { parseExperimentText, type ProblemAt } from "../parse.js";

/** Options of loadExperiment. */
export interface LoadExperimentOptions {
  /** `--set` changes of the experiment file */
  changes?: readonly ScenarioChange[];
  /** `--seed`: replaces the file's seed */
  seed?: number;
}

/** A file's text, or the problem that stops reading it (placed at `where` in the experiment file when given). */
function readText(file: string, what: string, at: ProblemAt | null, where: (string | number)[]): string | Problem {
  try {
    const text = readScenarioFile(file);
    if (text !== undefined) return text;
    return at ? at(where, `${what} ${file} not found`) : { file, jsonPath: "$", message: "file not found" };
  } catch (err) {
    if (err instanceof FileTextError) return { file, jsonPath: "$", line: err.line, column: err.column, message: err.message };
    return at ? at(where, `cannot read ${what} ${file}: ${(err as Error).message}`) : { file, jsonPath: "$", message: `cannot read the file: ${(err as Error).message}` };
  }
}

/** Loads and compiles the experiment in `file` (throws ScenarioError listing every problem). */
export async function loadExperiment(file: string, options: LoadExperimentOptions = {}): Promise<Experiment> {
  const text = readText(file, "the experiment file", null, []);
  if (typeof text !== "string") throw new ScenarioError([text]);
  const parsed = parseExperimentText(file, text, options.changes);
  if (parsed.problems.length > 0 || !parsed.data) throw new ScenarioError(parsed.problems);
  const { data, at } = parsed;
  let scenario: { file: string; loaded: LoadedScenario } | null = null;
  if (data.scenario !== undefined) {
    const scenarioFile = resolveRelative(file, data.scenario);
    const exists = readText(scenarioFile, "scenario file", at, ["scenario"]);
    if (typeof exists !== "string") throw new ScenarioError([exists]);
    try {
      scenario = { file: scenarioFile, loaded: await loadScenario(scenarioFile) };
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      throw new ScenarioError([at(["scenario"], `the scenario ${scenarioFile} is invalid (${err.problems.length} problem${err.problems.length === 1 ? "" : "s"} below)`), ...err.problems]);
    }
  }
  let points: { file: string; text: string } | null = null;
  if (data.design.method === "explicit") {
    const pointsFile = resolveRelative(file, data.design.file);
    const t = readText(pointsFile, "the design's points file", at, ["design", "file"]);
    if (typeof t !== "string") throw new ScenarioError([t]);
    points = { file: pointsFile, text: t };
  }
  return compileExperiment({ file, data, at, scenario, points, seed: options.seed, set: [...(options.changes ?? [])] });
}
