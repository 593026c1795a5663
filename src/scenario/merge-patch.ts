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

/**
 * Applies `patch` to `target` by changing `target` (and returns the result; a new object when
 * `target` is not one). Objects of `patch` are copied, never linked (its arrays, which later
 * patches only replace, are shared), so a caller that owns `target` can apply a long chain of
 * patches at a cost proportional to the patches alone.
 * `meter` counts the patch entries visited.
 */
export function mergePatchInPlace(target: unknown, patch: unknown, meter: { units: number } = { units: 0 }): unknown {
  if (!isJsonObject(patch)) return patch;
  const out: Record<string, unknown> = isJsonObject(target) && !isDistribution(patch) ? target : {};
  for (const [k, v] of Object.entries(patch)) {
    meter.units++;
    if (v === null) delete out[k];
    else setOwn(out, k, mergePatchInPlace(Object.hasOwn(out, k) ? out[k] : undefined, v, meter));
  }
  return out;
}
