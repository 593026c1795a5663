/**
 * Reading an experiment folder from disk: the Node side of parseExperimentFiles (read.ts). As a
 * batch folder (node/read-folder.ts): manifest.json must be there and every file it lists must
 * match the size and SHA-256 it records; only regular files are read.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { EXPERIMENT_FILES, MANIFEST_FILE } from "../../files/folder-files.js";
import { MAX_READ_BYTES, readCheckedFolder } from "../../node/read-folder.js";
import { readRegular } from "../../node/regular-file.js";
import { isExperimentManifest, parseExperimentFiles, type ExperimentResults } from "../read.js";
import { ExperimentManifestSchema } from "../result-schema.js";

/** The files of an experiment folder read whole (runs.csv and datapackage.json are only checked). */
const PARSED = new Set<string>(EXPERIMENT_FILES);

/** Whether `dir` holds an experiment (its manifest.json, a regular file, says kind "experiment"). */
export function isExperimentFolder(dir: string): boolean {
  try {
    if (!statSync(dir).isDirectory()) return false;
    const bytes = readRegular(join(dir, MANIFEST_FILE), MAX_READ_BYTES);
    return bytes !== undefined && isExperimentManifest(bytes.toString("utf8"));
  } catch {
    return false; // not readable as a manifest: the batch reader says why
  }
}

/** Reads the experiment folder `dir`, or throws a ResultsFolderError saying what is wrong with it. */
export function readExperimentFolder(dir: string): ExperimentResults {
  const { texts } = readCheckedFolder(dir, ["experiment"], ExperimentManifestSchema, PARSED);
  return parseExperimentFiles({ where: dir, read: (name) => texts.get(name) });
}
