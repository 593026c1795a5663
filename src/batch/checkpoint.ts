/**
 * The batch checkpoint: a JSON-lines file whose first line identifies the batch (engine version,
 * scenario hashes, base seed, runs) and whose other lines are finished runs, appended and fsynced
 * as they finish. It is the batch's store: resume reads it, and the result files are written from
 * it in run order. A torn last line (a kill mid-write) is dropped and its run done again.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, truncateSync, writeSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../scenario/input-error.js";
import { VERSION } from "../version.js";
import type { BatchPlan } from "./plan.js";
import type { ShardResult } from "./run-shard.js";

/** File name of the checkpoint inside a results folder. */
export const CHECKPOINT_FILE = "checkpoint.jsonl";
/** Format version of the checkpoint and the result files. */
export const FORMAT_VERSION = 1;

/** The identity of a batch, the checkpoint's first line. */
export interface CheckpointHeader {
  kind: "clustersim-checkpoint";
  formatVersion: number;
  engineVersion: string;
  baseSeed: number;
  runs: number;
  scenarios: { name: string; hash: string }[];
}

/** One finished run as stored: scenario index, run index, record values (null for NaN), error. */
interface StoredRun {
  s: number;
  r: number;
  v: (number | null)[];
  e: string | null;
}

/** The header a plan writes. */
export function headerOf(plan: BatchPlan): CheckpointHeader {
  return {
    kind: "clustersim-checkpoint",
    formatVersion: FORMAT_VERSION,
    engineVersion: VERSION,
    baseSeed: plan.baseSeed,
    runs: plan.runs,
    scenarios: plan.scenarios.map((s) => ({ name: s.name, hash: s.hash })),
  };
}

/** Why a stored header does not match the plan, or null when it does. */
function mismatch(stored: CheckpointHeader, want: CheckpointHeader): string | null {
  if (stored.kind !== want.kind || stored.formatVersion !== want.formatVersion) return `it is not a clustersim checkpoint of format ${want.formatVersion}`;
  if (stored.engineVersion !== want.engineVersion) return `it was made by engine ${stored.engineVersion}, this is ${want.engineVersion}`;
  if (stored.baseSeed !== want.baseSeed || stored.runs !== want.runs)
    return `its seed list differs (seed ${stored.baseSeed}, ${stored.runs} runs; asked for seed ${want.baseSeed}, ${want.runs} runs)`;
  const a = stored.scenarios.map((s) => `${s.name}:${s.hash}`).join(",");
  const b = want.scenarios.map((s) => `${s.name}:${s.hash}`).join(",");
  if (a !== b) return "its scenarios or their contents (hashes) differ";
  return null;
}

/** An open checkpoint: which runs are done, and appending new ones durably. */
export class Checkpoint {
  private fd: number;
  /** byte offset of each stored run's line, by `${scenario}:${run}` */
  readonly offsets = new Map<string, [number, number]>();
  private size: number;

  private constructor(readonly file: string, fd: number, size: number) {
    this.fd = fd;
    this.size = size;
  }

  /**
   * Opens the checkpoint of `dir` for `plan`: a new one, or the existing one when it holds the
   * same batch (so re-running a finished or killed command continues it). A checkpoint of another
   * batch is refused; `resume` only makes a missing checkpoint an error.
   */
  static open(dir: string, plan: BatchPlan, resume: boolean): Checkpoint {
    const file = join(dir, CHECKPOINT_FILE);
    const want = headerOf(plan);
    if (!existsSync(file)) {
      if (resume) throw new InputError(`${file}: nothing to resume (no checkpoint in ${dir})`);
      const fd = openSync(file, "w+");
      const line = `${JSON.stringify(want)}\n`;
      writeSync(fd, line);
      fsyncSync(fd);
      return new Checkpoint(file, fd, Buffer.byteLength(line));
    }
    const text = readFileSync(file);
    const firstNewline = text.indexOf(10);
    let stored: CheckpointHeader;
    try {
      stored = JSON.parse(text.subarray(0, firstNewline < 0 ? text.length : firstNewline).toString("utf8"));
    } catch {
      throw new InputError(`${file}: resume refused: the first line is not a checkpoint header`);
    }
    const why = mismatch(stored, want);
    if (why) throw new InputError(resume ? `${file}: resume refused: ${why}` : `${dir} already holds another batch (${why}); choose another --out`);
    const fd = openSync(file, "r+");
    const cp = new Checkpoint(file, fd, 0);
    let start = firstNewline + 1;
    let end = start;
    while (start < text.length) {
      const nl = text.indexOf(10, start);
      if (nl < 0) break; // torn last line: no newline
      try {
        const rec = JSON.parse(text.subarray(start, nl).toString("utf8")) as StoredRun;
        cp.offsets.set(`${rec.s}:${rec.r}`, [start, nl - start]);
      } catch {
        break; // torn or corrupt: drop it and everything after it
      }
      start = nl + 1;
      end = start;
    }
    truncateSync(file, end);
    cp.size = end;
    return cp;
  }

  /** Whether run `run` of scenario `scenario` is stored. */
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
      const line = JSON.stringify({ s: shard.scenarioIndex, r: shard.firstRun + j, v: errors[j] ? [] : row, e: errors[j] } satisfies StoredRun);
      lines.push([`${shard.scenarioIndex}:${shard.firstRun + j}`, line]);
      text += `${line}\n`;
    }
    writeSync(this.fd, text, this.size);
    fsyncSync(this.fd);
    let at = this.size;
    for (const [key, line] of lines) {
      const bytes = Buffer.byteLength(line);
      this.offsets.set(key, [at, bytes]);
      at += bytes + 1;
    }
    this.size = at;
  }

  /** Reads a stored run (record values with NaN for null, and its error). */
  read(scenario: number, run: number): { values: Float64Array; error: string | null } {
    const at = this.offsets.get(`${scenario}:${run}`);
    if (!at) throw new Error(`run ${run} of scenario ${scenario} is not in the checkpoint`);
    const buf = Buffer.alloc(at[1]);
    readSync(this.fd, buf, 0, at[1], at[0]);
    const rec = JSON.parse(buf.toString("utf8")) as StoredRun;
    return { values: Float64Array.from(rec.v, (x) => (x === null ? NaN : x)), error: rec.e };
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }
}
