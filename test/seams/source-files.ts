/** The source files of src/ with their import specifiers (static, re-exports and dynamic imports), read with TypeScript's own pre-processor. */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SRC = join(ROOT, "src");

/** One source file: its path relative to the root (forward slashes), its text and what it imports. */
export interface SourceFile {
  file: string;
  text: string;
  /** raw specifiers, e.g. "../model/run.js", "node:fs", "zod" */
  specifiers: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** Every .ts file under src/, sorted. */
export function sourceFiles(): SourceFile[] {
  return walk(SRC)
    .sort()
    .map((abs) => {
      const text = readFileSync(abs, "utf8");
      const info = ts.preProcessFile(text, true, true);
      return { file: relative(ROOT, abs).split("\\").join("/"), text, specifiers: info.importedFiles.map((f) => f.fileName) };
    });
}

/** The src/ file a relative specifier names (".js" written for ".ts"), relative to the root; null for packages and node: builtins. */
export function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const abs = resolve(dirname(join(ROOT, from)), specifier).replace(/\.js$/, ".ts");
  return relative(ROOT, abs).split("\\").join("/");
}
