/**
 * The result sink of a results folder: each file is written to "<name>.tmp" and renamed into
 * place when closed, so a folder never holds a half-written result file under its real name.
 * Names ending in .gz are gzip-compressed (node:zlib) as they are written.
 */
import { closeSync, createWriteStream, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import type { ResultSink, TextSink } from "../files/sink.js";

/** A text file written synchronously and renamed into place on close. */
function plainFile(file: string): TextSink {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, "w");
  return {
    write: (text) => void writeSync(fd, text),
    close: () => {
      closeSync(fd);
      renameSync(tmp, file);
    },
  };
}

/** A gzip file (one gzip member, level 6, no file name or time in its header), renamed into place on close. */
function gzipFile(file: string): TextSink {
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const gzip = createGzip();
  gzip.pipe(out);
  const closed = once(out, "close");
  return {
    async write(text) {
      if (!gzip.write(text)) await once(gzip, "drain");
    },
    async close() {
      gzip.end();
      await closed;
      renameSync(tmp, file);
    },
  };
}

/** A sink writing into the folder `dir` (which must exist). */
export function folderSink(dir: string): ResultSink {
  return { open: (name) => (name.endsWith(".gz") ? gzipFile(join(dir, name)) : plainFile(join(dir, name))) };
}
