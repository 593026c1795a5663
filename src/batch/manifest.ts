/** manifest.json of a result folder: provenance, the only place for times and worker counts, and the list of every other file with its size and SHA-256 (written last). */
import { VERSION } from "../version.js";
import { BUILD_ID } from "./build-id.js";
import { FORMAT_VERSION } from "./files/format.js";
import { seedsOf } from "./files/datapackage.js";
import { scenarioPaths } from "./files/folder-files.js";
import type { FolderFile, Manifest } from "./files/schemas.js";
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
  /** every other file of the folder, as written */
  files: readonly FolderFile[];
  /** the queue the shards ran on, as a URL without its password (absent for a local batch; then workers is 0) */
  queue?: string;
}

/** The manifest of a finished batch. */
export function buildManifest(plan: BatchPlan, run: ManifestRun): Manifest {
  const resolved = scenarioPaths(plan);
  return {
    kind: run.kind,
    formatVersion: FORMAT_VERSION,
    engineVersion: VERSION,
    buildId: BUILD_ID,
    gitCommit: run.gitCommit,
    scenarios: plan.scenarios.map((s, i) => ({ name: s.name, file: s.file, hash: s.hash, set: [...(s.set ?? [])], resolved: resolved[i] })),
    seeds: seedsOf(plan),
    baseSeed: baseSeedOf(plan),
    runs: plan.runs,
    series: run.series,
    workers: run.workers,
    ...(run.queue ? { queue: run.queue } : {}),
    startedAt: run.started.toISOString(),
    finishedAt: run.finished.toISOString(),
    seconds: (run.finished.getTime() - run.started.getTime()) / 1000,
    files: run.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })),
  };
}
