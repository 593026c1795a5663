/**
 * A design point's scenario: the base scenario with each factor's value applied at its JSON
 * paths (`set` puts the number there, `scale` multiplies every number under the path, `shift`
 * adds to every number under it: every year of a schedule, every park of a per-park schedule;
 * a count set from a design is rounded, as the model rounds a drawn count),
 * copied only along the changed paths, then validated with the scenario schema like a file.
 * Pure and browser-safe: the worker side of an experiment runs it once per point.
 */
import { formatJsonPath, isJsonObject } from "../../scenario/json-path.js";
import { parameterRange } from "../../scenario/parameter-range.js";
import { ScenarioSchema, type Scenario } from "../../scenario/schema.js";
import { issuesToProblems, type PathProblem } from "../../scenario/zod-issues.js";
import type { ApplyMode, FactorApplication } from "./spec.js";

/** A value that is a distribution (an object with a "dist" key). */
const isDistribution = (v: unknown): boolean => isJsonObject(v) && typeof v.dist === "string";

/** `node` with every number under it passed through `f`; a distribution or a non-numeric leaf throws, naming its path. */
function mapNumbers(node: unknown, f: (x: number) => number, path: (string | number)[]): unknown {
  if (typeof node === "number") return f(node);
  if (isDistribution(node)) throw new Error(`${formatJsonPath(path)} is a distribution: scale and shift move plain numbers only`);
  if (Array.isArray(node)) return node.map((v, i) => mapNumbers(v, f, [...path, i]));
  if (isJsonObject(node)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = mapNumbers(v, f, [...path, k]);
    return out;
  }
  throw new Error(`${formatJsonPath(path)} holds ${node === null ? "null" : typeof node}, not a number`);
}

/** The new value at a path: the factor's number (set), or the old value scaled or shifted. */
export function appliedValue(old: unknown, mode: ApplyMode, value: number, path: (string | number)[]): unknown {
  if (mode === "set") {
    if (typeof old !== "number" && !isDistribution(old)) throw new Error(`${formatJsonPath(path)} holds no number or distribution to set`);
    // a count (a whole-number parameter) is rounded, as the model rounds a count drawn from a distribution
    return parameterRange(path)?.int ? Math.round(value) : value;
  }
  return mapNumbers(old, mode === "scale" ? (x) => x * value : (x) => x + value, path);
}

/** `root` with the value at `path` replaced by f(old value), copying only the containers along the path. */
function updateAt(root: unknown, path: readonly (string | number)[], at: number, f: (old: unknown) => unknown): unknown {
  if (at === path.length) return f(root);
  const seg = path[at];
  if (Array.isArray(root) && typeof seg === "number" && seg < root.length) {
    const copy = root.slice();
    copy[seg] = updateAt(root[seg], path, at + 1, f);
    return copy;
  }
  if (isJsonObject(root) && typeof seg === "string" && Object.hasOwn(root, seg)) return { ...root, [seg]: updateAt(root[seg], path, at + 1, f) };
  throw new Error(`${formatJsonPath(path.slice(0, at + 1))} does not exist in the scenario`);
}

/** The scenario JSON with each factor's value (values[j] for factor j) applied at its paths, in factor order. */
export function applyFactorValues(base: unknown, factors: readonly FactorApplication[], values: readonly number[]): unknown {
  let out = base;
  factors.forEach((factor, j) => {
    for (const path of factor.paths) out = updateAt(out, path, 0, (old) => appliedValue(old, factor.apply, values[j], path));
  });
  return out;
}

/** A point's scenario, or the problems that make it invalid (paths and messages, as for a file). */
export type PointScenario = { ok: true; scenario: Scenario } | { ok: false; problems: PathProblem[] };

/** Builds and validates the scenario of a design point (the scenario schema's checks, cross-references included). */
export function pointScenario(base: Scenario, factors: readonly FactorApplication[], values: readonly number[]): PointScenario {
  const candidate = applyFactorValues(base, factors, values);
  const parsed = ScenarioSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return { ok: false, problems: issuesToProblems(parsed.error.issues, ScenarioSchema, candidate) };
}

/** Problems as one line: "$.a.b: expected ...; $.c: ..." (at most three, then a count). */
export function problemsText(problems: readonly PathProblem[]): string {
  const listed = problems.slice(0, 3).map((p) => `${formatJsonPath(p.path)}: ${p.message}`);
  const more = problems.length - listed.length;
  return listed.join("; ") + (more > 0 ? `; and ${more} more` : "");
}
