/**
 * Safe file and folder names made from scenario names and other free text: letters and digits of
 * any script, ".", "_" and "-" are kept, every other run of characters becomes one "-" (so no
 * "/", "\", "..", control character or space survives), no leading "." or "-", at most
 * MAX_SLUG_BYTES of UTF-8 (a longer name is cut and given a short hash, so different long names
 * stay apart). A name with nothing left becomes the fallback.
 */
import { sha256Hex } from "../../scenario/sha256.js";

/** Longest slug, in bytes of UTF-8 (file systems allow 255 per name; room is left for suffixes). */
export const MAX_SLUG_BYTES = 100;

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** The safe slug of `text` (never empty, never "." or "..", no path separators). */
export function slug(text: string, fallback = "scenario"): string {
  let s = text.normalize("NFC").replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "-").replace(/-{2,}/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  if (s === "") s = fallback;
  if (utf8Bytes(s) > MAX_SLUG_BYTES) {
    const tail = `-${sha256Hex(text).slice(0, 10)}`;
    let cut = s;
    while (utf8Bytes(cut) > MAX_SLUG_BYTES - tail.length) cut = cut.slice(0, -1);
    s = `${cut.replace(/[-.]+$/, "")}${tail}`;
  }
  return s;
}

/** Slugs of `names`, made distinct by a numeric suffix ("a", "a-2"...), in order; compared without case (case-insensitive file systems). */
export function distinctSlugs(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const base = slug(name);
    let s = base;
    for (let k = 2; seen.has(s.toLowerCase()); k++) s = `${base}-${k}`;
    seen.add(s.toLowerCase());
    return s;
  });
}
