/**
 * The range of the numeric parameter at a JSON path of a scenario, read from the scenario schema
 * itself (one source of truth): its bounds, and whether a count must be a whole number, so that a
 * value set from outside a file (an experiment's design point, a posterior row) can be checked
 * and rounded as the model checks and rounds a drawn value.
 */
import { rangeOf, type NumRange } from "./schema-number.js";
import { ScenarioShape } from "./schema.js";
import { WRAPPERS, schemaAt } from "./schema-walk.js";

/** The range of the numeric parameter at `path` of a scenario, or undefined when the path is not a numeric parameter. */
export function parameterRange(path: readonly (string | number)[]): NumRange | undefined {
  const node = schemaAt(ScenarioShape, path, undefined);
  // an optional parameter: its range is the wrapped num()'s
  let inner = node;
  while (inner !== undefined && rangeOf(inner) === undefined && WRAPPERS.has(inner._zod.def.type)) inner = (inner._zod.def as { innerType?: typeof inner }).innerType;
  return inner === undefined ? undefined : rangeOf(inner);
}
