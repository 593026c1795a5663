/**
 * Durable writes: every byte written (writeSync may write fewer bytes than asked, as on a
 * nearly full disk: it is called again until all are written or it throws), and a folder's
 * entries fsynced after a file was created or renamed in it.
 */
import { closeSync, constants, fsyncSync, openSync, writeSync } from "node:fs";

/** Writes all of `bytes` to `fd` at `position` (or at the current position when null); throws on any error, such as ENOSPC. */
export function writeAll(fd: number, bytes: Uint8Array, position: number | null = null): void {
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done, position === null ? null : position + done);
    if (n <= 0) throw Object.assign(new Error("the write made no progress"), { code: "EIO" });
    done += n;
  }
}

/** fsyncs the folder `dir`, so that files created or renamed in it survive a crash (best effort where folders cannot be fsynced). */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // some file systems cannot fsync a folder
  } finally {
    closeSync(fd);
  }
}
