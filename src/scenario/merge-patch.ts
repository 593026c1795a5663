/**
 * JSON Merge Patch (RFC 7396) as scenario overlays use it: objects merge recursively, null
 * deletes a key, arrays and scalars replace; a distribution object (one with a "dist" key) in
 * the patch replaces whole, so no keys of the base's distribution survive.
 */
import { isJsonObject } from "./json-path.js";

/** Sets an own enumerable property (safe for keys such as "__proto__"). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Whether a JSON value is a parameter distribution object. */
export function isDistribution(v: unknown): v is Record<string, unknown> {
  return isJsonObject(v) && Object.hasOwn(v, "dist");
}

/** Applies `patch` to `base` (neither is modified) and returns the result. */
export function mergePatch(base: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const out: Record<string, unknown> = {};
  if (isJsonObject(base) && !isDistribution(patch))
    for (const [k, v] of Object.entries(base)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else setOwn(out, k, mergePatch(Object.hasOwn(out, k) ? out[k] : undefined, v));
  }
  return out;
}
