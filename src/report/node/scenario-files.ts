/** The report's scenario information from the files named in manifest.json, when they are still there unchanged (same content hash); files that are gone or changed are skipped. */
import { resolve } from "node:path";
import { loadScenario } from "../../scenario/load.js";
import type { Scenario } from "../../scenario/schema.js";
import type { Manifest } from "../html/inputs.js";
import { scenarioInfo, type ScenarioInfo } from "../html/scenario-info.js";

/** Loads the manifest's scenario files (relative to `cwd`) that still match their recorded hash. */
export async function readScenarioInfo(manifest: Manifest, cwd = process.cwd()): Promise<ScenarioInfo> {
  const found: Scenario[] = [];
  for (const entry of manifest.scenarios) {
    if (entry.set.length > 0) continue; // the file alone is not what ran; its hash cannot match
    try {
      const loaded = await loadScenario(resolve(cwd, entry.file));
      if (loaded.hash === entry.hash) found.push(loaded.scenario);
    } catch {
      // gone or invalid: no names from it
    }
  }
  return scenarioInfo(found);
}
