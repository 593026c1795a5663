/**
 * The JSON Schema (draft 2020-12) that editors use for scenario files, generated from the zod
 * schema and adjusted for what the loader allows beyond it: a "$comment" string in every object
 * (records keyed by id included), "$schema" and "extends" at the top, and overlays (files with
 * "extends") in which nothing is required and null deletes a key (JSON Merge Patch). Inside
 * arrays and distributions an overlay replaces whole, so those keep their required keys.
 */
import { z } from "zod";
import { ScenarioSchema } from "./schema.js";

/** A JSON Schema node (a plain JSON object). */
export type JsonSchema = { [key: string]: unknown };

const COMMENT: JsonSchema = { type: "string", description: "a note for readers; ignored by the model" };
const META_KEYS = new Set(["$comment", "$schema", "extends"]);
/** Definitions an overlay replaces whole (distributions), kept as they are in overlays. */
const REPLACED_WHOLE = /^Dist/;
const OVERLAY_SUFFIX = "Overlay";

const isNode = (v: unknown): v is JsonSchema => typeof v === "object" && v !== null && !Array.isArray(v);

/** Applies `fn` to every direct sub-schema of `node` (not propertyNames), rebuilding it. */
function mapChildren(node: JsonSchema, fn: (child: JsonSchema, where: string) => JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === "properties" || k === "$defs") && isNode(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, isNode(s) ? fn(s, `${k}:${name}`) : s]));
    else if ((k === "anyOf" || k === "oneOf" || k === "allOf" || k === "prefixItems") && Array.isArray(v))
      out[k] = v.map((s) => (isNode(s) ? fn(s, k) : s));
    else if (["additionalProperties", "items", "not", "if", "then", "else"].includes(k) && isNode(v)) out[k] = fn(v, k);
    else out[k] = v;
  }
  return out;
}

/** Lets every object schema below `node` carry a "$comment" string. */
export function allowComments(node: JsonSchema): JsonSchema {
  const out = mapChildren(node, (child) => allowComments(child));
  if (out.type !== "object") return out;
  out.properties = { $comment: COMMENT, ...(isNode(out.properties) ? out.properties : {}) };
  if (isNode(out.propertyNames)) out.propertyNames = { anyOf: [out.propertyNames, { const: "$comment" }] };
  return out;
}

/** `node`, or null (which deletes the key in an overlay). */
function orNull(node: JsonSchema): JsonSchema {
  const { description, ...rest } = node;
  const keys = Object.keys(rest);
  if (keys.length === 1 && Array.isArray(rest.anyOf)) return { ...node, anyOf: [...rest.anyOf, { type: "null" }] };
  if (typeof rest.type === "string" && !("enum" in rest) && !("const" in rest)) return { ...node, type: [rest.type, "null"] };
  return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: "null" }] };
}

/** Builds the overlay version of definitions: nothing required, null allowed, arrays and distributions whole. */
function overlayDefs(defs: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const made: Record<string, JsonSchema> = {};
  const refFor = (name: string): string => {
    if (REPLACED_WHOLE.test(name) || !defs[name]) return name;
    const overlayName = `${name}${OVERLAY_SUFFIX}`;
    if (!(overlayName in made)) {
      made[overlayName] = {};
      made[overlayName] = partial(defs[name]);
      if (JSON.stringify(made[overlayName]) === JSON.stringify(defs[name])) delete made[overlayName];
    }
    return overlayName in made ? overlayName : name;
  };
  const partial = (node: JsonSchema): JsonSchema => {
    if (typeof node.$ref === "string") {
      const name = node.$ref.replace("#/$defs/", "");
      return { ...node, $ref: `#/$defs/${refFor(name)}` };
    }
    const { required: _required, ...rest } = node;
    const out = mapChildren(rest, (child, where) => {
      if (where === "items" || where === "prefixItems") return child;
      const key = where.startsWith("properties:") ? where.slice("properties:".length) : undefined;
      if (key !== undefined && META_KEYS.has(key)) return child;
      const p = partial(child);
      return key !== undefined || where === "additionalProperties" ? orNull(p) : p;
    });
    if (Array.isArray(out.oneOf)) {
      out.anyOf = out.oneOf;
      delete out.oneOf;
    }
    return out;
  };
  refFor("Scenario");
  return made;
}

/** Sorts an object's keys (for a stable $defs listing). */
const sortKeys = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));

/** The scenario JSON Schema (draft 2020-12), as a JSON object. */
export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(ScenarioSchema, { target: "draft-2020-12", io: "input", reused: "inline" }) as JsonSchema;
  const { $schema, $defs, ...root } = generated;
  const scenario: JsonSchema = {
    ...root,
    properties: {
      $schema: { type: "string", description: "the JSON Schema of this file, e.g. \"./scenario.schema.json\"" },
      extends: {
        type: "string",
        description: "base scenario file, relative to this one; this file is applied to it as a JSON Merge Patch",
      },
      ...(isNode(root.properties) ? root.properties : {}),
    },
  };
  const defs = Object.fromEntries(
    Object.entries({ Scenario: scenario, ...(isNode($defs) ? $defs : {}) }).map(([k, v]) => [k, allowComments(v as JsonSchema)]),
  );
  return {
    $schema,
    title: "clustersim scenario",
    description:
      "A scenario of the clustersim model; money in 亿元 (100 million yuan), land in 亩. A file with \"extends\" is an overlay: " +
      "it is merged onto its base (objects merge, null deletes a key, arrays and distributions replace whole) and needs no key of its own.",
    if: { type: "object", required: ["extends"] },
    then: { $ref: `#/$defs/Scenario${OVERLAY_SUFFIX}` },
    else: { $ref: "#/$defs/Scenario" },
    $defs: sortKeys({ ...defs, ...overlayDefs(defs) }),
  };
}

/** The scenario JSON Schema as pretty-printed text with a final newline (what is checked in). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
