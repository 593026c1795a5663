/** Canonical JSON: object keys sorted, no whitespace; the same data always gives the same text. */
import { isJsonObject } from "./json-path.js";

/** Serialises `value` with object keys in sorted (UTF-16 code unit) order and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (isJsonObject(value)) {
    const parts: string[] = [];
    for (const k of Object.keys(value).sort()) {
      const v = value[k];
      if (v !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
    }
    return `{${parts.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
