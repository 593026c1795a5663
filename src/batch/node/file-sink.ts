/**
 * The result sink of a results folder. Each file is written to "<name>.tmp" (created afresh,
 * never through a symlink), every byte of it (writeSync's count is checked and the rest written
 * again; a full disk throws ENOSPC), fsynced, and only then renamed into place, so a folder never
 * holds a cut or half-written result file under its real name. The sink records each finished
 * file's size and SHA-256 for manifest.json. Names ending in .gz are gzip-compressed (node:zlib)
 * as they are written. With an abort signal, writing yields to the event loop about every 20 ms
 * and stops at the next write once aborted (Ctrl-C during the final writes).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import { createHash, type Hash } from "node:crypto";
import { dirname, join } from "node:path";
import { createGzip } from "node:zlib";
import type { ResultSink, TextSink } from "../files/sink.js";
import { pacer } from "../pace.js";
import { syncFolder, writeAll } from "./durable.js";
import { describeErrno } from "./regular-file.js";

/** A finished file of the folder: its path inside the folder, size and SHA-256 (hex). */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** A result file that could not be written (a full disk, a read-only folder): the batch fails (exit 1). */
export class ResultWriteError extends Error {}

/** A folder sink: the files written so far, and cleaning up the temporary files of an unfinished write. */
export interface FolderSink extends ResultSink {
  /** the files finished (renamed into place), in the order they were finished */
  readonly written: WrittenFile[];
  /** removes the temporary files of files not finished (after an error or an abort) */
  removeTemporary(): void;
  /** fsyncs the folders files were renamed in */
  syncFolders(): void;
}

/** A temporary file being written: its descriptor, byte count and running hash. */
class TempFile {
  readonly tmp: string;
  readonly fd: number;
  bytes = 0;
  readonly hash: Hash = createHash("sha256");

  constructor(readonly file: string, readonly name: string) {
    this.tmp = `${file}.tmp`;
    mkdirSync(dirname(file), { recursive: true });
    rmSync(this.tmp, { force: true });
    try {
      this.fd = openSync(this.tmp, "wx");
    } catch (err) {
      throw new ResultWriteError(`cannot write ${this.tmp}: ${describeErrno(err)}`);
    }
  }

  write(bytes: Uint8Array): void {
    try {
      writeAll(this.fd, bytes);
    } catch (err) {
      throw new ResultWriteError(`cannot write ${this.name} (${this.tmp}): ${describeErrno(err)}`);
    }
    this.hash.update(bytes);
    this.bytes += bytes.length;
  }

  /** fsyncs, closes and renames into place; returns the file's record. */
  finish(): WrittenFile {
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      renameSync(this.tmp, this.file);
    } catch (err) {
      throw new ResultWriteError(`cannot write ${this.name} (${this.tmp}): ${describeErrno(err)}`);
    }
    return { path: this.name, bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.tmp, { force: true });
  }
}

/** A sink writing into the folder `dir` (which must exist); names may hold one folder level ("scenarios/a.json"). */
export function folderSink(dir: string, signal?: AbortSignal): FolderSink {
  const written: WrittenFile[] = [];
  const open = new Set<TempFile>();
  const folders = new Set<string>([dir]);
  const pace = pacer(signal);

  const plain = (file: TempFile): TextSink => ({
    async write(text) {
      await pace();
      file.write(Buffer.from(text, "utf8"));
    },
    async close() {
      await pace();
      written.push(file.finish());
      open.delete(file);
    },
  });

  const gzip = (file: TempFile): TextSink => {
    const z = createGzip();
    let failure: unknown = null;
    z.on("data", (chunk: Buffer) => {
      if (failure) return;
      try {
        file.write(chunk);
      } catch (err) {
        failure = err;
      }
    });
    const ended = new Promise<void>((resolve, reject) => {
      z.once("end", resolve);
      z.once("error", reject);
    });
    const check = () => {
      if (failure) throw failure;
    };
    return {
      async write(text) {
        await pace();
        check();
        if (!z.write(text)) await new Promise((resolve) => z.once("drain", resolve));
        check();
      },
      async close() {
        z.end();
        await ended;
        check();
        written.push(file.finish());
        open.delete(file);
      },
    };
  };

  return {
    written,
    open(name) {
      const file = new TempFile(join(dir, name), name);
      open.add(file);
      folders.add(dirname(file.file));
      return name.endsWith(".gz") ? gzip(file) : plain(file);
    },
    removeTemporary() {
      for (const f of open) f.discard();
      open.clear();
    },
    syncFolders() {
      for (const d of folders) syncFolder(d);
    },
  };
}
