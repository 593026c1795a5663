/**
 * A small JSON scanner: finds the first syntax error with its line, column and JSON path, in
 * words a person can act on (V8's JSON.parse messages sometimes carry no position at all), and
 * records where each path of a valid file starts and which keys are duplicated. Its work is
 * linear in the size of the text: positions are kept in a tree shaped like the document (no
 * path string per value), and a path is formatted only for an error or a duplicate key.
 * A NUL character in a string (raw or as \u0000) is refused: no scenario string needs one.
 */
import { formatJsonPath } from "./json-path.js";
import { parseJsonPath } from "./json-path.js";

/** 1-based line and column (UTF-16 code units, as editors count). */
export interface Position {
  line: number;
  column: number;
}

/** The first syntax error of a text. */
export interface JsonSyntaxError extends Position {
  message: string;
  /** JSON path of the value being read when the error was found */
  path: string;
}

/** A key given twice in one object (JSON.parse silently keeps the last). */
export interface DuplicateKey extends Position {
  path: string;
  key: string;
}

/** What a scan of valid JSON text learns about it. */
export interface JsonLayout {
  /** where the value at a JSON path starts (for a property: where its key starts) */
  locate(path: string): Position | undefined;
  /** the first MAX_DUPLICATES duplicated keys, in file order */
  duplicates: DuplicateKey[];
  /** how many more duplicated keys there are beyond those listed */
  duplicatesOmitted: number;
}

/** Result of scanning: the layout of valid JSON, or the first syntax error. */
export type JsonScan = { ok: true; layout: JsonLayout } | { ok: false; error: JsonSyntaxError };

/** A counter of the scanner's work (characters passed over, strings and entries built), for tests of its scaling. */
export interface WorkMeter {
  units: number;
}

/** Duplicated keys listed at most; a file with more is reported with a count of the rest. */
export const MAX_DUPLICATES = 100;

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NOT_A_NUMBER = /[-+\w.]+/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const VALUE_HINT = "a value (a string in double quotes, a number, true, false, null, an object or an array)";
const NUL_MESSAGE = "a NUL character (U+0000) in a string is not allowed in a scenario";
const PROTO_MESSAGE = 'a key named "__proto__" is not allowed in a scenario';

/** Where a scalar starts, or a container with where it starts and where its children start. */
type Slot = number | Container;
interface Container {
  at: number;
  keys?: Map<string, Slot>;
  items?: Slot[];
}

class Fail {
  constructor(readonly offset: number, readonly message: string, readonly path: string) {}
}

/** A key for a message: quoted and escaped like JSON, cut after 60 characters. */
function quoteKey(key: string): string {
  return JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
}

/** U+XXXX of a code point. */
const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

/** Line starts of a text, for turning offsets into positions. */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/** Scans JSON text (a leading byte-order mark is skipped); `meter` counts the work done. */
export function scanJson(text: string, meter: WorkMeter = { units: 0 }): JsonScan {
  const at = lineIndex(text);
  const n = text.length;
  meter.units += n;
  /** keys and indices from the top to the value being read */
  const segs: (string | number)[] = [];
  const duplicates: { path: string; key: string; offset: number }[] = [];
  let duplicatesOmitted = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const pathHere = (): string => {
    const path = formatJsonPath(segs);
    meter.units += path.length;
    return path;
  };
  const found = (): string => {
    if (i >= n) return "the end of the file";
    const c = text.codePointAt(i)!;
    if (c === 10 || c === 13) return "the end of the line";
    if (c < 32 || (c >= 0x7f && c < 0xa0)) return `the control character ${codePoint(c)}`;
    return `'${String.fromCodePoint(c)}'`;
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const fail = (message: string, offset = i): never => {
    throw new Fail(offset, message, pathHere());
  };
  const unexpected = (expected: string): never => {
    if (text.startsWith("//", i) || text.startsWith("/*", i))
      return fail(`comments are not allowed in JSON (put notes in a "$comment" key); expected ${expected}`);
    if (i >= n) return fail(`unexpected end of the file; expected ${expected}`);
    return fail(`expected ${expected}, found ${found()}`);
  };
  const fmt = (offset: number) => {
    const p = at(offset);
    return `line ${p.line}, column ${p.column}`;
  };

  /** Reads a string; returns its decoded text for a key, undefined for a value (not needed). */
  const readString = (isKey: boolean): string | undefined => {
    const start = i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        if (!isKey) return undefined;
        meter.units += i - start;
        return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
      }
      if (c === 92) {
        escaped = true;
        const e = text[i + 1];
        if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("invalid \\u escape: expected 4 hex digits");
          if (hex === "0000") fail(NUL_MESSAGE);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`invalid escape '\\${e ?? ""}' in a string (use \\\\ for a backslash)`);
      } else if (c === 10 || c === 13) {
        fail("unterminated string: a line break inside a string (missing closing '\"'?)", start);
      } else if (c === 0) {
        fail(NUL_MESSAGE);
      } else if (c < 32) {
        const name = c === 9 ? "a tab" : `the control character ${codePoint(c)}`;
        fail(`${name} inside a string is not allowed in JSON; write it as ${c === 9 ? "\\t" : `\\u${c.toString(16).padStart(4, "0")}`}`);
      } else i++;
    }
    return fail("unterminated string: no closing '\"' before the end of the file", start);
  };

  const readWord = (): never => {
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    const word = m?.[0];
    if (word === "NaN" || word === "Infinity" || word === "undefined") return fail(`${word} is not a JSON value; expected ${VALUE_HINT}`);
    if (text[i] === "'") return fail("strings must be in double quotes, not single quotes");
    return fail(`unexpected ${word !== undefined ? `word ${quoteKey(word)}` : found()}; expected ${VALUE_HINT}`);
  };

  const readNumber = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    const next = m ? text[i + m[0].length] : undefined;
    if (!m || (next !== undefined && /[\w.+-]/.test(next))) {
      NOT_A_NUMBER.lastIndex = i;
      const bad = NOT_A_NUMBER.exec(text)?.[0] ?? text[i];
      fail(`invalid number ${quoteKey(bad)} (JSON numbers have no leading zeros, '+' sign, hex or trailing '.')`);
    }
    i += m![0].length;
  };

  const readObject = (depth: number, node: Container): Container => {
    const open = i++;
    const keys = new Map<string, Slot>();
    node.keys = keys;
    ws();
    if (text[i] === "}") return i++, node;
    for (;;) {
      ws();
      if (text[i] !== '"') {
        if (text[i] === "}" && keys.size > 0) fail("trailing comma before '}' is not allowed in JSON");
        if (text[i] === "'") fail("property names must be in double quotes, not single quotes");
        if (/[A-Za-z_$]/.test(text[i] ?? "")) fail("property names must be in double quotes");
        if (i >= n) fail(`unexpected end of the file: the '{' at ${fmt(open)} is not closed`);
        unexpected("a property name in double quotes");
      }
      const keyAt = i;
      const key = readString(true)!;
      segs.push(key);
      if (key === "__proto__") fail(PROTO_MESSAGE, keyAt);
      const previous = keys.get(key);
      if (previous !== undefined) {
        if (duplicates.length < MAX_DUPLICATES) duplicates.push({ path: pathHere(), key, offset: keyAt });
        else duplicatesOmitted++;
      }
      ws();
      if (text[i] !== ":") unexpected(`':' after the property name ${quoteKey(key)}`);
      i++;
      const slot = readValue(depth + 1, keyAt);
      // a duplicate that is a scalar keeps the positions inside an earlier container value
      keys.set(key, typeof slot === "number" && previous !== undefined && typeof previous !== "number" ? { ...previous, at: slot } : slot);
      meter.units++;
      ws();
      if (text[i] === "," || text[i] === "}") {
        segs.pop();
        if (text[i++] === "}") return node;
        continue;
      }
      if (i >= n) fail(`unexpected end of the file: the '{' at ${fmt(open)} is not closed`);
      if (text[i] === '"') fail(`expected ',' or '}' after the value of ${quoteKey(key)}, found '"' (missing comma?)`);
      unexpected(`',' or '}' after the value of ${quoteKey(key)}`);
    }
  };

  const readArray = (depth: number, node: Container): Container => {
    const open = i++;
    const items: Slot[] = [];
    node.items = items;
    ws();
    if (text[i] === "]") return i++, node;
    for (let k = 0; ; k++) {
      ws();
      if (text[i] === "]" && k > 0) fail("trailing comma before ']' is not allowed in JSON");
      segs.push(k);
      items.push(readValue(depth + 1));
      meter.units++;
      ws();
      if (text[i] === "," || text[i] === "]") {
        segs.pop();
        if (text[i++] === "]") return node;
        continue;
      }
      if (i >= n) fail(`unexpected end of the file: the '[' at ${fmt(open)} is not closed`);
      unexpected("',' or ']' after an array element");
    }
  };

  /** Reads one value; `keyAt` is where its property name starts (its position), if it has one. */
  const readValue = (depth: number, keyAt?: number): Slot => {
    ws();
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`);
    const start = i;
    const pos = keyAt ?? start;
    const c = text[i];
    if (c === "{") return readObject(depth, { at: pos });
    if (c === "[") return readArray(depth, { at: pos });
    if (c === '"') readString(false);
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) readNumber();
    else if (text.startsWith("true", i) || text.startsWith("null", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else if (c === "+" || c === ".") readNumber();
    else if (c === undefined || c === "/" || c === "," || c === "}" || c === "]" || c === ":") unexpected(VALUE_HINT);
    else readWord();
    if ((c === "t" || c === "f" || c === "n") && i < n && /[\w$]/.test(text[i])) {
      i = start;
      readWord();
    }
    return pos;
  };

  let root: Slot;
  try {
    ws();
    if (i >= n) fail(`the file is empty; expected a JSON object`);
    root = readValue(0);
    ws();
    if (i < n) fail(`unexpected ${found()} after the end of the JSON value`);
  } catch (err) {
    if (!(err instanceof Fail)) throw err;
    return { ok: false, error: { ...at(err.offset), message: err.message, path: err.path } };
  }
  const locate = (path: string): Position | undefined => {
    let slot: Slot | undefined = root;
    for (const seg of parseJsonPath(path) ?? [undefined]) {
      if (seg === undefined || typeof slot === "number") return undefined;
      slot = typeof seg === "number" ? slot.items?.[seg] : slot.keys?.get(seg);
      if (slot === undefined) return undefined;
    }
    return at(typeof slot === "number" ? slot : slot.at);
  };
  return {
    ok: true,
    layout: { locate, duplicates: duplicates.map((d) => ({ ...at(d.offset), path: d.path, key: d.key })), duplicatesOmitted },
  };
}
