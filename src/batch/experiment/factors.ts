/**
 * An experiment's factors resolved against its model: for a scenario, each JSON path checked
 * (it must exist; `set` needs a number or a distribution, `scale` and `shift` plain numbers:
 * a number, a schedule, a per-park schedule), "uncertain" expanded into one factor per uncertain
 * parameter, and distribution "scenario" turned into the distribution a run draws the path from
 * (for a calibrated parameter, the posterior's marginal: its draws as an empirical
 * distribution). For a test function, its inputs x1..xk.
 */
import type { Factor } from "../../analysis/experiments/index.js";
import type { DistributionSpec } from "../../random/distribution.js";
import { isDistributionSpec } from "../../random/distribution.js";
import { distributionPaths, POSTERIOR_ROW_PATH } from "../../model/draw.js";
import { closestKey } from "../../scenario/did-you-mean.js";
import type { Problem } from "../../scenario/errors.js";
import { formatJsonPath, isJsonObject, jsonPathProblem, parseJsonPath, valueAt } from "../../scenario/json-path.js";
import type { Scenario } from "../../scenario/schema.js";
import type { ProblemAt } from "./parse.js";
import { ColumnName, type FactorEntry } from "./schema.js";
import type { ApplyMode, TestFunctionModel } from "./spec.js";
import { testFunctionFactors } from "./test-models.js";

/** A resolved factor: its design column, the paths it moves and how, its domain. */
export interface ResolvedFactor {
  name: string;
  /** JSON paths in the written form (empty for a test function's input) */
  paths: string[];
  segments: (string | number)[][];
  apply: ApplyMode;
  /** the domain the design samples (name, and range, levels or distribution) */
  domain: Factor;
  /** how the domain was given: "range", "levels", "distribution", "scenario" or "posterior" (a calibrated parameter's marginal) */
  source: "range" | "levels" | "distribution" | "scenario" | "posterior";
  /** the index of the file's factor entry it comes from (an "uncertain" entry makes several) */
  entry: number;
}

/** A factor's design column from a JSON path: $.industries["health-management"].marketTrend -> industries.health-management.marketTrend. */
export function pathName(segments: readonly (string | number)[]): string {
  return segments.join(".");
}

/** The first leaf under `v` that is not a plain number (a distribution or a non-number), with its path, or null. */
function nonNumberLeaf(v: unknown, path: (string | number)[]): { path: (string | number)[]; what: string } | null {
  if (typeof v === "number") return null;
  if (isDistributionSpec(v)) return { path, what: "a distribution" };
  if (Array.isArray(v) || isJsonObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      const bad = nonNumberLeaf(x, [...path, Array.isArray(v) ? Number(k) : k]);
      if (bad) return bad;
    }
    return Object.keys(v).length === 0 ? { path, what: "nothing (an empty object)" } : null;
  }
  return { path, what: v === null ? "null" : typeof v === "string" ? "a string" : `a ${typeof v}` };
}

/** The distribution a run of the scenario draws `path` from: the posterior marginal of a calibrated parameter, else the distribution written there. */
function scenarioDistribution(scenario: Scenario, path: string, segments: (string | number)[]): { spec: DistributionSpec; source: "scenario" | "posterior" } | null {
  const post = scenario.posterior;
  const i = post ? post.parameters.indexOf(path) : -1;
  const value = valueAt(scenario, segments);
  if (post && i >= 0 && isDistributionSpec(value)) return { spec: { dist: "choice", values: post.draws.map((row) => row[i]).sort((a, b) => a - b) }, source: "posterior" };
  return isDistributionSpec(value) ? { spec: value as DistributionSpec, source: "scenario" } : null;
}

/** The uncertain parameters of a scenario: every distribution (drawScenario's order), or the calibrated ones. */
function uncertainPaths(scenario: Scenario, which: "all" | "posterior"): string[] {
  const posterior = scenario.posterior?.parameters ?? [];
  if (which === "posterior") return [...posterior];
  return distributionPaths(scenario).filter((p) => p !== POSTERIOR_ROW_PATH);
}

/** Why `segments` is not in the scenario, with the closest key at the first missing step. */
function missingPath(scenario: Scenario, segments: readonly (string | number)[]): string {
  for (let n = 0; n < segments.length; n++) {
    const parent = valueAt(scenario, segments.slice(0, n));
    if (valueAt(scenario, segments.slice(0, n + 1)) !== undefined) continue;
    const keys = isJsonObject(parent) ? Object.keys(parent) : [];
    const guess = typeof segments[n] === "string" ? closestKey(segments[n] as string, keys) : undefined;
    return `${formatJsonPath(segments.slice(0, n + 1))} is not in the scenario${guess ? `; did you mean ${formatJsonPath([...segments.slice(0, n), guess])}?` : ""}`;
  }
  return `${formatJsonPath(segments)} is not in the scenario`;
}

/** Resolves one path of a factor entry; pushes problems and returns the segments, or null. */
function resolvePath(scenario: Scenario, entry: FactorEntry, path: string, where: (string | number)[], at: ProblemAt, problems: Problem[]): (string | number)[] | null {
  const segments = parseJsonPath(path);
  if (segments === null) return void problems.push(at(where, jsonPathProblem(path) ?? "not a JSON path")), null;
  const value = valueAt(scenario, segments);
  const apply = entry.apply ?? "set";
  let why: string | null = null;
  if (value === undefined) why = missingPath(scenario, segments);
  else if (entry.distribution === "scenario" && !isDistributionSpec(value)) why = `${path} holds ${typeof value === "number" ? `the fixed number ${value}` : "no distribution"}: distribution "scenario" needs a parameter the scenario draws (give a range or a distribution)`;
  else if (apply === "set" && typeof value !== "number" && !isDistributionSpec(value))
    why = `${path} holds ${isJsonObject(value) ? "an object (a schedule?)" : Array.isArray(value) ? "an array" : `a ${typeof value}`}, not a number: "set" puts a number there (use apply "scale" or "shift" to move every year of a schedule)`;
  else if (apply !== "set") {
    const bad = nonNumberLeaf(value, segments);
    if (bad) why = `${formatJsonPath(bad.path)} is ${bad.what}: "${apply}" moves plain numbers only (a number, a schedule, a per-park schedule)`;
  }
  if (why) return void problems.push(at(where, why)), null;
  return segments;
}

/** Resolves the factors of a scenario experiment (problems pushed, each at its factor in the file). */
export function scenarioFactors(scenario: Scenario, entries: readonly FactorEntry[], at: ProblemAt, problems: Problem[]): ResolvedFactor[] {
  const out: ResolvedFactor[] = [];
  entries.forEach((entry, i) => {
    const here = ["factors", i];
    if (entry.uncertain !== undefined) {
      const paths = uncertainPaths(scenario, entry.uncertain);
      if (paths.length === 0) problems.push(at([...here, "uncertain"], entry.uncertain === "posterior" ? "the scenario has no posterior (no calibrated parameters)" : "the scenario has no uncertain parameters"));
      (entry.exclude ?? []).forEach((p, j) => paths.includes(p) || problems.push(at([...here, "exclude", j], `${p} is not one of the uncertain parameters "${entry.uncertain}" stands for`)));
      for (const path of paths.filter((p) => !(entry.exclude ?? []).includes(p))) {
        const segments = parseJsonPath(path)!;
        const d = scenarioDistribution(scenario, path, segments);
        if (!d) continue; // a posterior parameter fixed to a number by an overlay: not uncertain here
        const name = pathName(segments);
        out.push({ name, paths: [path], segments: [segments], apply: "set", domain: { name, distribution: d.spec }, source: d.source, entry: i });
      }
      return;
    }
    const paths = typeof entry.path === "string" ? [entry.path] : entry.path;
    if (paths === undefined) return void problems.push(at(here, 'a factor of a scenario experiment needs "path" (a JSON path of the scenario) or "uncertain"'));
    const segments = paths.map((p, j) => resolvePath(scenario, entry, p, typeof entry.path === "string" ? [...here, "path"] : [...here, "path", j], at, problems));
    if (segments.some((s) => s === null)) return;
    const segs = segments as (string | number)[][];
    const name = entry.name ?? pathName(segs[0]);
    if (entry.name === undefined && !ColumnName.safeParse(name).success) return void problems.push(at(here, `its path makes no usable column name ("${name}"): give the factor a "name"`));
    let domain: Factor;
    let source: ResolvedFactor["source"];
    if (entry.range) [domain, source] = [{ name, range: entry.range }, "range"];
    else if (entry.levels) [domain, source] = [{ name, levels: entry.levels }, "levels"];
    else if (entry.distribution === "scenario") {
      const d = scenarioDistribution(scenario, paths[0], segs[0])!;
      [domain, source] = [{ name, distribution: d.spec }, d.source];
    } else [domain, source] = [{ name, distribution: entry.distribution as DistributionSpec }, "distribution"];
    out.push({ name, paths, segments: segs, apply: entry.apply ?? "set", domain, source, entry: i });
  });
  return out;
}

/** The factors of a test-function experiment: its inputs x1..xk, or the file's factors for them (same names, in order, any domain). */
export function testModelFactors(model: TestFunctionModel, entries: readonly FactorEntry[] | undefined, at: ProblemAt, problems: Problem[]): ResolvedFactor[] {
  const inputs = testFunctionFactors(model);
  const make = (domain: Factor, source: ResolvedFactor["source"], entry: number): ResolvedFactor => ({ name: domain.name, paths: [], segments: [], apply: "set", domain, source, entry });
  if (entries === undefined) return inputs.map((f, i) => make(f, "range", i));
  if (entries.length !== inputs.length) problems.push(at(["factors"], `the test function has ${inputs.length} inputs (${inputs.map((f) => f.name).join(", ")}): list them all, in order, or leave "factors" out`));
  const out: ResolvedFactor[] = [];
  entries.forEach((e, i) => {
    const here = ["factors", i];
    const want = inputs[i]?.name;
    for (const key of ["path", "apply", "uncertain"] as const) if (e[key] !== undefined) problems.push(at([...here, key], `a test function's input has no "${key}"`));
    if (e.name !== want) problems.push(at([...here, "name"], want === undefined ? "the test function has no such input" : `expected the name "${want}" (the test function's inputs in order)`));
    if (e.distribution === "scenario") problems.push(at([...here, "distribution"], 'a test function has no scenario: give a range, levels or a distribution'));
    const name = e.name ?? `x${i + 1}`;
    if (e.range) out.push(make({ name, range: e.range }, "range", i));
    else if (e.levels) out.push(make({ name, levels: e.levels }, "levels", i));
    else if (e.distribution !== undefined && e.distribution !== "scenario") out.push(make({ name, distribution: e.distribution as DistributionSpec }, "distribution", i));
  });
  return out;
}

/** Problems of duplicated names, each at the later item's place in the file (`where` gives it). */
export function duplicateNames(names: readonly string[], where: (i: number) => (string | number)[], at: ProblemAt): Problem[] {
  const seen = new Set<string>();
  return names.flatMap((n, i) => {
    if (!seen.has(n)) return seen.add(n), [];
    return [at(where(i), `the name "${n}" is taken twice: give one of them another "name"`)];
  });
}
