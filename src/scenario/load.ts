/**
 * Loading a scenario file from disk: the Node side of `resolveScenario`. The extends chain is
 * read asynchronously first (through readScenarioFile: regular files only, size-limited, strict
 * UTF-8), then resolved with the pure resolver.
 */
import { extendsTarget } from "./chain.js";
import { readScenarioFile } from "./read-file.js";
import { resolveScenario, type LoadedScenario } from "./resolve.js";

/** Reads a file, returning undefined when it does not exist and the Error when it is refused. */
async function readOrError(file: string): Promise<string | undefined | Error> {
  try {
    return await readScenarioFile(file);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Loads, merges and validates the scenario in `file` (throws ScenarioError listing every problem). */
export async function loadScenario(file: string): Promise<LoadedScenario> {
  const texts = new Map<string, string | undefined | Error>();
  for (let next: string | undefined = file; next !== undefined && !texts.has(next); ) {
    const text = await readOrError(next);
    texts.set(next, text);
    next = typeof text === "string" ? extendsTarget(next, text) : undefined;
  }
  return resolveScenario(file, (f) => {
    const t = texts.get(f);
    if (t instanceof Error) throw t;
    return t;
  });
}
