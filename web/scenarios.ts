/**
 * The scenarios the page works with: the shipped files (fetched once when the page loads, from
 * scenarios/index.json beside the page), files the planner drops on the page, and the planner's
 * own overlay. All are resolved with the CLI's resolver and validated with the same zod schema,
 * so a problem reads as the CLI prints it (file:line:column: $.json.path: message).
 */
import { resolveScenario, type LoadedScenario } from "../src/scenario/resolve.js";
import { ScenarioError, type Problem } from "../src/scenario/errors.js";

/** A scenario file the page can pick as a base. */
export interface BaseOption {
  file: string;
  name: string;
  description: string;
  /** a file the planner dropped (not in the shipped set, not carried by links) */
  dropped: boolean;
}

/** The texts of every file the page knows, by bare file name. */
export class ScenarioFiles {
  readonly texts = new Map<string, string>();
  readonly options: BaseOption[] = [];

  /** Fetches scenarios/index.json and every file it lists (relative to `root`, the page's folder). */
  static async load(root: URL): Promise<ScenarioFiles> {
    const index = await fetch(new URL("scenarios/index.json", root));
    if (!index.ok) throw new Error(`scenarios/index.json: HTTP ${index.status}`);
    const { files } = (await index.json()) as { files: string[] };
    const out = new ScenarioFiles();
    await Promise.all(
      files.map(async (f) => {
        const r = await fetch(new URL(`scenarios/${f}`, root));
        if (!r.ok) throw new Error(`scenarios/${f}: HTTP ${r.status}`);
        out.texts.set(f, await r.text());
      }),
    );
    for (const f of files) out.addOption(f, false);
    out.sortOptions();
    return out;
  }

  /** Adds a file to the base options, with the name and description given or read from its JSON. */
  addOption(file: string, dropped: boolean, known?: { name: string; description: string }): void {
    const json = safeJson(this.texts.get(file));
    const name = known?.name ?? json?.name;
    if (typeof name !== "string") return;
    const i = this.options.findIndex((o) => o.file === file);
    const description = known?.description ?? (typeof json?.description === "string" ? json.description : "");
    const option = { file, name, description, dropped };
    if (i >= 0) this.options[i] = option;
    else this.options.push(option);
  }

  /** Baseline first, then the lever scenarios, the district's own, and the rest by name. */
  sortOptions(): void {
    const rank = (o: BaseOption) => (o.dropped ? 0 : o.name === "baseline" ? 1 : o.name.startsWith("lever-") ? 2 : o.name === "no-plan" ? 3 : o.name.startsWith("wenjiang") ? 4 : 5);
    this.options.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  }

  /** Resolves a file (and its extends chain) among the known texts, with extra texts taking precedence. */
  resolve(file: string, extra: Record<string, string> = {}): LoadedScenario {
    return resolveScenario(file, (f) => (Object.hasOwn(extra, f) ? extra[f] : this.texts.get(f)));
  }
}

/** The parsed JSON object of a text, or null. */
function safeJson(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    const v: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What checking a dropped file found: the resolved scenario, or its problems. */
export type DropResult = { ok: true; loaded: LoadedScenario; file: string } | { ok: false; file: string; problems: readonly Problem[] };

/** Validates a dropped file's text against the known files (its `extends` may name a shipped file beside it). */
export function checkDropped(files: ScenarioFiles, name: string, text: string): DropResult {
  const file = name.replace(/^.*[\\/]/, "") || "dropped.json";
  try {
    return { ok: true, file, loaded: files.resolve(file, { [file]: text }) };
  } catch (err) {
    if (err instanceof ScenarioError) return { ok: false, file, problems: err.problems };
    return { ok: false, file, problems: [{ file, jsonPath: "$", message: err instanceof Error ? err.message : String(err) }] };
  }
}

/** JSON paths where two JSON values differ (objects key by key; anything else whole), excluding paths under `skip`. */
export function differingPaths(a: unknown, b: unknown, skip: (path: string[]) => boolean, path: string[] = []): string[][] {
  if (skip(path)) return [];
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (obj(a) && obj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differingPaths(a[k], b[k], skip, [...path, k]));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}
