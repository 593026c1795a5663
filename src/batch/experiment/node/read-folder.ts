/** Reading an experiment folder from disk: the Node side of parseExperimentFiles (read.ts). */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ResultsFolderError } from "../../files/read.js";
import { isExperimentManifest, parseExperimentFiles, type ExperimentResults } from "../read.js";

/** A file of the folder, or undefined when it is not there. */
const reader = (dir: string) => (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : undefined);

/** Whether `dir` holds an experiment (its manifest.json says kind "experiment"). */
export function isExperimentFolder(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && isExperimentManifest(reader(dir)("manifest.json"));
}

/** Reads the experiment folder `dir`, or throws a ResultsFolderError saying what is wrong with it. */
export function readExperimentFolder(dir: string): ExperimentResults {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ResultsFolderError(`${dir}: no such results folder`);
  return parseExperimentFiles({ where: dir, read: reader(dir) });
}
