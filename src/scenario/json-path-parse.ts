/**
 * Reading a formatted JSON path (`$.a.b`, `$.x[2]`, `$["odd key"]`, as json-path.ts writes them)
 * back into its keys and indices.
 */

const PLAIN_KEY = /[A-Za-z_$][\w$-]*/y;
const INDEX = /(\d+)\]/y;
const QUOTED = /"(?:[^"\\]|\\.)*"\]/y;

/** The keys and indices of a formatted JSON path, or undefined when it is not one. */
export function parseJsonPath(path: string): (string | number)[] | undefined {
  if (path[0] !== "$") return undefined;
  const segs: (string | number)[] = [];
  let i = 1;
  while (i < path.length) {
    const re = path[i] === "." ? PLAIN_KEY : path[i] === "[" ? (path[i + 1] === '"' ? QUOTED : INDEX) : undefined;
    if (re === undefined) return undefined;
    re.lastIndex = i + 1;
    const m = re.exec(path);
    if (!m) return undefined;
    if (re === PLAIN_KEY) segs.push(m[0]);
    else if (re === INDEX) segs.push(Number(m[1]));
    else segs.push(JSON.parse(m[0].slice(0, -1)) as string);
    i = re.lastIndex;
  }
  return segs;
}
