/**
 * Pure path arithmetic for `extends` (forward slashes; no node:path, so resolving works in the
 * browser too): a base file is named relative to the file that extends it.
 */

/** Normalises "." and ".." segments and repeated slashes, keeping leading ".." of relative paths. */
export function normalizePath(path: string): string {
  const p = path.replace(/\\/g, "/");
  const absolute = p.startsWith("/");
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (seg !== ".." || !absolute) out.push(seg);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined || ".";
}

/** The directory part of a path ("." for a bare file name). */
export function dirnameOf(path: string): string {
  const p = path.replace(/\\/g, "/");
  const cut = p.lastIndexOf("/");
  if (cut < 0) return ".";
  return cut === 0 ? "/" : p.slice(0, cut);
}

/** Resolves `ref` (relative to the file `from`, or absolute) to a normalised path. */
export function resolveRelative(from: string, ref: string): string {
  const r = ref.replace(/\\/g, "/");
  if (r.startsWith("/") || /^[A-Za-z]:\//.test(r)) return normalizePath(r);
  return normalizePath(`${dirnameOf(from)}/${r}`);
}
