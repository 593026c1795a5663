/**
 * What a dropped scenario file becomes. An invalid file shows its problems. A file that extends a
 * shipped scenario and changes only lever values (as the page's own scenario.json does) sets the
 * sliders over that base, so that the page's download round-trips. Any other valid file becomes
 * a base of its own (listed first in the picker, for this visit only).
 */
import type { Problem } from "../../src/scenario/errors.js";
import { formatJsonPath } from "../../src/scenario/json-path.js";
import { valueFor } from "../levers/lever-schema.js";
import { checkDropped, differingPaths, type ScenarioFiles } from "../scenarios.js";
import { baseView } from "./page-state.js";

/** What to do with a dropped file. */
export type DropAction =
  | { kind: "invalid"; file: string; problems: readonly Problem[] }
  | { kind: "levers"; file: string; base: string; levers: Record<string, number | string> }
  | { kind: "base"; file: string; key: string; outside: string[] };

/** Checks a dropped file and decides what it becomes; a new base is added to `files`. */
export function interpretDrop(files: ScenarioFiles, name: string, text: string): DropAction {
  const r = checkDropped(files, name, text);
  if (!r.ok) return { kind: "invalid", file: r.file, problems: r.problems };
  const parent = r.loaded.files[1];
  let outside: string[] = [];
  if (parent !== undefined && files.options.some((o) => o.file === parent && !o.dropped)) {
    const base = baseView(files, parent);
    const controlPaths = new Set(base.controls.map((c) => c.path.join("\u0000")));
    const levers: Record<string, number | string> = {};
    for (const c of base.controls) {
      const v = valueFor(c, r.loaded.scenario as unknown as Record<string, unknown>);
      if (typeof v === typeof c.base && v !== c.base) levers[c.id] = v as number | string;
      else if (typeof v !== typeof c.base) outside.push(formatJsonPath(c.path));
    }
    const skip = (p: string[]) => (p.length === 1 && (p[0] === "name" || p[0] === "description")) || controlPaths.has(p.join("\u0000"));
    outside = [...outside, ...differingPaths(r.loaded.raw, base.loaded.raw, skip).map(formatJsonPath)];
    if (outside.length === 0) return { kind: "levers", file: r.file, base: parent, levers };
  }
  const shipped = files.options.some((o) => o.file === r.file && !o.dropped);
  const key = shipped ? `dropped-${r.file}` : r.file;
  files.texts.set(key, text);
  files.addOption(key, true, { name: r.loaded.scenario.name, description: r.loaded.scenario.description ?? "" });
  files.sortOptions();
  return { kind: "base", file: r.file, key, outside };
}
