/**
 * Loading a scenario file from disk: the Node side of `resolveScenario`. The extends chain is
 * read first (through readScenarioFile: regular files only, size-limited, strict UTF-8), then
 * resolved with the pure resolver.
 */
import { extendsTarget } from "./chain.js";
import { MAX_SCENARIO_BYTES, readScenarioFile } from "./read-file.js";
import { resolveScenario, type LoadedScenario } from "./resolve.js";

/** Largest total size of the files of one extends chain, in bytes (32 MiB: four files at the limit). */
export const MAX_CHAIN_BYTES = 4 * MAX_SCENARIO_BYTES;

/** Limits of a load (the defaults are the documented ones; tests lower them). */
export interface LoadOptions {
  /** largest total of the files of the extends chain, in bytes */
  maxChainBytes?: number;
}

/** Reads a file, returning undefined when it does not exist and the Error when it is refused. */
function readOrError(file: string): string | undefined | Error {
  try {
    return readScenarioFile(file);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** Loads, merges and validates the scenario in `file` (throws ScenarioError listing every problem). */
export async function loadScenario(file: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  const maxChainBytes = options.maxChainBytes ?? MAX_CHAIN_BYTES;
  const texts = new Map<string, string | undefined | Error>();
  let total = 0;
  for (let next: string | undefined = file; next !== undefined && !texts.has(next); ) {
    let text = readOrError(next);
    if (typeof text === "string" && (total += Buffer.byteLength(text)) > maxChainBytes)
      text = new Error(`the files of the extends chain up to this one add up to over ${maxChainBytes.toLocaleString("en-US")} bytes, the limit for a chain`);
    texts.set(next, text);
    next = typeof text === "string" ? extendsTarget(next, text) : undefined;
  }
  return resolveScenario(file, (f) => {
    const t = texts.get(f);
    if (t instanceof Error) throw t;
    return t;
  });
}
