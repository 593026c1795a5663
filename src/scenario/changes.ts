/**
 * Quick changes without a file: `--set '$.json.path=value'` (repeatable) puts a JSON value at a
 * path of the resolved scenario (null removes the key, as in an overlay), and the result is
 * validated like a file: the changed scenario is resolved as one more file, "--set", on top of
 * the loaded one, so every problem names its JSON path, and the scenario hash covers the change.
 */
import { InputError } from "./input-error.js";
import { ScenarioError } from "./errors.js";
import { formatJsonPath, isJsonObject, jsonPathProblem, parseJsonPath } from "./json-path.js";
import { setOwn } from "./merge-patch.js";
import { resolveScenario, type LoadedScenario } from "./resolve.js";

/** One change: a JSON path in the written form and the JSON value put there. */
export interface ScenarioChange {
  path: string;
  value: unknown;
}

/** The name problems of changed scenarios carry instead of a file name. */
export const CHANGES_FILE = "--set";

/** Parses one `--set` argument, `$.path=value` with the value in JSON; throws an InputError saying how to write it. */
export function parseChange(text: string): ScenarioChange {
  for (let i = text.indexOf("="); i >= 0; i = text.indexOf("=", i + 1)) {
    const path = text.slice(0, i);
    if (parseJsonPath(path) === null) continue;
    const json = text.slice(i + 1);
    try {
      return { path, value: JSON.parse(json) };
    } catch {
      throw new InputError(`--set ${text}: the value ${JSON.stringify(json)} is not JSON (a string needs quotes: --set '${path}="${json}"')`);
    }
  }
  const path = text.includes("=") ? text.slice(0, text.indexOf("=")) : text;
  const why = text.includes("=") ? jsonPathProblem(path) : "expected $.json.path=value";
  throw new InputError(`--set ${text}: ${why ?? "expected $.json.path=value"}`);
}

/** Puts `value` at `segments` inside `root` (a copy along the path; objects made where missing; null removes a key). */
function putAt(root: unknown, segments: readonly (string | number)[], value: unknown, where: string): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (typeof head === "number") {
    if (!Array.isArray(root)) throw new InputError(`${CHANGES_FILE} ${where}: there is no array to index here`);
    if (head > root.length) throw new InputError(`${CHANGES_FILE} ${where}: index ${head} is beyond the array's ${root.length} items`);
    const copy = [...root];
    copy[head] = putAt(root[head], rest, value, where);
    return copy;
  }
  const base = isJsonObject(root) ? root : {};
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) setOwn(copy, k, v);
  if (rest.length === 0 && value === null) delete copy[head];
  else setOwn(copy, head, putAt(Object.hasOwn(base, head) ? base[head] : undefined, rest, value, where));
  return copy;
}

/** The merged scenario JSON with the changes applied in order. */
export function applyChanges(raw: Record<string, unknown>, changes: readonly ScenarioChange[]): Record<string, unknown> {
  let out: unknown = raw;
  for (const c of changes) {
    const segments = parseJsonPath(c.path);
    if (segments === null) throw new InputError(`${CHANGES_FILE} ${c.path}: ${jsonPathProblem(c.path)}`);
    out = putAt(out, segments, c.value, formatJsonPath(segments));
  }
  return out as Record<string, unknown>;
}

/**
 * The loaded scenario with `changes` applied, validated like a file; problems name "--set" and
 * the JSON path (no line: the changes have no file). No changes: the scenario as loaded.
 */
export function withChanges(loaded: LoadedScenario, changes: readonly ScenarioChange[]): LoadedScenario {
  if (changes.length === 0) return loaded;
  const text = JSON.stringify(applyChanges(loaded.raw, changes));
  try {
    const changed = resolveScenario(CHANGES_FILE, (f) => (f === CHANGES_FILE ? text : undefined));
    return { ...changed, files: [CHANGES_FILE, ...loaded.files] };
  } catch (err) {
    if (err instanceof ScenarioError) throw new ScenarioError(err.problems.map(({ line: _l, column: _c, ...p }) => p));
    throw err;
  }
}
