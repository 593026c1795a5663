/**
 * What the report takes from the scenario files named in manifest.json, when they can still be
 * read and their content hash equals the recorded one: the parks' names (English and Chinese) and
 * the parks of each output target. Anything else (a moved or edited file) gives no information,
 * and the report falls back to ids.
 */
import { resolve } from "node:path";
import { loadScenario } from "../../scenario/index.js";
import type { Manifest } from "./inputs.js";

/** A park's display names. */
export interface ParkName {
  name: string;
  nameZh?: string;
}

/** Park names and output-target parks from the scenario files that still match their hash. */
export interface ScenarioInfo {
  parks: Map<string, ParkName>;
  /** target id -> the parks an output target sums, for each scenario that matched */
  outputTargetParks: Map<string, Map<string, string[]>>;
}

/** Loads the manifest's scenario files (relative to `cwd`); files that are gone or changed are skipped. */
export async function readScenarioInfo(manifest: Manifest, cwd = process.cwd()): Promise<ScenarioInfo> {
  const info: ScenarioInfo = { parks: new Map(), outputTargetParks: new Map() };
  for (const entry of manifest.scenarios) {
    let loaded;
    try {
      loaded = await loadScenario(resolve(cwd, entry.file));
    } catch {
      continue;
    }
    if (loaded.hash !== entry.hash) continue;
    for (const [id, park] of Object.entries(loaded.scenario.parks)) if (!info.parks.has(id)) info.parks.set(id, { name: park.name, nameZh: park.nameZh });
    const targets = new Map<string, string[]>();
    for (const [id, target] of Object.entries(loaded.scenario.targets)) if (target.kind === "output") targets.set(id, [...target.parks]);
    info.outputTargetParks.set(entry.name, targets);
  }
  return info;
}
