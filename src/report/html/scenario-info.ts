/**
 * What the report takes from the scenarios themselves, when it has them: the parks' display
 * names (English and Chinese) and each scenario's description (what its levers do). Without them the report shows park ids. `clustersim report`
 * reads the scenario files named in manifest.json (report/node/scenario-files.ts); a browser
 * page passes the scenarios it ran.
 */
import type { Scenario } from "../../scenario/schema.js";

/** A park's display names. */
export interface ParkName {
  name: string;
  nameZh?: string;
}

/** Park names from the scenarios, by park id, and each scenario's description (what its levers do), by scenario name. */
export interface ScenarioInfo {
  parks: Map<string, ParkName>;
  descriptions: Map<string, string>;
}

/** No scenario information: the report falls back to ids. */
export const NO_SCENARIO_INFO: ScenarioInfo = { parks: new Map(), descriptions: new Map() };

/** The park names (the first scenario naming a park wins) and descriptions of `scenarios`. */
export function scenarioInfo(scenarios: readonly (Pick<Scenario, "parks" | "name"> & { description?: string })[]): ScenarioInfo {
  const parks = new Map<string, ParkName>();
  const descriptions = new Map<string, string>();
  for (const s of scenarios) {
    for (const [id, park] of Object.entries(s.parks)) if (!parks.has(id)) parks.set(id, { name: park.name, nameZh: park.nameZh });
    if (s.description) descriptions.set(s.name, s.description);
  }
  return { parks, descriptions };
}
