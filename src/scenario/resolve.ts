/**
 * Resolving a scenario without touching the file system: read the extends chain through a
 * `readText` callback, merge it (JSON Merge Patch, distributions replace whole), strip the meta
 * keys, validate with the schema and attribute every problem to the file that defines its path.
 */
import { readChain, type ChainFile, type ReadText, type ResolvePath } from "./chain.js";
import { ScenarioError, type Problem } from "./errors.js";
import { scenarioHash } from "./hash.js";
import { formatJsonPath, isJsonObject } from "./json-path.js";
import type { WorkMeter } from "./json-syntax.js";
import { isDistribution, mergePatchInPlace } from "./merge-patch.js";
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
  /** counts the work done (characters scanned, files, keys merged, path steps), for tests of scaling */
  meter?: WorkMeter;
}

/** Problems listed at most; the rest are counted in one last problem (a longer list helps nobody). */
export const MAX_PROBLEMS = 200;

/**
 * How far `path` reaches into `json`: the length of its longest existing prefix (a null value
 * counts), and the depth of the first value on the path that replaces a base's value whole (not a
 * plain object, or a distribution), Infinity when there is none.
 */
function reach(json: unknown, path: readonly (string | number)[], meter: WorkMeter): { length: number; replaces: number } {
  let cur: unknown = json;
  let replaces = Infinity;
  for (let n = 0; n < path.length; n++) {
    meter.units++;
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, path[n])) return { length: n, replaces };
    cur = (cur as Record<PropertyKey, unknown>)[path[n]];
    if (replaces === Infinity && (!isJsonObject(cur) || isDistribution(cur))) replaces = n + 1;
  }
  return { length: path.length, replaces };
}

/**
 * The file (leaf first on ties) whose own JSON holds the longest prefix of `path`, with its
 * position. Below a value that replaces the base's whole (a distribution, an array, a number),
 * the files it is laid over do not count: their keys there are gone from the merged scenario.
 */
function attribute(chain: ChainFile[], path: (string | number)[], message: string, meter: WorkMeter): Problem {
  let best = chain[0];
  let bestLen = -1;
  let cap = path.length;
  for (const c of chain) {
    const { length, replaces } = reach(c.json, path, meter);
    const n = Math.min(length, cap);
    if (n > bestLen) [best, bestLen] = [c, n];
    cap = Math.min(cap, replaces);
  }
  const pos = best.layout.locate(formatJsonPath(path.slice(0, Math.max(bestLen, 0))));
  return { file: best.file, jsonPath: formatJsonPath(path), ...pos, message };
}

/**
 * Orders problems by file (leaf first), then position, keeping at most MAX_PROBLEMS of them
 * (`uncounted` more are known to exist) and a last problem that counts the rest.
 */
function sortProblems(problems: Problem[], files: string[], uncounted = 0): Problem[] {
  const ranks = new Map<string, number>();
  files.forEach((f, i) => ranks.has(f) || ranks.set(f, i));
  const rank = (p: Problem) => ranks.get(p.file) ?? files.length;
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map((x) => x.p);
  const more = sorted.length - MAX_PROBLEMS + uncounted;
  if (more <= 0) return sorted;
  const listed = sorted.slice(0, MAX_PROBLEMS);
  return [...listed, { file: files[0], jsonPath: "$", message: `and ${more} more problems (only the first ${MAX_PROBLEMS} are listed)` }];
}

/**
 * Merges a chain (leaf first) into one JSON object without meta keys, collecting meta-key
 * problems. The merged object is built in place: each file costs its own size, not the size of
 * everything merged before it.
 */
function mergeChain(chain: ChainFile[], problems: Problem[], meter: WorkMeter): Record<string, unknown> {
  let merged: unknown = {};
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i];
    const meta: MetaKeyProblem[] = [];
    const own = stripComments(stripTopLevel(c.json, meta), meta);
    for (const m of meta) problems.push({ file: c.file, ...c.layout.locate(m.jsonPath), ...m });
    merged = mergePatchInPlace(merged, own, meter);
  }
  return isJsonObject(merged) ? merged : {};
}

/**
 * Resolves and validates the scenario in `file`, reading files through `readText`.
 * Throws a ScenarioError listing every problem found.
 */
export function resolveScenario(file: string, readText: ReadText, options: ResolveOptions = {}): LoadedScenario {
  const meter = options.meter ?? { units: 0 };
  const { chain, problems, complete } = readChain(file, readText, options.resolvePath ?? resolveRelative, meter);
  const files = chain.map((c) => c.file);
  if (!complete) throw new ScenarioError(sortProblems(problems, files.length > 0 ? files : [file]));
  const raw = mergeChain(chain, problems, meter);
  const parsed = ScenarioSchema.safeParse(raw);
  let uncounted = 0;
  if (!parsed.success) {
    // attributing a problem looks at every file of the chain: only the ones that will be listed
    const found = issuesToProblems(parsed.error.issues, ScenarioSchema, raw);
    for (const p of found.slice(0, MAX_PROBLEMS)) problems.push(attribute(chain, p.path, p.message, meter));
    uncounted = Math.max(0, found.length - MAX_PROBLEMS);
  }
  if (problems.length > 0 || !parsed.success) throw new ScenarioError(sortProblems(problems, files, uncounted));
  return { scenario: parsed.data, files, hash: scenarioHash(raw), raw };
}
