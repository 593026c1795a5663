/**
 * JSON paths, defined once. A path is a list of segments (object keys and array indices); its
 * one written form is `$.industries["health-management"].marketTrend`, `$.chain.matrix[2]`,
 * `$.attraction.promotionTeams["2019"]`: a key that is a JavaScript identifier follows a dot,
 * any other key is a JSON string in brackets, an index is a number in brackets. This form names
 * problems, posterior parameters and `--set` targets, and seeds the parameter streams (so it must
 * never change: every drawn value depends on it).
 */

/** A path into a JSON value: object keys and array indices. */
export type PathSegments = readonly (string | number)[];

/** Keys written after a dot; any other key is written as a bracketed JSON string. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends one key or index to a written JSON path. */
export function childPath(parent: string, seg: PropertyKey): string {
  if (typeof seg === "number") return `${parent}[${seg}]`;
  const key = String(seg);
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Writes path segments as a JSON path starting at `$`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(childPath, "$");
}

/** Reads a JSON string literal starting at text[at] (a double quote); returns the key and the index after it, or null. */
function readQuotedKey(text: string, at: number): { key: string; end: number } | null {
  let i = at + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  if (i >= text.length) return null;
  try {
    return { key: JSON.parse(text.slice(at, i + 1)) as string, end: i + 1 };
  } catch {
    return null;
  }
}

/**
 * Reads a JSON path into segments. `loose` also accepts keys with '-' after a dot
 * (`$.industries.health-management`), which some older files and tools wrote; the result is the
 * same segments. Returns null when the text is not a path.
 */
function readSegments(text: string, loose: boolean): (string | number)[] | null {
  if (!text.startsWith("$")) return null;
  const segs: (string | number)[] = [];
  const dotKey = loose ? /^[A-Za-z_$][A-Za-z0-9_$-]*/ : /^[A-Za-z_$][A-Za-z0-9_$]*/;
  let i = 1;
  while (i < text.length) {
    if (text[i] === ".") {
      const m = dotKey.exec(text.slice(i + 1));
      if (!m) return null;
      segs.push(m[0]);
      i += 1 + m[0].length;
    } else if (text[i] === "[" && text[i + 1] === '"') {
      const q = readQuotedKey(text, i + 1);
      if (!q || text[q.end] !== "]") return null;
      segs.push(q.key);
      i = q.end + 1;
    } else if (text[i] === "[") {
      const m = /^\[(0|[1-9][0-9]*)\]/.exec(text.slice(i));
      if (!m) return null;
      segs.push(Number(m[1]));
      i += m[0].length;
    } else return null;
  }
  return segs;
}

/** The segments of a JSON path written in the one form formatJsonPath writes, or null for anything else. */
export function parseJsonPath(text: string): (string | number)[] | null {
  const segs = readSegments(text, false);
  return segs !== null && formatJsonPath(segs) === text ? segs : null;
}

/**
 * Why `text` is not a JSON path in the written form, with the form to use when one is
 * recognisable (e.g. `$.industries.health-management` -> `$.industries["health-management"]`),
 * or null when it is one.
 */
export function jsonPathProblem(text: string): string | null {
  if (parseJsonPath(text) !== null) return null;
  const loose = readSegments(text, true);
  const example = '$.industries["health-management"].marketTrend';
  if (loose === null) return `"${text}" is not a JSON path (expected a path such as ${example})`;
  return `"${text}" is not written as the engine writes paths: write ${formatJsonPath(loose)}`;
}

/** The value at `path` inside `root`, or undefined when any step is missing. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (!Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** Whether `v` is a JSON object (not null, not an array). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
