/** Reading a results folder from disk: the Node side of parseResultFiles (files/read.ts). */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ResultsFolderError, parseResultFiles, type ResultObjects } from "../files/read.js";

/** A results folder as read: its result objects and where it is. */
export interface ResultsFolder extends ResultObjects {
  dir: string;
}

/** Reads the results folder `dir`, or throws a ResultsFolderError saying what is wrong with it. */
export function readResultsFolder(dir: string): ResultsFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ResultsFolderError(`${dir}: no such results folder`);
  const objects = parseResultFiles({ where: dir, read: (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : undefined) });
  return { dir, ...objects };
}
