/**
 * Reading an experiment file's text: JSON syntax (line and column of the first error), duplicate
 * keys, `--set` changes put on top (as for scenarios), then the zod schema. Every problem names
 * the file, its JSON path and, when the file holds that path, its line and column (a path a
 * `--set` change put there is attributed to "--set"). Pure: runs in a browser too.
 */
import { CHANGES_FILE, applyChanges, type ScenarioChange } from "../../scenario/changes.js";
import { type Problem } from "../../scenario/errors.js";
import { formatJsonPath, isJsonObject, parseJsonPath } from "../../scenario/json-path.js";
import { scanJson, type JsonLayout } from "../../scenario/json-syntax.js";
import { stripComments, type MetaKeyProblem } from "../../scenario/meta-keys.js";
import { describeValue, issuesToProblems } from "../../scenario/zod-issues.js";
import { ExperimentSchema, type ExperimentFile } from "./schema.js";

/** Places problems of one experiment file: path segments to a Problem with file, line and column. */
export type ProblemAt = (path: readonly (string | number)[], message: string) => Problem;

/** A parsed experiment file: its data (null when invalid), the problems found and how to place more. */
export interface ParsedExperiment {
  data: ExperimentFile | null;
  /** the file's JSON with the changes applied and the comments removed, before the schema's defaults */
  raw: Record<string, unknown> | null;
  problems: Problem[];
  at: ProblemAt;
}

/** Whether `prefix` is a prefix of `path`. */
const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) => prefix.every((s, i) => path[i] === s);

/** The position of the longest prefix of `path` the file holds. */
function position(layout: JsonLayout | null, path: readonly (string | number)[]) {
  if (!layout) return {};
  for (let n = path.length; n >= 0; n--) {
    const pos = layout.locate(formatJsonPath(path.slice(0, n)));
    if (pos) return pos;
  }
  return {};
}

/** Parses an experiment file's text with `changes` applied and checks it against the schema. */
export function parseExperimentText(file: string, text: string, changes: readonly ScenarioChange[] = []): ParsedExperiment {
  const changed = changes.map((c) => parseJsonPath(c.path) ?? []);
  let layout: JsonLayout | null = null;
  const at: ProblemAt = (path, message) =>
    changed.some((c) => startsWith(path, c)) ? { file: CHANGES_FILE, jsonPath: formatJsonPath(path), message } : { file, jsonPath: formatJsonPath(path), ...position(layout, path), message };
  const fail = (problems: Problem[]): ParsedExperiment => ({ data: null, raw: null, problems, at });
  const scan = scanJson(text);
  if (!scan.ok) {
    const { line, column, message, path } = scan.error;
    return fail([{ file, jsonPath: path, line, column, message: `invalid JSON: ${message}` }]);
  }
  layout = scan.layout;
  const problems: Problem[] = scan.layout.duplicates.map((d) => ({ file, jsonPath: d.path, line: d.line, column: d.column, message: `duplicate key ${JSON.stringify(d.key)} (only the last one would count; remove the other)` }));
  const json: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!isJsonObject(json)) return fail([{ file, jsonPath: "$", line: 1, column: 1, message: `expected a JSON object at the top level (found ${describeValue(json)})` }]);
  let raw: Record<string, unknown>;
  try {
    raw = applyChanges(json, changes);
  } catch (err) {
    return fail([...problems, { file: CHANGES_FILE, jsonPath: "$", message: (err as Error).message }]);
  }
  const meta: MetaKeyProblem[] = [];
  raw = stripComments(raw, meta) as Record<string, unknown>;
  for (const m of meta) problems.push(at(parseJsonPath(m.jsonPath) ?? [], m.message));
  const parsed = ExperimentSchema.safeParse(raw);
  if (!parsed.success) for (const p of issuesToProblems(parsed.error.issues, ExperimentSchema, raw)) problems.push(at(p.path, p.message));
  return { data: problems.length === 0 && parsed.success ? parsed.data : null, raw, problems, at };
}

/** Whether a parsed JSON document is meant as an experiment file (it has a "design", or its "$schema" is the experiment schema); scenarios have neither. */
export function looksLikeExperiment(json: unknown): boolean {
  if (!isJsonObject(json)) return false;
  return Object.hasOwn(json, "design") || (typeof json.$schema === "string" && /experiment\.schema\.json$/.test(json.$schema));
}
