/**
 * Imports run one way (docs/formats.md and ARCHITECTURE): random -> scenario -> model -> analysis
 * -> batch -> report -> cli. A file may import its own folder or a lower one, never a higher one.
 * src/version.ts is shared by all; the entries (index.ts, core.ts, cli.ts) import anything and
 * are imported by no other file in src/ (index.ts re-exports core.ts).
 */
import { describe, expect, it } from "vitest";
import { resolveSpecifier, sourceFiles } from "./source-files.js";

/** The layers in import order. */
const LAYERS = ["random", "scenario", "model", "analysis", "batch", "report", "cli"] as const;
const SHARED = new Set(["src/version.ts"]);
const ENTRIES = new Set(["src/index.ts", "src/core.ts", "src/cli.ts"]);

/** A file's layer index, or null for shared files and type declarations. */
function layerOf(file: string): number | null {
  if (SHARED.has(file) || file.endsWith(".d.ts")) return null;
  if (ENTRIES.has(file)) return LAYERS.length;
  const folder = file.split("/")[1];
  const i = (LAYERS as readonly string[]).indexOf(folder);
  if (i < 0) throw new Error(`${file} is in no layer: add its folder to LAYERS (in import order)`);
  return i;
}

const files = sourceFiles();

describe("import direction", () => {
  it("reads every source file's imports", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.find((f) => f.file === "src/model/run.ts")!.specifiers).toContain("../scenario/schema.js");
  });

  it("no file imports a higher layer or an entry", () => {
    const wrong: string[] = [];
    for (const f of files) {
      const from = layerOf(f.file);
      for (const s of f.specifiers) {
        const target = resolveSpecifier(f.file, s);
        if (target === null) continue;
        const to = layerOf(target);
        if ((ENTRIES.has(target) && !ENTRIES.has(f.file)) || (from !== null && to !== null && to > from)) wrong.push(`${f.file} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the checker sees a violation: a batch file importing the CLI would be one", () => {
    expect(layerOf("src/batch/plan.ts")! < layerOf("src/cli/command.ts")!).toBe(true);
    expect(resolveSpecifier("src/batch/plan.ts", "../cli/command.js")).toBe("src/cli/command.ts");
  });
});
