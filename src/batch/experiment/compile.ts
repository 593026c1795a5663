/**
 * From a parsed experiment file and its model to a runnable experiment: factors and outcomes
 * resolved, the design built (an explicit design's CSV checked against the factors), each
 * factor's extreme values in the design tried on the scenario (so a range that makes the
 * scenario invalid is reported before any run, at the factor), and the experiment's identity
 * hash: what decides its runs (model, factors, design, replications, outcomes, seed), so a
 * checkpoint of another experiment is refused on resume. Pure: the Node loader reads the files.
 */
import { buildDesign, type Design, type DesignSpec, type PrimOptions } from "../../analysis/experiments/index.js";
import { canonicalJson } from "../../scenario/canonical-json.js";
import type { ScenarioChange } from "../../scenario/changes.js";
import { ScenarioError, type Problem } from "../../scenario/errors.js";
import type { LoadedScenario } from "../../scenario/resolve.js";
import { sha256Hex } from "../../scenario/sha256.js";
import { parseCsv } from "../files/read.js";
import { pointScenario, problemsText } from "./apply.js";
import { duplicateNames, scenarioFactors, testModelFactors, type ResolvedFactor } from "./factors.js";
import { resolveOutcomes, type ResolvedOutcome } from "./outcomes.js";
import type { ProblemAt } from "./parse.js";
import type { ExperimentFile, TestModelEntry } from "./schema.js";
import type { TestFunctionModel } from "./spec.js";

/** Most model runs one experiment may ask for (points x replications). */
export const MAX_EXPERIMENT_RUNS = 100_000_000;
/** Most design values (points x factors) an experiment may hold in memory. */
export const MAX_DESIGN_VALUES = 20_000_000;
/** Most candidate trajectories of a Morris design (their pairwise distances are kept). */
export const MAX_MORRIS_CANDIDATES = 5_000;

/** Default bootstrap resamples of the index intervals. */
export const DEFAULT_EXPERIMENT_RESAMPLES = 1000;

/** The model of a compiled experiment. */
export type CompiledModel = { kind: "scenario"; file: string; loaded: LoadedScenario } | { kind: "test-function"; model: TestFunctionModel; noise: number };

/** A runnable experiment: everything the plan, the runs and the analysis need. */
export interface Experiment {
  file: string;
  name: string;
  description: string;
  model: CompiledModel;
  factors: ResolvedFactor[];
  outcomes: ResolvedOutcome[];
  design: Design;
  /** the design block as written (an explicit design names its file and the SHA-256 of its text) */
  designEntry: Record<string, unknown>;
  designSeed: number;
  /** base seed: replication r runs deriveSeed(seed, r) */
  seed: number;
  replications: number;
  analysis: { resamples: number; prim: PrimOptions };
  /** `--set` changes applied to the experiment file */
  set: ScenarioChange[];
  /** SHA-256 of what decides the runs (not the analysis options) */
  hash: string;
}

/** What compileExperiment needs besides the parsed file. */
export interface CompileInput {
  file: string;
  data: ExperimentFile;
  at: ProblemAt;
  /** the loaded scenario and its file (scenario experiments) */
  scenario: { file: string; loaded: LoadedScenario } | null;
  /** an explicit design's CSV: its file and text */
  points: { file: string; text: string } | null;
  /** --seed: replaces the file's seed */
  seed?: number;
  set?: ScenarioChange[];
}

/** The smallest and largest value of column j of a design (a loop: designs may have more points than a call takes arguments). */
export function columnExtent(points: readonly (readonly number[])[], j: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    if (p[j] < lo) lo = p[j];
    if (p[j] > hi) hi = p[j];
  }
  return [lo, hi];
}

/** The test function a model entry names, with its defaults. */
function testModel(m: TestModelEntry): TestFunctionModel {
  if (m.testFunction === "ishigami") return { kind: "ishigami", a: m.a ?? 7, b: m.b ?? 0.1 };
  if (m.testFunction === "sobol-g") return { kind: "sobol-g", a: m.a };
  return { kind: "box", dimensions: m.dimensions, box: m.box };
}

/** The design spec of the file's design block (an explicit design reads its CSV text). */
function designSpec(data: ExperimentFile, points: CompileInput["points"], at: ProblemAt, problems: Problem[]): DesignSpec | null {
  const d = data.design;
  if (d.method !== "explicit") return d;
  if (!points) return null;
  const [header, ...rows] = parseCsv(points.text).filter((r) => !(r.length === 1 && r[0] === ""));
  if (!header) return void problems.push(at(["design", "file"], `${points.file} is empty: expected a header of factor names and one row per point`)), null;
  return { method: "explicit", matrix: { columns: header.map((h) => h.trim()), rows } };
}

/** The points a design spec makes over `factors` (before building it), or null for an explicit design (its rows). */
function plannedPoints(spec: DesignSpec, factors: readonly ResolvedFactor[]): number {
  const k = factors.length;
  switch (spec.method) {
    case "grid":
      return factors.reduce((n, f) => n * ("levels" in f.domain ? f.domain.levels.length : (spec.levels ?? 5)), 1);
    case "lhs":
    case "sobol":
      return spec.n;
    case "saltelli":
      return spec.n * (spec.secondOrder ? 2 * k + 2 : k + 2);
    case "morris":
      return Math.max(spec.trajectories, spec.candidates ?? 0) * (k + 1);
    case "explicit":
      return spec.matrix.rows.length;
  }
}

/** Why a design is too large to build here, or null. */
function tooLarge(spec: DesignSpec, factors: readonly ResolvedFactor[], replications: number): string | null {
  const points = plannedPoints(spec, factors);
  const fmt = (x: number) => x.toLocaleString("en-US");
  if (spec.method === "morris" && (spec.candidates ?? 0) > MAX_MORRIS_CANDIDATES) return `at most ${fmt(MAX_MORRIS_CANDIDATES)} candidate trajectories (their pairwise distances are kept)`;
  if (points * factors.length > MAX_DESIGN_VALUES) return `the design would hold ${fmt(points)} points x ${factors.length} factors, more than the ${fmt(MAX_DESIGN_VALUES)} values an experiment may hold`;
  if (points * replications > MAX_EXPERIMENT_RUNS) return `${fmt(points)} points x ${fmt(replications)} replications is more than ${fmt(MAX_EXPERIMENT_RUNS)} runs`;
  return null;
}

/** Tries each factor's lowest and highest design value (the others as in the scenario), and the first point, on the scenario. */
function cornerProblems(loaded: LoadedScenario, factors: readonly ResolvedFactor[], design: Design, at: ProblemAt): Problem[] {
  const problems: Problem[] = [];
  const apps = factors.map((f) => ({ name: f.name, paths: f.segments, apply: f.apply }));
  factors.forEach((f, j) => {
    const ends = columnExtent(design.points, j);
    ends.forEach((v, e) => {
      if (e === 1 && v === ends[0]) return;
      const made = pointScenario(loaded.scenario, [apps[j]], [v]);
      if (!made.ok) problems.push(at(["factors", f.entry], `${f.name} = ${v} (its ${e === 0 ? "lowest" : "highest"} value in the design) makes the scenario invalid: ${problemsText(made.problems)}`));
    });
  });
  if (problems.length === 0 && design.points.length > 0) {
    const made = pointScenario(loaded.scenario, apps, design.points[0]);
    if (!made.ok) problems.push(at(["factors"], `design point 0 makes the scenario invalid: ${problemsText(made.problems)}`));
  }
  return problems;
}

/** Compiles an experiment, or throws a ScenarioError listing every problem (each at its place in the file). */
export function compileExperiment(input: CompileInput): Experiment {
  const { data, at } = input;
  const problems: Problem[] = [];
  const model: CompiledModel | null = data.model
    ? { kind: "test-function", model: testModel(data.model), noise: data.model.noise ?? 0 }
    : input.scenario
      ? { kind: "scenario", file: input.scenario.file, loaded: input.scenario.loaded }
      : null;
  if (!model) throw new ScenarioError([at(["scenario"], "the scenario could not be loaded")]);
  const scenario = model.kind === "scenario" ? model.loaded.scenario : null;
  const factors = model.kind === "scenario" ? scenarioFactors(model.loaded.scenario, data.factors ?? [], at, problems) : testModelFactors(model.model, data.factors, at, problems);
  const outcomes = resolveOutcomes(data.outcomes, scenario, at, problems);
  problems.push(...duplicateNames(factors.map((f) => f.name), (i) => ["factors", factors[i].entry], at));
  const named = duplicateNames(outcomes.map((o) => o.name), (i) => ["outcomes", i], at);
  const columns = ["point", "completed", "failed", ...outcomes.flatMap((o) => [o.name, `${o.name}_low`, `${o.name}_high`])];
  problems.push(...(named.length > 0 ? named : duplicateNames(columns, (i) => (i < 3 ? ["outcomes"] : ["outcomes", Math.floor((i - 3) / 3)]), at)));
  if (factors.length === 0 && problems.length === 0) problems.push(at(["factors"], "the experiment has no factors"));
  const spec = problems.length === 0 ? designSpec(data, input.points, at, problems) : null;
  const designSeed = ("seed" in data.design ? data.design.seed : undefined) ?? input.seed ?? data.seed ?? 1;
  let design: Design | null = null;
  const replications = data.replications ?? 1;
  const huge = spec ? tooLarge(spec, factors, replications) : null;
  if (spec && huge) problems.push(at(spec.method === "explicit" ? ["design", "file"] : ["design"], huge));
  else if (spec) {
    try {
      design = buildDesign(factors.map((f) => f.domain), spec, designSeed);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      problems.push(at(spec.method === "explicit" ? ["design", "file"] : ["design"], `${spec.method === "explicit" ? `${input.points!.file}: ` : ""}${err.message.replace(/^[a-zA-Z]+: /, "")}`));
    }
  }
  if (design && design.points.length === 0) problems.push(at(["design"], "the design has no points"));
  if (design && problems.length === 0 && model.kind === "scenario") problems.push(...cornerProblems(model.loaded, factors, design, at));
  if (problems.length > 0 || !design) throw new ScenarioError(problems);
  const seed = input.seed ?? data.seed ?? 1;
  const designEntry: Record<string, unknown> = data.design.method === "explicit" ? { ...data.design, sha256: sha256Hex(input.points!.text) } : { ...data.design };
  const identity = {
    v: 1,
    model: model.kind === "scenario" ? { scenario: model.loaded.hash } : { ...model.model, noise: model.noise },
    factors: factors.map((f) => ({ paths: f.paths, apply: f.apply, domain: f.domain })),
    outcomes: outcomes.map((o) => ({ name: o.name, value: o.value })),
    design: { ...designEntry, seed: designSeed },
    replications,
    seed,
  };
  return {
    file: input.file,
    name: data.name,
    description: data.description ?? "",
    model,
    factors,
    outcomes,
    design,
    designEntry,
    designSeed,
    seed,
    replications,
    analysis: { resamples: data.analysis?.resamples ?? DEFAULT_EXPERIMENT_RESAMPLES, prim: { ...(data.analysis?.prim ?? {}) } },
    set: input.set ?? [],
    hash: sha256Hex(canonicalJson(identity)),
  };
}
