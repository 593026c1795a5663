/**
 * Reading a results folder from disk: the Node side of parseResultFiles (files/read.ts). The
 * folder must be finished and intact: manifest.json (written last) is there and every file it
 * lists is a regular file inside the folder with the size and SHA-256 the manifest records;
 * otherwise a ResultsFolderError (exit 2) names the file. Only regular files are read (a FIFO,
 * a device or a symlink is refused at once), JSON and yearly.csv up to MAX_READ_BYTES.
 */
import { closeSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { z } from "zod";
import { MANIFEST_FILE, isFolderPath, requiredFiles, type FolderKindName } from "../files/folder-files.js";
import { ResultsFolderError, parseResultFiles, parseResultJson, type ResultObjects } from "../files/read.js";
import { ManifestSchema, type FolderFile } from "../files/schemas.js";
import { LOCK_FILE, lockHeld, readLock } from "./folder-lock.js";
import { SpecialFileError, fileKind, openRegular, readAt, readRegular } from "./regular-file.js";

/** Largest result file read whole (manifest.json, summary.json, comparison.json, yearly.csv), bytes. */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

/** The files parsed besides manifest.json (read whole); the others are only checked. */
const PARSED = new Set(["summary.json", "yearly.csv", "comparison.json"]);

/** A results folder as read: its result objects and where it is. */
export interface ResultsFolder extends ResultObjects {
  dir: string;
}

/** The manifest's path of `dir`, for messages. */
const at = (dir: string, name: string) => `${dir}/${name}`;

/** Reads a file through the regular-file checks, turning a refusal into a ResultsFolderError. */
function readChecked(dir: string, name: string, limit: number): Buffer | undefined {
  try {
    return readRegular(join(dir, name), limit);
  } catch (err) {
    if (err instanceof SpecialFileError) throw new ResultsFolderError(err.message);
    throw err;
  }
}

/** The SHA-256 of a listed file read in chunks (no limit: runs.csv may be large), checking its size first. */
function hashFile(dir: string, f: FolderFile): string {
  let opened;
  try {
    opened = openRegular(join(dir, f.path));
  } catch (err) {
    throw new ResultsFolderError(err instanceof SpecialFileError ? err.message : String(err));
  }
  if (!opened) throw new ResultsFolderError(`${at(dir, f.path)} is missing, but manifest.json lists it: the folder is incomplete`);
  try {
    checkSize(dir, f, opened.stats.size);
    const hash = createHash("sha256");
    for (let pos = 0; pos < f.bytes; ) {
      const chunk = readAt(opened.fd, Math.min(1 << 20, f.bytes - pos), pos);
      if (chunk.length === 0) break;
      hash.update(chunk);
      pos += chunk.length;
    }
    return hash.digest("hex");
  } finally {
    closeSync(opened.fd);
  }
}

/** Throws when a file's size differs from its manifest entry. */
function checkSize(dir: string, f: FolderFile, size: number): void {
  if (size !== f.bytes)
    throw new ResultsFolderError(`${at(dir, f.path)} does not match manifest.json: it is ${size.toLocaleString("en-US")} bytes, the manifest says ${f.bytes.toLocaleString("en-US")} (it was cut or changed after the batch wrote it)`);
}

/** Throws when a file's hash differs from its manifest entry. */
function checkHash(dir: string, f: FolderFile, sha256: string): void {
  if (sha256 !== f.sha256) throw new ResultsFolderError(`${at(dir, f.path)} does not match manifest.json: its SHA-256 differs from the one recorded (it was changed after the batch wrote it)`);
}

/** What a manifest lists: its kind, its files, and (batch folders) the resolved scenarios' paths. */
interface Listing {
  kind: string;
  files: readonly FolderFile[];
  scenarios?: readonly { name: string; resolved: string }[];
}

/** Checks the manifest's file list: paths inside the folder, no duplicates, every file the folder needs. */
function checkListing(dir: string, manifest: Listing): void {
  const seen = new Set<string>();
  for (const f of manifest.files) {
    if (!isFolderPath(f.path)) throw new ResultsFolderError(`${at(dir, MANIFEST_FILE)} lists ${JSON.stringify(f.path)}, which is not a file of a results folder (only result files and scenarios/<name>.json inside the folder)`);
    if (seen.has(f.path)) throw new ResultsFolderError(`${at(dir, MANIFEST_FILE)} lists ${JSON.stringify(f.path)} twice`);
    seen.add(f.path);
  }
  const missing = requiredFiles(manifest.kind as FolderKindName).filter((p) => !seen.has(p));
  if (missing.length > 0) throw new ResultsFolderError(`${at(dir, MANIFEST_FILE)} does not list ${missing.join(", ")}, which a ${manifest.kind} folder holds`);
  for (const s of manifest.scenarios ?? [])
    if (!isFolderPath(s.resolved) || !s.resolved.startsWith("scenarios/")) throw new ResultsFolderError(`${at(dir, MANIFEST_FILE)}: scenario ${JSON.stringify(s.name)} names ${JSON.stringify(s.resolved)}, not a file scenarios/<name>.json inside the folder`);
}

/** Why there is no manifest: the batch did not finish, or is running now. */
function noManifest(dir: string): ResultsFolderError {
  const lock = readLock(join(dir, LOCK_FILE));
  const running = lockHeld(lock) ? `; a batch is writing it now (pid ${lock!.pid})` : "; run the batch's command again to finish it";
  return new ResultsFolderError(`${dir} is not a finished clustersim results folder: ${MANIFEST_FILE} is missing (the batch did not finish writing its files${running})`);
}

/**
 * Reads the finished folder `dir` through its manifest.json (of one of `kinds`, checked with
 * `schema`): every listed file must match its size and SHA-256; the files in `parsed` are read
 * whole and returned as texts (with manifest.json's), the others only checked.
 */
export function readCheckedFolder<S extends z.ZodType<Listing>>(dir: string, kinds: readonly string[], schema: S, parsed: ReadonlySet<string>): { manifest: z.infer<S>; texts: Map<string, string> } {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new ResultsFolderError(`${dir}: no such results folder`);
  }
  if (!st.isDirectory()) throw new ResultsFolderError(`${dir}: it is ${st.isFile() ? "a file" : fileKind(st)}, not a results folder`);
  const manifestBytes = readChecked(dir, MANIFEST_FILE, MAX_READ_BYTES);
  if (manifestBytes === undefined) throw noManifest(dir);
  const manifestText = manifestBytes.toString("utf8");
  const manifest = parseResultJson(at(dir, MANIFEST_FILE), manifestText, kinds, schema);
  checkListing(dir, manifest);
  const texts = new Map<string, string>([[MANIFEST_FILE, manifestText]]);
  for (const f of manifest.files) {
    if (parsed.has(f.path)) {
      const bytes = readChecked(dir, f.path, MAX_READ_BYTES);
      if (bytes === undefined) throw new ResultsFolderError(`${at(dir, f.path)} is missing, but manifest.json lists it: the folder is incomplete`);
      checkSize(dir, f, bytes.length);
      checkHash(dir, f, createHash("sha256").update(bytes).digest("hex"));
      texts.set(f.path, bytes.toString("utf8"));
    } else checkHash(dir, f, hashFile(dir, f));
  }
  return { manifest, texts };
}

/** Reads and checks the results folder `dir`, or throws a ResultsFolderError saying what is wrong with it. */
export function readResultsFolder(dir: string): ResultsFolder {
  const { texts } = readCheckedFolder(dir, ["batch", "comparison"], ManifestSchema, PARSED);
  const objects = parseResultFiles({ where: dir, read: (name) => texts.get(name) });
  return { dir, ...objects };
}
