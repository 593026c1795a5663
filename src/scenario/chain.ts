/**
 * Reading a scenario file and the chain of base files it `extends` (leaf first): each file is
 * scanned for syntax errors and duplicate keys and parsed; missing files and cycles are
 * reported naming the files involved.
 */
import type { Problem } from "./errors.js";
import { FileTextError } from "./file-text.js";
import { isJsonObject } from "./json-path.js";
import { MAX_DUPLICATES, scanJson, type JsonLayout, type WorkMeter } from "./json-syntax.js";
import { normalizePath, resolveRelative } from "./paths.js";
import { describeValue } from "./zod-issues.js";

/** Reads a file's text; undefined when it does not exist (other failures throw; a FileTextError is reported in the file itself). */
export type ReadText = (file: string) => string | undefined;

/** Resolves a base file named in `extends` against the file that names it. */
export type ResolvePath = (fromFile: string, ref: string) => string;

/** One parsed file of an extends chain. */
export interface ChainFile {
  file: string;
  /** the file's own JSON, as written (meta keys included) */
  json: Record<string, unknown>;
  layout: JsonLayout;
}

/** The chain read so far and the problems found; `complete` is false when reading had to stop. */
export interface ChainResult {
  chain: ChainFile[];
  problems: Problem[];
  complete: boolean;
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The base file a scenario text extends, if it names one (for prefetching; no validation). */
export function extendsTarget(file: string, text: string, resolvePath: ResolvePath = resolveRelative): string | undefined {
  try {
    const json: unknown = JSON.parse(stripBom(text));
    return isJsonObject(json) && typeof json.extends === "string" ? resolvePath(file, json.extends) : undefined;
  } catch {
    return undefined;
  }
}

/** Parses one file's text, or returns the problem that stops it. */
function parseFile(file: string, text: string, meter?: WorkMeter): ChainFile | Problem {
  const scan = scanJson(text, meter);
  if (!scan.ok) {
    const { line, column, message, path } = scan.error;
    return { file, jsonPath: path, line, column, message: `invalid JSON: ${message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(stripBom(text));
  } catch (err) {
    return { file, jsonPath: "$", message: `invalid JSON: ${(err as Error).message}` };
  }
  if (!isJsonObject(json)) {
    const message = `expected a JSON object at the top level (found ${describeValue(json)})`;
    return { file, jsonPath: "$", line: 1, column: 1, message };
  }
  return { file, json, layout: scan.layout };
}

/** Reads `file` and every base file it extends, leaf first; `meter` counts the work (files, characters). */
export function readChain(file: string, readText: ReadText, resolvePath: ResolvePath = resolveRelative, meter: WorkMeter = { units: 0 }): ChainResult {
  const chain: ChainFile[] = [];
  /** where each file (by normalised path) is in the chain */
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  const stop = (p: Problem): ChainResult => ({ chain, problems: [...problems, p], complete: false });
  let current = file;
  for (;;) {
    const parent = chain[chain.length - 1];
    const viaExtends = (message: string): Problem =>
      parent
        ? { file: parent.file, jsonPath: "$.extends", ...parent.layout.locate("$.extends"), message }
        : { file: current, jsonPath: "$", message };
    const key = normalizePath(current);
    meter.units += 1 + key.length;
    const seenAt = seen.get(key) ?? -1;
    if (seenAt >= 0) {
      const cycle = [...chain.slice(seenAt).map((c) => c.file), current].join(" -> ");
      return stop(viaExtends(`extends cycle: ${cycle}`));
    }
    let text: string | undefined;
    try {
      text = readText(current);
    } catch (err) {
      if (err instanceof FileTextError) return stop({ file: current, jsonPath: "$", line: err.line, column: err.column, message: err.message });
      return stop(viaExtends(`cannot read ${parent ? `base file "${current}"` : "the file"}: ${(err as Error).message}`));
    }
    if (text === undefined) return stop(viaExtends(parent ? `base file "${current}" not found` : "file not found"));
    const parsed = parseFile(current, text, meter);
    if (!("json" in parsed)) return stop(parsed);
    seen.set(key, chain.length);
    chain.push(parsed);
    for (const d of parsed.layout.duplicates)
      problems.push({
        file: current,
        jsonPath: d.path,
        line: d.line,
        column: d.column,
        message: `duplicate key ${JSON.stringify(d.key)} (only the last one would count; remove the other)`,
      });
    if (parsed.layout.duplicatesOmitted > 0)
      problems.push({ file: current, jsonPath: "$", message: `and ${parsed.layout.duplicatesOmitted} more duplicate keys (only the first ${MAX_DUPLICATES} are listed)` });
    const ext = parsed.json.extends;
    if (ext === undefined) return { chain, problems, complete: true };
    if (typeof ext !== "string" || ext === "") {
      const message = `expected a relative path to the base file (found ${describeValue(ext)})`;
      return stop({ file: current, jsonPath: "$.extends", ...parsed.layout.locate("$.extends"), message });
    }
    current = resolvePath(current, ext);
  }
}
