/**
 * Where result files go: a ResultSink opens named text files (runs.csv, summary.json,
 * series.csv.gz...). The writers only produce text, in order; a Node sink writes files (and
 * gzips names ending in .gz, node/file-sink.ts), the memory sink keeps the texts (the browser,
 * tests). Writers hand over text in large pieces through LineBuffer.
 */

/** One file being written. A returned promise must be awaited before the next write (back-pressure). */
export interface TextSink {
  write(text: string): void | Promise<void>;
  /** finishes the file (a file sink renames it into place only now) */
  close(): void | Promise<void>;
}

/** Opens result files by name. */
export interface ResultSink {
  open(name: string): TextSink;
}

/** A sink that keeps each file's text in memory (uncompressed, also for names ending in .gz). */
export class MemorySink implements ResultSink {
  readonly files = new Map<string, string>();

  open(name: string): TextSink {
    const parts: string[] = [];
    return {
      write: (text) => void parts.push(text),
      close: () => void this.files.set(name, parts.join("")),
    };
  }
}

/** Collects lines and hands them to a TextSink about a megabyte at a time. */
export class LineBuffer {
  private buffer = "";

  constructor(private readonly sink: TextSink, private readonly chunk = 1 << 20) {}

  /** Adds one line (without its "\n"); awaits the sink when a chunk is handed over. */
  async line(text: string): Promise<void> {
    this.buffer += `${text}\n`;
    if (this.buffer.length >= this.chunk) await this.flush();
  }

  /** Hands what is buffered to the sink. */
  async flush(): Promise<void> {
    if (this.buffer === "") return;
    const text = this.buffer;
    this.buffer = "";
    await this.sink.write(text);
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    await this.flush();
    await this.sink.close();
  }
}

/** Writes a whole file at once. */
export async function writeText(sink: ResultSink, name: string, text: string): Promise<void> {
  const file = sink.open(name);
  await file.write(text);
  await file.close();
}
