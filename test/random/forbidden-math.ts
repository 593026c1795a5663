/**
 * Scanner for transcendental math that is not bit-identical across runtimes: any Math.<name>
 * outside the allowed list, any other use of the Math object, and the `**` operator.
 * Comments and the text of string literals are blanked first (line numbers kept).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Math members that are exact (correctly rounded or integer) in every runtime. */
export const ALLOWED_MATH = new Set(["sqrt", "floor", "ceil", "abs", "min", "max", "imul", "trunc", "round", "sign", "fround", "clz32"]);

/** One forbidden use. */
export interface Offence {
  file: string;
  /** 1-based line */
  line: number;
  what: string;
}

/**
 * Source with comments and string/template text replaced by spaces (newlines kept, quotes
 * kept); `${...}` inside templates stays code. Regex literals are not recognised.
 */
export function blankCommentsAndStrings(src: string): string {
  const out = src.split("");
  const blank = (i: number) => {
    if (out[i] !== "\n") out[i] = " ";
  };
  // Stack of open template literals, each with the brace depth of its current `${` expression.
  const templates: number[] = [];
  let braceDepth = 0;
  let i = 0;
  const n = src.length;
  const inTemplateText = () => templates.length > 0 && templates[templates.length - 1] === -1;
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (inTemplateText()) {
      if (c === "\\") {
        blank(i);
        blank(i + 1);
        i += 2;
      } else if (c === "`") {
        templates.pop();
        i++;
      } else if (c === "$" && d === "{") {
        templates[templates.length - 1] = braceDepth;
        braceDepth++;
        i += 2;
      } else {
        blank(i);
        i++;
      }
      continue;
    }
    if (c === "/" && d === "/") {
      while (i < n && src[i] !== "\n") blank(i++);
    } else if (c === "/" && d === "*") {
      blank(i++);
      blank(i++);
      while (i < n && !(src[i] === "*" && src[i + 1] === "/")) blank(i++);
      if (i < n) {
        blank(i++);
        blank(i++);
      }
    } else if (c === '"' || c === "'") {
      i++;
      while (i < n && src[i] !== c && src[i] !== "\n") {
        if (src[i] === "\\") blank(i++);
        blank(i++);
      }
      i++;
    } else if (c === "`") {
      templates.push(-1);
      i++;
    } else if (c === "{") {
      braceDepth++;
      i++;
    } else if (c === "}") {
      braceDepth--;
      if (templates.length > 0 && templates[templates.length - 1] === braceDepth) templates[templates.length - 1] = -1;
      i++;
    } else {
      i++;
    }
  }
  return out.join("");
}

/** Forbidden math in one file's source text. */
export function findForbiddenMath(src: string, file: string): Offence[] {
  const offences: Offence[] = [];
  const lines = blankCommentsAndStrings(src).split("\n");
  lines.forEach((text, idx) => {
    const line = idx + 1;
    for (const m of text.matchAll(/(?<![\w$])Math\b(\s*\.\s*([A-Za-z_$][\w$]*))?/g)) {
      const name = m[2];
      if (name === undefined) offences.push({ file, line, what: "use of the Math object other than Math.<allowed>" });
      else if (!ALLOWED_MATH.has(name)) offences.push({ file, line, what: `Math.${name}` });
    }
    if (/\*\*/.test(text)) offences.push({ file, line, what: "`**` operator (use pow from src/random/math.ts)" });
  });
  return offences;
}

/** All .ts files under dir (recursively); none when dir does not exist. */
export function tsFilesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries.sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files.push(...tsFilesUnder(p));
    else if (e.endsWith(".ts")) files.push(p);
  }
  return files;
}

/** Forbidden math in every .ts file under the given directories, files named relative to root. */
export function scanForForbiddenMath(root: string, dirs: readonly string[]): { files: string[]; offences: Offence[] } {
  const files = dirs.flatMap((d) => tsFilesUnder(join(root, d)));
  const offences = files.flatMap((f) => findForbiddenMath(readFileSync(f, "utf8"), relative(root, f)));
  return { files, offences };
}

/** "file:line: what" lines for a failure message. */
export function formatOffences(offences: readonly Offence[]): string {
  return offences.map((o) => `${o.file}:${o.line}: ${o.what}`).join("\n");
}
