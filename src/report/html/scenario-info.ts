/**
 * What the report takes from the scenarios themselves, when it has them: the parks' display
 * names (English and Chinese). Without them the report shows park ids. `clustersim report`
 * reads the scenario files named in manifest.json (report/node/scenario-files.ts); a browser
 * page passes the scenarios it ran.
 */
import type { Scenario } from "../../scenario/schema.js";

/** A park's display names. */
export interface ParkName {
  name: string;
  nameZh?: string;
}

/** Park names from the scenarios, by park id. */
export interface ScenarioInfo {
  parks: Map<string, ParkName>;
}

/** No scenario information: the report falls back to ids. */
export const NO_SCENARIO_INFO: ScenarioInfo = { parks: new Map() };

/** The park names of `scenarios` (the first scenario naming a park wins). */
export function scenarioInfo(scenarios: readonly Pick<Scenario, "parks">[]): ScenarioInfo {
  const parks = new Map<string, ParkName>();
  for (const s of scenarios) for (const [id, park] of Object.entries(s.parks)) if (!parks.has(id)) parks.set(id, { name: park.name, nameZh: park.nameZh });
  return { parks };
}
