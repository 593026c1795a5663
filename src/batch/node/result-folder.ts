/**
 * The results folder as a whole, before a batch writes into it: --out must be a folder (or not
 * exist yet), and a new batch removes the result files of any earlier batch before its first run
 * (manifest.json first, so that the folder is never taken for a finished one), so that a folder
 * never shows results of another batch; a batch that is stopped before it finishes leaves a
 * folder without manifest.json, which `report` refuses.
 */
import { lstatSync, readdirSync, rmdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../scenario/input-error.js";
import { RESULT_FILES, SCENARIO_FOLDER } from "../files/folder-files.js";
import { syncFolder } from "./durable.js";
import { fileKind } from "./regular-file.js";

/** Throws an InputError naming `option` when `out` exists and is not a folder (a file, a FIFO...). */
export function checkOutFolder(out: string, option = "--out"): void {
  let st;
  try {
    st = statSync(out);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    if (code === "ENOTDIR") throw new InputError(`${option} ${out}: a part of the path is a file, not a folder`);
    throw new InputError(`${option} ${out}: cannot use it as the results folder (${code ?? (err as Error).message})`);
  }
  if (!st.isDirectory()) throw new InputError(`${option} ${out}: it is ${st.isFile() ? "a file" : fileKind(st)}, not a folder`);
}

/** Removes one entry of the folder if it is there; a folder where a file should be is refused. */
function remove(path: string): boolean {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return false;
  }
  if (st.isDirectory()) throw new InputError(`${path}: it is a folder where a result file belongs; move it out of the results folder`);
  rmSync(path, { force: true });
  return true;
}

/**
 * Removes the result files of an earlier batch from `dir` (manifest.json first, fsynced, then the
 * others, their temporary files, report.html and the scenarios/ copies); other files are left.
 * Returns how many files were removed.
 */
export function removeStaleResults(dir: string): number {
  let removed = 0;
  if (remove(join(dir, "manifest.json"))) {
    removed++;
    syncFolder(dir);
  }
  for (const name of RESULT_FILES) {
    if (remove(join(dir, name))) removed++;
    if (remove(join(dir, `${name}.tmp`))) removed++;
  }
  const scenarios = join(dir, SCENARIO_FOLDER);
  let st;
  try {
    st = lstatSync(scenarios);
  } catch {
    st = null;
  }
  if (st?.isDirectory()) {
    for (const entry of readdirSync(scenarios)) if (/\.json(\.tmp)?$/.test(entry) && remove(join(scenarios, entry))) removed++;
    try {
      rmdirSync(scenarios);
    } catch {
      // other files are in it: leave it
    }
  } else if (st) {
    rmSync(scenarios, { force: true });
    removed++;
  }
  if (removed > 0) syncFolder(dir);
  return removed;
}
