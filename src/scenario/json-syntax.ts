/**
 * A small JSON scanner: finds the first syntax error with its line, column and JSON path, in
 * words a person can act on (V8's JSON.parse messages sometimes carry no position at all), and
 * records where each path of a valid file starts and which keys are duplicated.
 */
import { childPath } from "./json-path.js";

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
  duplicates: DuplicateKey[];
}

/** Result of scanning: the layout of valid JSON, or the first syntax error. */
export type JsonScan = { ok: true; layout: JsonLayout } | { ok: false; error: JsonSyntaxError };

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const VALUE_HINT = "a value (a string in double quotes, a number, true, false, null, an object or an array)";

class Fail {
  constructor(readonly offset: number, readonly message: string, readonly path: string) {}
}

/** Line starts of a text, for turning offsets into positions. */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
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

/** Scans JSON text (a leading byte-order mark is skipped). */
export function scanJson(text: string): JsonScan {
  const at = lineIndex(text);
  const offsets = new Map<string, number>();
  const duplicates: { path: string; key: string; offset: number }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const found = (): string => {
    if (i >= text.length) return "the end of the file";
    const c = text[i];
    return c === "\n" || c === "\r" ? "the end of the line" : `'${c}'`;
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const fail = (message: string, path: string, offset = i): never => {
    throw new Fail(offset, message, path);
  };
  const unexpected = (expected: string, path: string): never => {
    if (text.startsWith("//", i) || text.startsWith("/*", i))
      return fail(`comments are not allowed in JSON (put notes in a "$comment" key); expected ${expected}`, path);
    if (i >= text.length) return fail(`unexpected end of the file; expected ${expected}`, path);
    return fail(`expected ${expected}, found ${found()}`, path);
  };

  const readString = (path: string): string => {
    const start = i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("invalid \\u escape: expected 4 hex digits", path);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`invalid escape '\\${e ?? ""}' in a string (use \\\\ for a backslash)`, path);
      } else if (c < 32) {
        fail("unterminated string: a line break or control character inside a string (missing closing '\"'?)", path, start);
      } else i++;
    }
    return fail("unterminated string: no closing '\"' before the end of the file", path, start);
  };

  const readWord = (path: string): never => {
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    const word = m?.[0] ?? text[i];
    if (word === "NaN" || word === "Infinity" || word === "undefined")
      return fail(`${word} is not a JSON value; expected ${VALUE_HINT}`, path);
    if (text[i] === "'") return fail("strings must be in double quotes, not single quotes", path);
    return fail(`unexpected ${m ? `word "${word}"` : found()}; expected ${VALUE_HINT}`, path);
  };

  const readNumber = (path: string) => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    const next = m ? text[i + m[0].length] : undefined;
    if (!m || (next !== undefined && /[\w.+-]/.test(next))) {
      const bad = /^[-+\w.]+/.exec(text.slice(i))?.[0] ?? text[i];
      fail(`invalid number "${bad}" (JSON numbers have no leading zeros, '+' sign, hex or trailing '.')`, path);
    }
    i += m![0].length;
  };

  const readObject = (path: string, depth: number) => {
    const open = i++;
    const seen = new Set<string>();
    ws();
    if (text[i] === "}") return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') {
        if (text[i] === "}" && seen.size > 0) fail("trailing comma before '}' is not allowed in JSON", path);
        if (text[i] === "'") fail("property names must be in double quotes, not single quotes", path);
        if (/[A-Za-z_$]/.test(text[i] ?? "")) fail("property names must be in double quotes", path);
        if (i >= text.length) fail(`unexpected end of the file: the '{' at ${fmt(open)} is not closed`, path);
        unexpected("a property name in double quotes", path);
      }
      const keyAt = i;
      const key = readString(path);
      const child = childPath(path, key);
      if (seen.has(key)) duplicates.push({ path: child, key, offset: keyAt });
      seen.add(key);
      offsets.set(child, keyAt);
      ws();
      if (text[i] !== ":") unexpected(`':' after the property name "${key}"`, child);
      i++;
      readValue(child, depth + 1);
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "}") return void i++;
      if (i >= text.length) fail(`unexpected end of the file: the '{' at ${fmt(open)} is not closed`, child);
      if (text[i] === '"') fail(`expected ',' or '}' after the value of "${key}", found '"' (missing comma?)`, child);
      unexpected(`',' or '}' after the value of "${key}"`, child);
    }
  };

  const readArray = (path: string, depth: number) => {
    const open = i++;
    ws();
    if (text[i] === "]") return void i++;
    for (let n = 0; ; n++) {
      ws();
      if (text[i] === "]" && n > 0) fail("trailing comma before ']' is not allowed in JSON", path);
      const child = childPath(path, n);
      readValue(child, depth + 1);
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") return void i++;
      if (i >= text.length) fail(`unexpected end of the file: the '[' at ${fmt(open)} is not closed`, child);
      unexpected("',' or ']' after an array element", child);
    }
  };

  const readValue = (path: string, depth: number) => {
    ws();
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`, path);
    const start = i;
    if (!offsets.has(path)) offsets.set(path, start);
    const c = text[i];
    if (c === "{") readObject(path, depth);
    else if (c === "[") readArray(path, depth);
    else if (c === '"') readString(path);
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) readNumber(path);
    else if (text.startsWith("true", i) || text.startsWith("null", i)) i += 4;
    else if (text.startsWith("false", i)) i += 5;
    else if (c === "+" || c === ".") readNumber(path);
    else if (c === undefined || c === "/" || c === "," || c === "}" || c === "]" || c === ":") unexpected(VALUE_HINT, path);
    else readWord(path);
    if (c === "t" || c === "f" || c === "n") {
      const next = text[i];
      if (next !== undefined && /[\w$]/.test(next)) {
        i = start;
        readWord(path);
      }
    }
  };
  const fmt = (offset: number) => {
    const p = at(offset);
    return `line ${p.line}, column ${p.column}`;
  };

  try {
    ws();
    if (i >= text.length) fail(`the file is empty; expected a JSON object`, "$");
    readValue("$", 0);
    ws();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON value`, "$");
  } catch (err) {
    if (!(err instanceof Fail)) throw err;
    return { ok: false, error: { ...at(err.offset), message: err.message, path: err.path } };
  }
  return {
    ok: true,
    layout: {
      locate: (path) => {
        const off = offsets.get(path);
        return off === undefined ? undefined : at(off);
      },
      duplicates: duplicates.map((d) => ({ ...at(d.offset), path: d.path, key: d.key })),
    },
  };
}
