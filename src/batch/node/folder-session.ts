/**
 * The life of a results folder around one batch or experiment (runBatchFolder and
 * runExperimentFolder alike): check --out, take the folder's lock, open its checkpoint (an
 * existing one must be this plan's), remove the result files of any earlier batch before the
 * first run; at the end write the result files through a folder sink (each whole, fsynced,
 * renamed into place) and manifest.json last, listing them with their sizes and SHA-256. An
 * abort during the writes, or a failure, leaves the checkpoint intact and no manifest.json.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../scenario/input-error.js";
import { MANIFEST_FILE } from "../files/folder-files.js";
import { writeText } from "../files/sink.js";
import type { BatchPlan } from "../plan.js";
import { CHECKPOINT_FILE, FileStore } from "./file-store.js";
import { folderSink, type FolderSink, type WrittenFile } from "./file-sink.js";
import { lockFolder } from "./folder-lock.js";
import { checkOutFolder, removeStaleResults } from "./result-folder.js";

/** A results folder held by this process: its open checkpoint; release() unlocks it (after closing the store). */
export interface HeldFolder {
  store: FileStore;
  release(): void;
}

/**
 * Checks and locks `out`, opens its checkpoint for `plan` and removes stale result files. With
 * `resume`, a checkpoint must be there. `onNote` hears what was repaired in the checkpoint.
 */
export function holdFolder(out: string, plan: BatchPlan, resume: boolean, onNote?: (text: string) => void): HeldFolder {
  checkOutFolder(out);
  if (resume && !existsSync(join(out, CHECKPOINT_FILE))) throw new InputError(`${join(out, CHECKPOINT_FILE)}: nothing to resume (no checkpoint in ${out})`);
  mkdirSync(out, { recursive: true });
  const lock = lockFolder(out);
  let store: FileStore | null = null;
  try {
    store = FileStore.open(out, plan, resume, onNote);
    removeStaleResults(out);
  } catch (err) {
    store?.close();
    lock.release();
    throw err;
  }
  return { store, release: () => lock.release() };
}

/**
 * Writes the result files with `write` into a sink of `out`, then manifest.json made by
 * `manifestOf` from the files written. Returns what `write` returned, or null when `signal`
 * stopped the writes (the temporary files are removed; no manifest.json).
 */
export async function writeFolder<T>(out: string, signal: AbortSignal | undefined, write: (sink: FolderSink) => Promise<T>, manifestOf: (files: readonly WrittenFile[]) => unknown): Promise<{ value: T } | null> {
  const sink = folderSink(out, signal);
  try {
    const value = await write(sink);
    const manifest = manifestOf([...sink.written]);
    await writeText(sink, MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
    sink.syncFolders();
    return { value };
  } catch (err) {
    sink.removeTemporary();
    if (signal?.aborted) return null;
    throw err;
  }
}
