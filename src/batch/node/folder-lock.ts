/**
 * The lock of a results folder: batch.lock, created with exclusive create (O_EXCL) and holding
 * the holder's pid, host and start time. A second batch into the folder is refused (exit 2)
 * while the holder lives; a lock whose process is gone (a kill -9) is taken over. Taking over
 * renames the stale lock aside first and checks that what it renamed is the stale lock it read,
 * so two processes cannot both take it. The lock is removed when the batch ends, also on
 * process.exit (a second Ctrl-C).
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { InputError } from "../../scenario/input-error.js";
import { writeAll } from "./durable.js";
import { describeErrno, readRegular } from "./regular-file.js";

/** File name of the lock inside a results folder. */
export const LOCK_FILE = "batch.lock";

/** What a lock file says. */
export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

/** A lock held by this process. */
export interface FolderLock {
  readonly file: string;
  release(): void;
}

/** Whether process `pid` exists on this host (EPERM: it exists, owned by another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock file's content, or null when it is missing, empty or not a lock (a kill between create and write). */
export function readLock(file: string): LockInfo | null {
  let text: Buffer | undefined;
  try {
    text = readRegular(file, 4096);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const info = JSON.parse(text.toString("utf8")) as LockInfo;
    return Number.isSafeInteger(info.pid) && info.pid > 0 && typeof info.host === "string" ? info : null;
  } catch {
    return null;
  }
}

/** Whether a lock is held by a live process (on another host: assumed held). */
export function lockHeld(info: LockInfo | null): boolean {
  if (info === null) return false;
  return info.host !== hostname() || alive(info.pid);
}

const locks = new Set<string>();
let exitHook = false;

/** Creates the lock file with O_EXCL; false when it exists. */
function create(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new Error(`cannot create ${file}, the lock of the results folder: ${describeErrno(err)}`);
  }
  try {
    writeAll(fd, Buffer.from(`${JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() } satisfies LockInfo)}\n`));
    fsyncSync(fd);
  } catch (err) {
    rmSync(file, { force: true });
    throw new Error(`cannot write ${file}, the lock of the results folder: ${describeErrno(err)}`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The refusal of a folder whose lock is held. */
function refusal(dir: string, info: LockInfo): InputError {
  const where = info.host === hostname() ? `pid ${info.pid}` : `pid ${info.pid} on ${info.host}`;
  return new InputError(`${dir} is in use by another clustersim batch (${where}, started ${info.startedAt}; lock ${join(dir, LOCK_FILE)}): wait for it to finish, or choose another --out`);
}

/** Takes the lock of `dir` (which must exist), or throws an InputError when another live process holds it. */
export function lockFolder(dir: string): FolderLock {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file)) return held(file);
    const info = readLock(file);
    if (lockHeld(info)) throw refusal(dir, info!);
    // stale (its process is gone) or unreadable: move it aside, and check that it was the one read
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // someone else moved it first
    }
    const moved = readLock(aside);
    if (lockHeld(moved)) {
      try {
        linkSync(aside, file); // put back a live lock taken by mistake (fails if a new one is there)
      } catch {
        // a newer lock is in place
      }
      rmSync(aside, { force: true });
      throw refusal(dir, moved!);
    }
    rmSync(aside, { force: true });
  }
  const info = readLock(file);
  throw info ? refusal(dir, info) : new InputError(`${file}: cannot take the lock of the results folder (it keeps changing)`);
}

/** A held lock, removed on release or process exit. */
function held(file: string): FolderLock {
  locks.add(file);
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => {
      for (const f of locks) rmSync(f, { force: true });
    });
  }
  return {
    file,
    release() {
      if (!locks.delete(file)) return;
      rmSync(file, { force: true });
    },
  };
}
