/**
 * experiment.json's object (result-schema.ts) from an experiment and its analysis, and the
 * experiment folder's manifest.json: provenance, the only place for times and worker counts.
 */
import type { DistributionSpec } from "../../random/distribution.js";
import { VERSION } from "../../version.js";
import { BUILD_ID } from "../build-id.js";
import { FORMAT_VERSION } from "../files/format.js";
import type { FolderFile } from "../files/schemas.js";
import type { BatchPlan } from "../plan.js";
import type { ExperimentAnalysis, OutcomeAnalysis } from "./analyse.js";
import { columnExtent, type Experiment } from "./compile.js";
import type { ResolvedFactor } from "./factors.js";
import type { ExperimentManifest, ExperimentSummary, OutcomeSummary } from "./result-schema.js";

/** How an experiment's run seeds are made. */
export const REPLICATION_SEED_RULE = "replication r (0..R-1) of every point has seed deriveSeed(baseSeed, r) (src/random/seeds.ts): common random numbers across points";

/** What experiment.json says about its numbers. */
const NOTE =
  "Point statistics are over a point's replications (every point runs the same seeds); their intervals are replication noise only. Sobol' and Morris indices are computed on the point statistics, with percentile-bootstrap 95% intervals; read them with the noise share beside them (noise.csv). PRIM boxes are found on the runs. Probabilities are fractions (0-1); money in 亿元.";

/** A factor's domain as experiment.json describes it (a posterior marginal by its size, not its draws). */
function domainOf(f: ResolvedFactor): Record<string, unknown> {
  const d = f.domain;
  if ("range" in d) return { range: [...d.range] };
  if ("levels" in d) return { levels: [...d.levels] };
  const spec = d.distribution as DistributionSpec;
  if (f.source === "posterior" && spec.dist === "choice") return { distribution: "posterior", draws: spec.values.length, note: "the calibrated posterior's marginal (its draws as an empirical distribution); correlations between parameters are not kept" };
  return { distribution: f.source === "scenario" ? "scenario" : "given", spec };
}

/** A PRIM box without its points' indices. */
const boxOf = (b: NonNullable<OutcomeAnalysis["prim"]>["box"]) => ({ coverage: b.coverage, density: b.density, mass: b.mass, runs: b.points, restricted: b.restricted, limits: b.limits.map((l) => ({ ...l })) });

/** One outcome's part of experiment.json. */
function outcomeSummary(a: OutcomeAnalysis, threshold: number): OutcomeSummary {
  const o = a.outcome;
  let min: number | null = null;
  let max: number | null = null;
  for (const p of a.points) if (p.value !== null) [min, max] = [min === null ? p.value : Math.min(min, p.value), max === null ? p.value : Math.max(max, p.value)];
  const { atLeast, atMost } = o.value;
  return {
    name: o.name,
    unit: o.unit,
    description: o.description,
    binary: o.binary,
    statistic: o.statistic === "mean" ? "mean" : `quantile ${o.statistic.quantile}`,
    source: { ...o.value.source, ...(atLeast !== undefined ? { atLeast } : {}), ...(atMost !== undefined ? { atMost } : {}) },
    points: { min, max },
    noise: a.noise ? { share: Number.isNaN(a.noise.noiseShare) ? null : a.noise.noiseShare, betweenVariance: a.noise.betweenVariance, noiseVariance: a.noise.noiseVariance } : null,
    noiseNote: a.noise && Number.isNaN(a.noise.noiseShare) ? "the point means do not vary: no share" : a.noiseNote,
    indicesNote: a.indicesNote,
    prim: a.prim
      ? {
          threshold,
          cases: a.prim.cases,
          met: a.prim.met,
          box: boxOf(a.prim.box),
          meetsThreshold: a.prim.meetsThreshold,
          chosen: a.prim.chosen,
          pastes: a.prim.pastes,
          trajectory: a.prim.trajectory.map((b) => ({ coverage: b.coverage, density: b.density, mass: b.mass, runs: b.points, restricted: b.restricted })),
        }
      : null,
    primNote: a.primNote,
  };
}

/** The design's layout fields (what the index estimators read it by). */
function layoutOf(ex: Experiment): Record<string, unknown> {
  const d = ex.design;
  if (d.method === "saltelli") return { n: d.n, secondOrder: d.secondOrder };
  if (d.method === "morris") return { trajectories: d.trajectories, levels: d.levels, delta: d.delta, steps: d.steps.map((t) => t.map((s) => [s.factor, s.sign])) };
  return {};
}

/** experiment.json's object. */
export function experimentSummary(ex: Experiment, plan: BatchPlan, analysis: ExperimentAnalysis, files: string[]): ExperimentSummary {
  const m = ex.model;
  const P = ex.design.points.length;
  return {
    kind: "clustersim-experiment",
    formatVersion: FORMAT_VERSION,
    name: ex.name,
    description: ex.description,
    hash: ex.hash,
    model: m.kind === "scenario" ? { kind: "scenario", name: m.loaded.scenario.name, file: m.file, hash: m.loaded.hash } : { kind: "test-function", testFunction: m.model.kind, parameters: Object.fromEntries(Object.entries(m.model).filter(([k]) => k !== "kind")), noise: m.noise },
    design: { method: ex.design.method, points: P, seed: ex.designSeed, spec: ex.designEntry, layout: layoutOf(ex) },
    replications: ex.replications,
    seed: ex.seed,
    runs: plan.runs,
    completed: plan.runs - analysis.failedRuns,
    failed: analysis.failedRuns,
    failures: analysis.failures,
    factors: ex.factors.map((f, j) => {
      const [min, max] = columnExtent(ex.design.points, j);
      return { name: f.name, paths: f.paths, apply: f.apply, source: f.source, domain: domainOf(f), min, max };
    }),
    outcomes: analysis.outcomes.map((a) => outcomeSummary(a, ex.analysis.prim.threshold ?? 0.8)),
    analysis: { resamples: ex.analysis.resamples, bootstrapSeed: ex.seed, prim: { ...ex.analysis.prim } },
    files,
    note: NOTE,
  };
}

/** What a manifest records besides the experiment. */
export interface ExperimentManifestRun {
  workers: number;
  /** the queue the shards ran on, as a URL without its password (absent for a local run) */
  queue?: string;
  started: Date;
  finished: Date;
  gitCommit: string | null;
  /** every other file of the folder, as written */
  files: readonly FolderFile[];
}

/** manifest.json of a finished experiment. */
export function experimentManifest(ex: Experiment, plan: BatchPlan, run: ExperimentManifestRun): ExperimentManifest {
  const m = ex.model;
  return {
    kind: "experiment",
    formatVersion: FORMAT_VERSION,
    engineVersion: VERSION,
    buildId: BUILD_ID,
    gitCommit: run.gitCommit,
    experiment: { name: ex.name, file: ex.file, hash: ex.hash, set: ex.set.map((c) => ({ path: c.path, value: c.value })) },
    scenario: m.kind === "scenario" ? { name: m.loaded.scenario.name, file: m.file, hash: m.loaded.hash } : null,
    seeds: { kind: "derived", baseSeed: ex.seed, rule: REPLICATION_SEED_RULE },
    replications: ex.replications,
    points: ex.design.points.length,
    runs: plan.runs,
    workers: run.workers,
    ...(run.queue ? { queue: run.queue } : {}),
    startedAt: run.started.toISOString(),
    finishedAt: run.finished.toISOString(),
    seconds: (run.finished.getTime() - run.started.getTime()) / 1000,
    files: run.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })),
  };
}
