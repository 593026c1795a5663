/**
 * The file RunStore of a results folder: checkpoint.jsonl, whose first line identifies the batch
 * (engine version, scenario hashes, seed source) and whose other lines are finished runs
 * ({"s": scenario, "r": run, "seed", "v": record values with null for NaN, "e": error}),
 * appended and fsynced as they finish. Resume reads it; the result files are written from it in
 * run order. A torn last line (a kill mid-write) is dropped and its run done again.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, truncateSync, writeSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../scenario/input-error.js";
import type { BatchPlan } from "../plan.js";
import type { ShardResult } from "../run-shard.js";
import { headerMismatch, headerOf, refuseStore, storedRunMismatch, type RunStore, type StoreHeader, type StoredRun } from "../store.js";

/** File name of the checkpoint inside a results folder. */
export const CHECKPOINT_FILE = "checkpoint.jsonl";

/** One finished run as a line of the file. */
interface StoredLine {
  s: number;
  r: number;
  seed: number;
  v: (number | null)[];
  e: string | null;
}

/** An open checkpoint file: which runs are done, appending new ones durably, reading them back. */
export class FileStore implements RunStore {
  /** byte offset and length of each stored run's line, by `${scenario}:${run}` */
  private readonly offsets = new Map<string, [number, number]>();

  private constructor(readonly file: string, private readonly fd: number, private end: number) {}

  /**
   * Opens the checkpoint of `dir` for `plan`: a new one, or the existing one when it holds the
   * same batch or a prefix of it (so re-running a finished or killed command continues it, and
   * more runs extend it). A checkpoint of another batch is refused; `resume` makes a missing
   * checkpoint an error.
   */
  static open(dir: string, plan: BatchPlan, resume = false): FileStore {
    const file = join(dir, CHECKPOINT_FILE);
    if (!existsSync(file)) {
      if (resume) throw new InputError(`${file}: nothing to resume (no checkpoint in ${dir})`);
      const fd = openSync(file, "w+");
      const line = `${JSON.stringify(headerOf(plan))}\n`;
      writeSync(fd, line);
      fsyncSync(fd);
      return new FileStore(file, fd, Buffer.byteLength(line));
    }
    const text = readFileSync(file);
    const firstNewline = text.indexOf(10);
    let stored: StoreHeader;
    try {
      stored = JSON.parse(text.subarray(0, firstNewline < 0 ? text.length : firstNewline).toString("utf8"));
    } catch {
      throw new InputError(`${file}: resume refused: the first line is not a checkpoint header`);
    }
    const why = headerMismatch(stored, plan);
    if (why) refuseStore(resume ? file : dir, why, resume);
    const fd = openSync(file, "r+");
    const store = new FileStore(file, fd, 0);
    let start = firstNewline + 1;
    let end = start;
    while (start < text.length) {
      const nl = text.indexOf(10, start);
      if (nl < 0) break; // torn last line: no newline
      let rec: StoredLine;
      try {
        rec = JSON.parse(text.subarray(start, nl).toString("utf8")) as StoredLine;
      } catch {
        break; // torn or corrupt: drop it and everything after it
      }
      const wrong = storedRunMismatch(plan, rec.r, rec.seed);
      if (wrong) {
        closeSync(fd);
        refuseStore(resume ? file : dir, wrong, resume);
      }
      store.offsets.set(`${rec.s}:${rec.r}`, [start, nl - start]);
      start = nl + 1;
      end = start;
    }
    truncateSync(file, end);
    store.end = end;
    return store;
  }

  get size(): number {
    return this.offsets.size;
  }

  has(scenario: number, run: number): boolean {
    return this.offsets.has(`${scenario}:${run}`);
  }

  /** Appends a shard's runs and fsyncs, so a kill loses no finished run. */
  append(result: ShardResult): void {
    const { shard, width, data, errors } = result;
    let text = "";
    const lines: [string, string][] = [];
    for (let j = 0; j < shard.count; j++) {
      const row = Array.from(data.subarray(j * width, (j + 1) * width), (x) => (Number.isFinite(x) ? x : null));
      const line = JSON.stringify({ s: shard.scenarioIndex, r: shard.firstRun + j, seed: shard.seeds[j], v: errors[j] ? [] : row, e: errors[j] } satisfies StoredLine);
      lines.push([`${shard.scenarioIndex}:${shard.firstRun + j}`, line]);
      text += `${line}\n`;
    }
    writeSync(this.fd, text, this.end);
    fsyncSync(this.fd);
    let at = this.end;
    for (const [key, line] of lines) {
      const bytes = Buffer.byteLength(line);
      this.offsets.set(key, [at, bytes]);
      at += bytes + 1;
    }
    this.end = at;
  }

  /** Reads one stored run (record values with NaN for null, and its error). */
  read(scenario: number, run: number): StoredRun {
    const at = this.offsets.get(`${scenario}:${run}`);
    if (!at) throw new Error(`run ${run} of scenario ${scenario} is not in the checkpoint`);
    const buf = Buffer.alloc(at[1]);
    readSync(this.fd, buf, 0, at[1], at[0]);
    const rec = JSON.parse(buf.toString("utf8")) as StoredLine;
    return { run: rec.r, seed: rec.seed, values: Float64Array.from(rec.v, (x) => (x === null ? NaN : x)), error: rec.e };
  }

  *runs(scenario: number, from = 0, to?: number): Iterable<StoredRun> {
    let end = to;
    if (end === undefined) for (end = from; this.has(scenario, end); end++);
    for (let run = from; run < end; run++) yield this.read(scenario, run);
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }
}
