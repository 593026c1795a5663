/**
 * Turning a scenario file's bytes into text: UTF-8 only (a UTF-8 byte-order mark is allowed).
 * UTF-16 files and invalid UTF-8 are refused with a message saying what is wrong and where,
 * instead of being decoded into replacement characters. Pure: runs in the browser too.
 */

/** A file whose bytes are not UTF-8 text; `line` and `column` locate the first bad byte. */
export class FileTextError extends Error {
  override name = "FileTextError";
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode Table 3-7), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      more = 2;
      if (c === 0xe0) lo = 0xa0; // no overlong forms
      if (c === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      more = 3;
      if (c === 0xf0) lo = 0x90; // no overlong forms
      if (c === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= more; k++) {
      const d = bytes[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += more + 1;
  }
  return -1;
}

/** Line and column (UTF-16 code units, as the JSON scanner counts) just after `text`. */
function endPosition(text: string): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: text.length - start + 1 };
}

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decodes a scenario file's bytes as UTF-8, or throws a FileTextError saying what is wrong. */
export function decodeScenarioText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    throw new FileTextError("the file is UTF-16 (little-endian, it starts with a UTF-16 byte-order mark); save it as UTF-8", 1, 1);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    throw new FileTextError("the file is UTF-16 (big-endian, it starts with a UTF-16 byte-order mark); save it as UTF-8", 1, 1);
  // JSON text starts with an ASCII character: in UTF-16 one of its two bytes is zero
  if (bytes.length >= 2 && (bytes[0] === 0) !== (bytes[1] === 0))
    throw new FileTextError("the file looks like UTF-16 (every other byte is zero); save it as UTF-8", 1, 1);
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    if (at < 0) throw new FileTextError("not valid UTF-8; save the file as UTF-8", 1, 1);
    const { line, column } = endPosition(strict.decode(bytes.subarray(0, at)));
    const hex = bytes[at].toString(16).padStart(2, "0");
    throw new FileTextError(`not valid UTF-8 at byte ${at} (0x${hex}); save the file as UTF-8`, line, column);
  }
}
