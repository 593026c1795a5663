/**
 * Finding the zod schema that governs a JSON path of an input, to name the keys an object
 * allows and to describe what a field expects. Unions are resolved the way the input would
 * be: by discriminator value, else by the input's JSON kind.
 */
import { z } from "zod";
import { isJsonObject } from "./json-path.js";
import { expectedOf } from "./schema-number.js";

type Schema = z.core.$ZodType;
/** The parts of zod's internal definitions this walk reads. */
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  element?: Schema;
  options?: Schema[];
  discriminator?: string;
  innerType?: Schema;
  in?: Schema;
  values?: unknown[];
}

const defOf = (s: Schema): Def => s._zod.def as unknown as Def;

/** Zod wrapper types that hold one inner schema (optional, default...). */
export const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "nonoptional", "catch", "lazy"]);

/** The JSON kinds a schema accepts (object, array, number, string, boolean, null, any). */
function kindsOf(s: Schema): Set<string> {
  const d = defOf(s);
  if (WRAPPERS.has(d.type) && d.innerType) return kindsOf(d.innerType);
  if (d.type === "pipe" && d.in) return kindsOf(d.in);
  if (d.type === "union") return new Set((d.options ?? []).flatMap((o) => [...kindsOf(o)]));
  if (d.type === "record") return new Set(["object"]);
  if (d.type === "literal" || d.type === "enum") return new Set((d.values ?? []).map((v) => (v === null ? "null" : typeof v)));
  if (["object", "array", "number", "string", "boolean", "null"].includes(d.type)) return new Set([d.type]);
  return new Set(["any"]);
}

/** The JSON kind of a value. */
export function jsonKind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** The option of a union that the value would be parsed by, if one fits. */
function pickOption(d: Def, value: unknown): Schema | undefined {
  const options = d.options ?? [];
  if (d.discriminator !== undefined && isJsonObject(value)) {
    const tag = value[d.discriminator];
    const hit = options.find((o) => {
      const field = objectShape(o)?.[d.discriminator!];
      return field !== undefined && (defOf(field).values ?? []).includes(tag);
    });
    if (hit) return hit;
  }
  const kind = jsonKind(value);
  return options.find((o) => kindsOf(o).has(kind)) ?? options.find((o) => kindsOf(o).has("any"));
}

/** Strips wrappers (optional, default, pipe) and resolves unions for `value`. */
export function unwrapFor(s: Schema, value: unknown): Schema | undefined {
  let cur: Schema | undefined = s;
  for (let guard = 0; cur && guard < 32; guard++) {
    const d = defOf(cur);
    if (WRAPPERS.has(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === "pipe" && d.in) cur = d.in;
    else if (d.type === "union") cur = pickOption(d, value);
    else return cur;
  }
  return cur;
}

/** The shape of an object schema (after unwrapping), if it is one. */
function objectShape(s: Schema): Record<string, Schema> | undefined {
  const d = defOf(s);
  if (WRAPPERS.has(d.type) && d.innerType) return objectShape(d.innerType);
  return d.type === "object" ? d.shape : undefined;
}

/** The schema at `path` (not unwrapped at the last step), following the input's values. */
export function schemaAt(root: Schema, path: readonly PropertyKey[], input: unknown): Schema | undefined {
  let s: Schema | undefined = root;
  let v: unknown = input;
  for (const seg of path) {
    const u: Schema | undefined = s && unwrapFor(s, v);
    if (!u) return undefined;
    const d = defOf(u);
    if (d.type === "object") s = Object.hasOwn(d.shape ?? {}, seg) ? d.shape![seg as string] : undefined;
    else if (d.type === "record") s = d.valueType;
    else if (d.type === "array") s = d.element;
    else return undefined;
    v = v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  }
  return s;
}

/** Keys an object at `path` allows, or undefined when the path is not an object with fixed keys. */
export function knownKeysAt(root: Schema, path: readonly PropertyKey[], input: unknown, value: unknown): string[] | undefined {
  const s = schemaAt(root, path, input);
  const u = s && unwrapFor(s, value);
  return u ? Object.keys(objectShape(u) ?? {}) : undefined;
}

/**
 * What the schema at `path` expects, in words (e.g. "a number >= 0, or a distribution"), if it
 * says: the expectation num() records, else a description that reads as one (fields' own
 * descriptions give their meaning for editors and are not used here).
 */
export function descriptionAt(root: Schema, path: readonly PropertyKey[], input: unknown): string | undefined {
  let s = schemaAt(root, path, input);
  for (let guard = 0; s && guard < 32; guard++) {
    const expected = expectedOf(s);
    if (expected !== undefined) return expected;
    const d = defOf(s);
    s = WRAPPERS.has(d.type) ? d.innerType : undefined;
  }
  return undefined;
}
