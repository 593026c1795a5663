/**
 * Loading a scenario file from disk: the Node side of `resolveScenario`. The extends chain is
 * read asynchronously first, then resolved with the pure resolver.
 */
import { readFile } from "node:fs/promises";
import { extendsTarget } from "./chain.js";
import { resolveScenario, type LoadedScenario } from "./resolve.js";

/** Reads a file, returning undefined when it does not exist and an Error for other failures. */
async function readOrMissing(file: string): Promise<string | undefined | Error> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "EISDIR") return new Error("it is a directory, not a file");
    return new Error(code ?? (err as Error).message);
  }
}

/** Loads, merges and validates the scenario in `file` (throws ScenarioError listing every problem). */
export async function loadScenario(file: string): Promise<LoadedScenario> {
  const texts = new Map<string, string | undefined | Error>();
  for (let next: string | undefined = file; next !== undefined && !texts.has(next); ) {
    const text = await readOrMissing(next);
    texts.set(next, text);
    next = typeof text === "string" ? extendsTarget(next, text) : undefined;
  }
  return resolveScenario(file, (f) => {
    const t = texts.get(f);
    if (t instanceof Error) throw t;
    return t;
  });
}
