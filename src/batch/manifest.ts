/** manifest.json of a result folder: provenance, and the only place for times and worker counts. */
import { VERSION } from "../version.js";
import { BUILD_ID } from "./build-id.js";
import { FORMAT_VERSION } from "./files/format.js";
import { seedsOf } from "./files/datapackage.js";
import type { Manifest } from "./files/schemas.js";
import { baseSeedOf, type BatchPlan } from "./plan.js";

/** What a manifest records besides the plan. */
export interface ManifestRun {
  kind: "batch" | "comparison";
  /** worker threads (0 = in-process) */
  workers: number;
  started: Date;
  finished: Date;
  /** the git commit of the working directory, when known */
  gitCommit: string | null;
  /** whether series.csv.gz was written */
  series: boolean;
  /** the queue the shards ran on, as a URL without its password (absent for a local batch; then workers is 0) */
  queue?: string;
}

/** The manifest of a finished batch. */
export function buildManifest(plan: BatchPlan, run: ManifestRun): Manifest {
  return {
    kind: run.kind,
    formatVersion: FORMAT_VERSION,
    engineVersion: VERSION,
    buildId: BUILD_ID,
    gitCommit: run.gitCommit,
    scenarios: plan.scenarios.map((s) => ({ name: s.name, file: s.file, hash: s.hash, set: [...(s.set ?? [])] })),
    seeds: seedsOf(plan),
    baseSeed: baseSeedOf(plan),
    runs: plan.runs,
    series: run.series,
    workers: run.workers,
    ...(run.queue ? { queue: run.queue } : {}),
    startedAt: run.started.toISOString(),
    finishedAt: run.finished.toISOString(),
    seconds: (run.finished.getTime() - run.started.getTime()) / 1000,
  };
}
