/** Helpers for the experiment tests: experiment files in a temporary folder, reading result CSVs. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../../src/batch/files/read.js";
import { ROOT, tempDir } from "../batch/helpers.js";

export { ROOT, tempDir };
export { cli, cliSpawn } from "../batch/helpers.js";

/** Writes an experiment file (JSON) named `name` into `dir`; returns its path. */
export function writeExperiment(dir: string, name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** A small scenario for experiments in `dir`: the example scenario (2018-2020, four targets), or with `short` 2018-2019 without targets (faster). */
export function exampleScenario(dir: string, name = "small", short = false): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ extends: join(ROOT, "scenarios", "example.json"), name, ...(short ? { horizon: { endYear: 2019 }, targets: null } : {}) }));
  return file;
}

/** A CSV file of a folder as records keyed by column (cells as text). */
export function readCsv(dir: string, file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, file), "utf8"));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The texts of an experiment folder's deterministic files (all but manifest.json and the checkpoint). */
export function experimentFiles(dir: string): Record<string, string> {
  const names = ["design.csv", "runs.csv", "points.csv", "noise.csv", "experiment.json", "datapackage.json"];
  const optional = ["indices.csv", "indices2.csv", "boxes.csv"];
  const out: Record<string, string> = {};
  for (const n of names) out[n] = readFileSync(join(dir, n), "utf8");
  for (const n of optional) {
    try {
      out[n] = readFileSync(join(dir, n), "utf8");
    } catch {
      // not written for this design
    }
  }
  return out;
}
