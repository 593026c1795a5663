/**
 * The files of a results folder by name: what a batch writes, where the resolved scenarios go,
 * and which paths manifest.json may list (plain names inside the folder, nothing outside it).
 */
import type { BatchPlan } from "../plan.js";
import { distinctSlugs } from "./slug.js";

/** The manifest, written last: it lists every other result file with its size and SHA-256. */
export const MANIFEST_FILE = "manifest.json";

/** The files an experiment writes besides runs.csv, datapackage.json and manifest.json. */
export const EXPERIMENT_FILES = ["experiment.json", "design.csv", "points.csv", "indices.csv", "indices2.csv", "noise.csv", "boxes.csv"] as const;

/** The result files a batch or an experiment may write besides manifest.json (and report.html, which `report` writes by default). */
export const RESULT_FILES = ["summary.json", "runs.csv", "yearly.csv", "series.csv.gz", "comparison.json", "comparison.csv", "datapackage.json", ...EXPERIMENT_FILES, "report.html"] as const;

/** The kinds of results folder (manifest.json's "kind"). */
export type FolderKindName = "batch" | "comparison" | "experiment";

/** The folder of the resolved scenarios inside a results folder. */
export const SCENARIO_FOLDER = "scenarios";

/** The files a folder of `kind` must list in its manifest for the readers (a batch lists all it wrote; each listed file is checked). */
export function requiredFiles(kind: FolderKindName): string[] {
  if (kind === "experiment") return ["experiment.json", "design.csv", "points.csv"];
  return ["summary.json", "yearly.csv", ...(kind === "comparison" ? ["comparison.json"] : [])];
}

/** The path of each scenario's resolved copy in the folder: scenarios/<slug of its name>.json. */
export function scenarioPaths(plan: Pick<BatchPlan, "scenarios">): string[] {
  return distinctSlugs(plan.scenarios.map((s) => s.name)).map((s) => `${SCENARIO_FOLDER}/${s}.json`);
}

/** Whether `path` may be listed in a manifest: a result file, or scenarios/<name>.json with a safe name. */
export function isFolderPath(path: string): boolean {
  if ((RESULT_FILES as readonly string[]).includes(path) && path !== "report.html") return true;
  const m = /^scenarios\/([^/\\]+)\.json$/.exec(path);
  return m !== null && !m[1].startsWith(".") && !/[\u0000-\u001f\u007f]/.test(m[1]);
}
