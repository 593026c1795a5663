/**
 * JSON paths as problems name them: `$.industries.biopharma.marketTrend`, `$.chain.matrix[2]`,
 * `$.attraction.promotionTeams["2019"]`.
 */

/** A path into a JSON value: object keys and array indices. */
export type PathSegments = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Appends one key or index to a formatted JSON path. */
export function childPath(parent: string, seg: PropertyKey): string {
  if (typeof seg === "number") return `${parent}[${seg}]`;
  if (typeof seg === "string" && PLAIN_KEY.test(seg)) return `${parent}.${seg}`;
  return `${parent}[${JSON.stringify(String(seg))}]`;
}

/** Formats path segments as a JSON path starting at `$`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(childPath, "$");
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
