/**
 * The report's scenario information from the resolved scenarios stored in the results folder
 * (scenarios/<name>.json, listed in manifest.json and so checked against it), so the report
 * depends on the folder alone, not on where it is read from; a copy that is not listed, does not
 * load or whose hash differs is skipped.
 */
import { join } from "node:path";
import { loadScenario } from "../../scenario/load.js";
import type { Scenario } from "../../scenario/schema.js";
import type { Manifest } from "../html/inputs.js";
import { scenarioInfo, type ScenarioInfo } from "../html/scenario-info.js";

/** Loads the resolved scenarios of the folder `dir` that match their recorded hash. */
export async function readScenarioInfo(manifest: Manifest, dir: string): Promise<ScenarioInfo> {
  const found: Scenario[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const entry of manifest.scenarios) {
    if (!listed.has(entry.resolved)) continue;
    try {
      const loaded = await loadScenario(join(dir, entry.resolved));
      if (loaded.hash === entry.hash) found.push(loaded.scenario);
    } catch {
      // invalid for this version: no names from it
    }
  }
  return scenarioInfo(found);
}
