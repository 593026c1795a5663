/**
 * The keys a scenario file may carry outside the schema: "$schema" and "extends" at the top,
 * "$comment" in any object. They are removed before validation and hashing.
 */
import { childPath, isJsonObject } from "./json-path.js";
import { setOwn } from "./merge-patch.js";

/** A meta key whose value is not a string, found while stripping. */
export interface MetaKeyProblem {
  jsonPath: string;
  message: string;
}

/** Returns `value` without "$comment" keys at any depth, reporting non-string comments. */
export function stripComments(value: unknown, problems: MetaKeyProblem[] = [], path = "$"): unknown {
  if (Array.isArray(value)) return value.map((v, i) => stripComments(v, problems, childPath(path, i)));
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = childPath(path, k);
    if (k === "$comment") {
      if (typeof v !== "string") problems.push({ jsonPath: p, message: `"$comment" must be a string (found ${typeof v})` });
    } else setOwn(out, k, stripComments(v, problems, p));
  }
  return out;
}

/** Returns a file's top level without "$schema" and "extends" (comments are stripped separately). */
export function stripTopLevel(value: unknown, problems: MetaKeyProblem[] = []): unknown {
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "$schema" || k === "extends") {
      if (typeof v !== "string") problems.push({ jsonPath: childPath("$", k), message: `"${k}" must be a string (a relative path)` });
    } else setOwn(out, k, v);
  }
  return out;
}
