/**
 * The page's working state around the URL state: the resolved base and its lever controls, the
 * planner's changes, the planner's overlay and scenario, and the batch plan of base against
 * scenario. Recomputed when the base or a lever changes; no DOM.
 */
import { derivedPlan, type BatchPlan } from "../../src/batch/plan.js";
import type { LoadedScenario } from "../../src/scenario/resolve.js";
import { ScenarioShape } from "../../src/scenario/schema.js";
import { leverControls, leverFields, type LeverControl, type LeverField } from "../levers/lever-schema.js";
import { changesFor, overlayText, type LeverChange } from "../levers/overlay.js";
import type { ScenarioFiles } from "../scenarios.js";
import type { PageState } from "../state.js";

/** The lever fields of the schema (attraction and factors sections), found once. */
export const FIELDS: readonly LeverField[] = leverFields({ attraction: ScenarioShape.shape.attraction, factors: ScenarioShape.shape.factors });

/** The name the planner's overlay is resolved under in the page (never a shipped file's). */
export const OVERLAY_FILE = "__planner__.json";

/** A base with its controls. */
export interface BaseView {
  file: string;
  loaded: LoadedScenario;
  controls: LeverControl[];
}

/** Resolves a base file and finds its lever controls. */
export function baseView(files: ScenarioFiles, file: string): BaseView {
  const loaded = files.resolve(file);
  return { file, loaded, controls: leverControls(FIELDS, loaded.scenario as unknown as Record<string, unknown>, loaded.scenario.horizon).controls };
}

/** The planner's scenario over a base: changes, the overlay's text and the resolved scenario. */
export interface PlannerView {
  changes: LeverChange[];
  overlay: string;
  loaded: LoadedScenario;
}

/** The planner's scenario for the state's lever values over `base`. */
export function plannerView(files: ScenarioFiles, base: BaseView, state: PageState): PlannerView {
  const changes = changesFor(base.controls, state.levers);
  const overlay = overlayText(base.file, base.loaded.scenario.name, changes, base.loaded.scenario);
  const loaded = files.resolve(OVERLAY_FILE, { [OVERLAY_FILE]: overlay });
  return { changes, overlay, loaded };
}

/** The paired batch: the base (scenario 0) and the planner's scenario on the same seeds. */
export function pairedPlan(base: BaseView, mine: PlannerView, state: PageState): BatchPlan {
  return derivedPlan(
    [
      { name: base.loaded.scenario.name, file: base.file, hash: base.loaded.hash, scenario: base.loaded.scenario },
      { name: mine.loaded.scenario.name, file: "scenario.json", hash: mine.loaded.hash, scenario: mine.loaded.scenario },
    ],
    state.seed,
    state.runs,
  );
}

/** Lever ids of the state that the base has no control for. */
export function unknownLevers(base: BaseView, state: PageState): string[] {
  const ids = new Set(base.controls.map((c) => c.id));
  return Object.keys(state.levers).filter((k) => !ids.has(k));
}
