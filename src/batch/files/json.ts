/**
 * JSON for result files and --json output: typed arrays become plain arrays, and a NaN or
 * Infinity anywhere is an error naming its path (writers never emit them).
 */

/** A non-finite number found while serialising, with its JSON path. */
export class NonFiniteError extends Error {}

/** Converts `value` to plain JSON data: typed arrays to arrays; throws NonFiniteError on NaN or Infinity. */
export function toPlainJson(value: unknown, path = "$"): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new NonFiniteError(`${path} is ${value}`);
    return value;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = Array.from(value as unknown as ArrayLike<number>);
    arr.forEach((x, i) => {
      if (!Number.isFinite(x)) throw new NonFiniteError(`${path}[${i}] is ${x}`);
    });
    return arr;
  }
  if (Array.isArray(value)) return value.map((x, i) => toPlainJson(x, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlainJson(v, `${path}.${k}`);
    return out;
  }
  return value;
}

/** One JSON document (pretty-printed, trailing newline) with typed arrays as arrays. */
export function stringifyResult(value: unknown): string {
  return JSON.stringify(toPlainJson(value), null, 2) + "\n";
}
