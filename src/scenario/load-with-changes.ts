/** Loading a scenario file with `--set` changes on top (Node: reads the file through loadScenario). */
import { withChanges, type ScenarioChange } from "./changes.js";
import { loadScenario } from "./load.js";
import type { LoadedScenario } from "./resolve.js";

/** Loads `file` and applies `changes`, validating the result like a file (throws ScenarioError listing every problem). */
export async function loadScenarioWith(file: string, changes: readonly ScenarioChange[] = []): Promise<LoadedScenario> {
  return withChanges(await loadScenario(file), changes);
}
