/**
 * Reading a scenario file from disk, the one way every scenario reader uses: only a regular file
 * (a FIFO, a device, a socket or a directory, also behind a symlink, is refused at once instead of
 * blocking or reading forever), at most MAX_SCENARIO_BYTES, decoded as strict UTF-8.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { decodeScenarioText } from "./file-text.js";

/**
 * Largest scenario file read, in bytes (8 MiB). The largest file shipped, wenjiang-2017.json with
 * a 370-row posterior, is 207 KB; 8 MiB leaves room for a posterior of about 15,000 rows of 19
 * parameters while keeping a load to a second or so and well under a few hundred MB of memory.
 * A bigger file is almost certainly a mistake (a results file or a dump named by accident).
 */
export const MAX_SCENARIO_BYTES = 8 * 1024 * 1024;

const CHUNK_BYTES = 1 << 16;

/** What kind of file, other than a regular file, `st` describes. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "a special file";
}

/** A Node file-system error as words (no stack, no syscall noise). */
function describeErrno(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENXIO":
      return "it is a socket or a device, not a regular file";
    case "ENAMETOOLONG":
      return "the file name is too long";
    case "EISDIR":
      return "it is a directory, not a regular file";
    default:
      return err.code ?? err.message;
  }
}

/** Refuses anything but a regular file of at most `limit` bytes. */
function checkStats(st: Stats, limit: number): void {
  if (!st.isFile()) throw new Error(`it is ${kindOf(st)}, not a regular file`);
  if (st.size > limit) throw new Error(`it is ${st.size.toLocaleString("en-US")} bytes, ${overLimit(limit)}`);
}

const overLimit = (limit: number) =>
  `over the limit of ${limit.toLocaleString("en-US")} bytes (${limit / (1024 * 1024)} MiB) for a scenario file`;

/** readSync with its error as words. */
function readBytes(fd: number, into: Uint8Array): number {
  try {
    return readSync(fd, into, 0, into.length, null);
  } catch (err) {
    throw new Error(describeErrno(err as NodeJS.ErrnoException));
  }
}

/**
 * The bytes of a scenario file, or undefined when it does not exist. Throws an Error whose
 * message says why the file is refused (not a regular file, too large, unreadable). Synchronous
 * calls: a scenario is small, and a chain of thousands of files reads several times faster so.
 */
export function readScenarioBytes(file: string, limit = MAX_SCENARIO_BYTES): Uint8Array | undefined {
  let fd: number;
  try {
    // stat first: opening some devices has side effects; then check the opened file again (no race)
    checkStats(statSync(file), limit);
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === undefined) throw err;
    throw new Error(describeErrno(err as NodeJS.ErrnoException));
  }
  try {
    const st = fstatSync(fd);
    checkStats(st, limit);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // one read for a regular file, whose size is known; one more to see its end
      const chunk = new Uint8Array(total === 0 ? st.size + 1 : CHUNK_BYTES);
      const bytesRead = readBytes(fd, chunk);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw new Error(`it grew past ${total.toLocaleString("en-US")} bytes while being read, ${overLimit(limit)}`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a scenario file (strict UTF-8), or undefined when it does not exist. Throws an
 * Error for a refused file, or a FileTextError (with line and column) for text that is not UTF-8.
 */
export function readScenarioFile(file: string, limit = MAX_SCENARIO_BYTES): string | undefined {
  const bytes = readScenarioBytes(file, limit);
  return bytes === undefined ? undefined : decodeScenarioText(bytes);
}
