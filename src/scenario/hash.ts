/** The scenario hash: identifies a resolved scenario's content independent of key order. */
import { canonicalJson } from "./canonical-json.js";
import { sha256Hex } from "./sha256.js";

/** SHA-256 hex of the canonical JSON of a resolved scenario (keys sorted, no whitespace). */
export function scenarioHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
