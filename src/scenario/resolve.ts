/**
 * Resolving a scenario without touching the file system: read the extends chain through a
 * `readText` callback, merge it (JSON Merge Patch, distributions replace whole), strip the meta
 * keys, validate with the schema and attribute every problem to the file that defines its path.
 */
import { readChain, type ChainFile, type ReadText, type ResolvePath } from "./chain.js";
import { ScenarioError, type Problem } from "./errors.js";
import { scenarioHash } from "./hash.js";
import { formatJsonPath, isJsonObject } from "./json-path.js";
import { mergePatch } from "./merge-patch.js";
import { stripComments, stripTopLevel, type MetaKeyProblem } from "./meta-keys.js";
import { resolveRelative } from "./paths.js";
import { ScenarioSchema, type Scenario } from "./schema.js";
import { issuesToProblems } from "./zod-issues.js";

/** A validated scenario and where it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  /** the extends chain, leaf first */
  files: string[];
  /** SHA-256 hex of the canonical JSON of `raw` */
  hash: string;
  /** the merged scenario as JSON, without "$schema", "$comment" and "extends" (before zod defaults) */
  raw: Record<string, unknown>;
}

/** How to resolve base files named in `extends` (default: pure forward-slash paths). */
export interface ResolveOptions {
  resolvePath?: ResolvePath;
}

/** Length of the longest prefix of `path` that exists in `json` (a null value counts). */
function existingPrefix(json: unknown, path: readonly (string | number)[]): number {
  let cur: unknown = json;
  for (let n = 0; n < path.length; n++) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, path[n])) return n;
    cur = (cur as Record<PropertyKey, unknown>)[path[n]];
  }
  return path.length;
}

/** The file (leaf first on ties) whose own JSON holds the longest prefix of `path`, with its position. */
function attribute(chain: ChainFile[], path: (string | number)[], message: string): Problem {
  let best = chain[0];
  let bestLen = -1;
  for (const c of chain) {
    const n = existingPrefix(c.json, path);
    if (n > bestLen) [best, bestLen] = [c, n];
  }
  const pos = best.layout.locate(formatJsonPath(path.slice(0, Math.max(bestLen, 0))));
  return { file: best.file, jsonPath: formatJsonPath(path), ...pos, message };
}

/** Orders problems by file (leaf first), then position. */
function sortProblems(problems: Problem[], files: string[]): Problem[] {
  const rank = (p: Problem) => {
    const i = files.indexOf(p.file);
    return i < 0 ? files.length : i;
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

/** Merges a chain (leaf first) into one JSON object without meta keys, collecting meta-key problems. */
function mergeChain(chain: ChainFile[], problems: Problem[]): Record<string, unknown> {
  let merged: unknown = {};
  for (const c of [...chain].reverse()) {
    const meta: MetaKeyProblem[] = [];
    const own = stripComments(stripTopLevel(c.json, meta), meta);
    for (const m of meta) problems.push({ file: c.file, ...c.layout.locate(m.jsonPath), ...m });
    merged = mergePatch(merged, own);
  }
  return isJsonObject(merged) ? merged : {};
}

/**
 * Resolves and validates the scenario in `file`, reading files through `readText`.
 * Throws a ScenarioError listing every problem found.
 */
export function resolveScenario(file: string, readText: ReadText, options: ResolveOptions = {}): LoadedScenario {
  const { chain, problems, complete } = readChain(file, readText, options.resolvePath ?? resolveRelative);
  const files = chain.map((c) => c.file);
  if (!complete) throw new ScenarioError(sortProblems(problems, files));
  const raw = mergeChain(chain, problems);
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success)
    for (const p of issuesToProblems(parsed.error.issues, ScenarioSchema, raw)) problems.push(attribute(chain, p.path, p.message));
  if (problems.length > 0 || !parsed.success) throw new ScenarioError(sortProblems(problems, files));
  return { scenario: parsed.data, files, hash: scenarioHash(raw), raw };
}
