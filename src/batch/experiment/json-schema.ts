/**
 * The JSON Schema (draft 2020-12) of experiment files, for editors: generated from the zod
 * schema (schema.ts), with a "$comment" string allowed in every object as the loader allows it.
 * experiments/experiment.schema.json is this text; a test keeps it up to date
 * (`npx tsx src/batch/experiment/write-json-schema.ts` rewrites it).
 */
import { z } from "zod";
import { allowComments, type JsonSchema } from "../../scenario/json-schema.js";
import { ExperimentSchema } from "./schema.js";

/** Sorts an object's keys (a stable $defs listing). */
const sortKeys = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));

/** The experiment file JSON Schema as a JSON object. */
export function experimentJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(ExperimentSchema, { target: "draft-2020-12", io: "input", reused: "inline" }) as JsonSchema;
  const { $schema, $defs, ...root } = generated;
  const defs = (typeof $defs === "object" && $defs !== null ? $defs : {}) as Record<string, JsonSchema>;
  return {
    $schema,
    title: "clustersim experiment",
    description:
      "An experiment of clustersim (issue 13): a design over factors of a scenario (JSON paths set, scaled or shifted) or of an analytic test function, replications per point with the same seeds, and outcomes. Run it with `clustersim experiment <file>`; see docs/experiments.md.",
    ...allowComments(root),
    $defs: sortKeys(Object.fromEntries(Object.entries(defs).map(([k, v]) => [k, allowComments(v)]))),
  };
}

/** The JSON Schema as pretty-printed text with a final newline (what is checked in). */
export function experimentJsonSchemaText(): string {
  return `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`;
}
