/**
 * The range of the numeric parameter at a JSON path of a scenario, read from the scenario schema
 * itself (one source of truth): e.g. whether a count must be a whole number, so that a value set
 * from outside a file (an experiment's design point) can be rounded as the model rounds a drawn
 * count.
 */
import { z } from "zod";
import { rangeOf, type NumRange } from "./schema-number.js";
import { ScenarioShape } from "./schema.js";

/** The schema inside optional, default, nullable and readonly wrappers. */
function unwrap(s: z.core.$ZodType): z.core.$ZodType {
  let node = s;
  for (;;) {
    const def = node._zod.def as { type: string; innerType?: z.core.$ZodType };
    if ((def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "readonly" || def.type === "prefault") && def.innerType) node = def.innerType;
    else return node;
  }
}

/** The schema of the value at `path` below `root`, or undefined when the path leaves the schema's known shape. */
function schemaAt(root: z.core.$ZodType, path: readonly (string | number)[]): z.core.$ZodType | undefined {
  let node: z.core.$ZodType | undefined = root;
  for (const seg of path) {
    const def = unwrap(node)._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; valueType?: z.core.$ZodType; element?: z.core.$ZodType };
    if (def.type === "object" && typeof seg === "string") node = def.shape && Object.hasOwn(def.shape, seg) ? def.shape[seg] : undefined;
    else if (def.type === "record" && typeof seg === "string") node = def.valueType;
    else if (def.type === "array" && typeof seg === "number") node = def.element;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The range of the numeric parameter at `path` of a scenario, or undefined when the path is not a numeric parameter. */
export function parameterRange(path: readonly (string | number)[]): NumRange | undefined {
  const node = schemaAt(ScenarioShape, path);
  return node === undefined ? undefined : rangeOf(unwrap(node));
}
