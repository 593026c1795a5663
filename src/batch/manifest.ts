/** manifest.json of a result folder: provenance, and the only place for times and worker counts. */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { VERSION } from "../version.js";
import { BUILD_ID } from "./build-id.js";
import { FORMAT_VERSION } from "./checkpoint.js";
import type { BatchPlan } from "./plan.js";

/** The git commit of the working directory, when it is a git checkout. */
function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
  } catch {
    return null;
  }
}

/** Writes manifest.json for a finished batch. */
export function writeManifest(dir: string, plan: BatchPlan, workers: number, started: Date, finished: Date, kind = "batch"): void {
  const manifest = {
    kind,
    formatVersion: FORMAT_VERSION,
    engineVersion: VERSION,
    buildId: BUILD_ID,
    gitCommit: gitCommit(),
    scenarios: plan.scenarios.map((s) => ({ name: s.name, file: s.file, hash: s.hash })),
    baseSeed: plan.baseSeed,
    runs: plan.runs,
    seeds: "deriveSeed(baseSeed, 0..runs-1)",
    workers,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (finished.getTime() - started.getTime()) / 1000,
  };
  writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}
