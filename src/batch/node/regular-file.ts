/**
 * Opening the files of a results folder safely: only a regular file is opened (a FIFO, a device,
 * a socket, a directory or a symbolic link is refused at once, before it could block or read
 * forever), without following a symlink, and whole files are read only up to a stated size.
 * The same approach as src/scenario/read-file.ts (stat, open non-blocking, fstat again), for
 * the checkpoint, the result files, the lock and the seed list.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { InputError } from "../../scenario/input-error.js";

/** What kind of file, other than a regular file, `st` describes. */
export function fileKind(st: Stats): string {
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "a special file";
}

/** A Node file-system error as words, e.g. "no space left on the device (ENOSPC)". */
export function describeErrno(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EIO: "input/output error",
    EFBIG: "file too large",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    ELOOP: "it is a symbolic link",
    ENXIO: "it is a socket or a device, not a regular file",
    EISDIR: "it is a directory, not a regular file",
    ENOTDIR: "a part of the path is not a folder",
    ENAMETOOLONG: "the file name is too long",
  };
  if (e && typeof e === "object" && typeof e.code === "string") return `${words[e.code] ?? e.message} (${e.code})`;
  return err instanceof Error ? err.message : String(err);
}

/** A file that is there but is not a regular file (exit 2: bad input). */
export class SpecialFileError extends InputError {}

/** Options of openRegular. */
export interface OpenOptions {
  /** open for reading and writing (default: reading only) */
  write?: boolean;
  /** follow a symbolic link (default false: a results folder holds regular files only) */
  followSymlinks?: boolean;
}

/**
 * Opens `file` if it is a regular file: returns its descriptor and stats, or undefined when it
 * does not exist. Anything else (a FIFO, device, socket, directory, or a symlink unless
 * followSymlinks) throws a SpecialFileError naming the file and its kind, without blocking.
 */
export function openRegular(file: string, options: OpenOptions = {}): { fd: number; stats: Stats } | undefined {
  let st: Stats;
  try {
    st = options.followSymlinks ? statSync(file) : lstatSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new SpecialFileError(`${file}: cannot read it: ${describeErrno(err)}`);
  }
  if (!st.isFile()) throw new SpecialFileError(`${file}: it is ${fileKind(st)}, not a regular file`);
  let fd: number;
  try {
    const flags = (options.write ? constants.O_RDWR : constants.O_RDONLY) | (constants.O_NONBLOCK ?? 0) | (options.followSymlinks ? 0 : (constants.O_NOFOLLOW ?? 0));
    fd = openSync(file, flags);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new SpecialFileError(`${file}: cannot open it: ${describeErrno(err)}`);
  }
  const again = fstatSync(fd);
  if (!again.isFile()) {
    closeSync(fd);
    throw new SpecialFileError(`${file}: it is ${fileKind(again)}, not a regular file`);
  }
  return { fd, stats: again };
}

/** Reads `length` bytes at `position` (fewer only at the end of the file). */
export function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

/**
 * The bytes of the regular file `file`, or undefined when it does not exist; a file over `limit`
 * bytes, or anything but a regular file, throws a SpecialFileError naming it.
 */
export function readRegular(file: string, limit: number, options: Omit<OpenOptions, "write"> = {}): Buffer | undefined {
  const opened = openRegular(file, options);
  if (!opened) return undefined;
  try {
    const size = opened.stats.size;
    if (size > limit) throw new SpecialFileError(`${file}: it is ${size.toLocaleString("en-US")} bytes, over the limit of ${limit.toLocaleString("en-US")} bytes for this file`);
    const data = readAt(opened.fd, size + 1, 0);
    if (data.length > size) throw new SpecialFileError(`${file}: it grew while being read`);
    return data;
  } finally {
    closeSync(opened.fd);
  }
}
