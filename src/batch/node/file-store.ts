/**
 * The file RunStore of a results folder: checkpoint.bin, a header frame that identifies the batch
 * (engine version, scenario hashes, seed source) followed by one frame per stored shard (its
 * runs' seeds, errors and record values, deflated, with a checksum; checkpoint-codec.ts), appended
 * and fsynced as shards finish, in any order. Opening it scans the frames once without holding
 * them: a checkpoint without a complete header is started afresh (a kill while it was created),
 * and a torn or damaged frame is dropped with everything after it (its runs are done again).
 * Memory: a frame table (two numbers per frame) and, per scenario, one Int32 per run saying which
 * frame holds it; the runs are read back in run order one decoded frame at a time.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../scenario/input-error.js";
import type { BatchPlan } from "../plan.js";
import { planRecordWidth } from "../run-shard.js";
import type { ShardResult } from "../run-shard.js";
import { headerMismatch, headerOf, refuseStore, storedRunMismatch, type RunStore, type StoredRun } from "../store.js";
import { decodeRuns, encodeHeader, encodeRuns, readRunsFrame, type DecodedRuns, type RunsFrame } from "./checkpoint-codec.js";
import { readHeader, scanFrames } from "./checkpoint-scan.js";
import { describeErrno, openRegular, readAt } from "./regular-file.js";
import { syncFolder, writeAll } from "./durable.js";

/** File name of the checkpoint inside a results folder. */
export const CHECKPOINT_FILE = "checkpoint.bin";
/** The checkpoint of clustersim before format 3 (JSON lines), which this version does not continue. */
export const OLD_CHECKPOINT_FILE = "checkpoint.jsonl";

/** Which frame holds a run: NONE, frame k for a completed run, or failed(k) = -(k + 2) for a failed one. */
const NONE = -1;
const failedIn = (k: number) => -(k + 2);
const frameIndex = (code: number) => (code >= 0 ? code : -code - 2);

/** A decoded frame kept while its runs are read. */
interface Decoded extends DecodedRuns {
  id: number;
  frame: RunsFrame;
}

/** A checkpoint write that failed (a full disk): the batch stops; the stored runs are intact. */
export class CheckpointWriteError extends Error {}

/** An open checkpoint file: which runs are done, appending new ones durably, reading them back in run order. */
export class FileStore implements RunStore {
  private offsets = new Float64Array(256);
  private lengths = new Uint32Array(256);
  private frames = 0;
  private completed = 0;
  private readonly holder: Int32Array[];
  private readonly decoded = new Map<number, Decoded>();

  private constructor(readonly file: string, private readonly fd: number, private end: number, plan: BatchPlan) {
    this.holder = plan.scenarios.map(() => new Int32Array(plan.runs).fill(NONE));
  }

  /**
   * Opens the checkpoint of `dir` for `plan`: a new one, or the existing one when it holds the
   * same batch or a prefix of it (so re-running a finished or killed command continues it, and
   * more runs extend it). A checkpoint of another batch is refused; `resume` makes a missing
   * checkpoint an error. `onNote` hears what was repaired (a torn header or a damaged record).
   */
  static open(dir: string, plan: BatchPlan, resume = false, onNote?: (text: string) => void): FileStore {
    const file = join(dir, CHECKPOINT_FILE);
    const opened = openRegular(file, { write: true });
    if (!opened) {
      if (existsSync(join(dir, OLD_CHECKPOINT_FILE)))
        refuseStore(dir, `it holds ${OLD_CHECKPOINT_FILE}, the checkpoint of an older clustersim (format 2), which this version cannot continue`, resume);
      if (resume) throw new InputError(`${file}: nothing to resume (no checkpoint in ${dir})`);
      return FileStore.create(file, openSync(file, "wx+"), plan, dir);
    }
    const { fd, stats } = opened;
    const h = readHeader(fd, stats.size);
    if (!h) {
      if (stats.size > 0) onNote?.(`${file}: its header is incomplete (a kill while the batch started): starting the checkpoint afresh`);
      ftruncateSync(fd, 0);
      return FileStore.create(file, fd, plan, dir);
    }
    const why = headerMismatch(h.header, plan);
    if (why) {
      closeSync(fd);
      refuseStore(resume ? file : dir, why, resume);
    }
    const store = new FileStore(file, fd, h.end, plan);
    const widths = plan.scenarios.map((_, i) => planRecordWidth(plan, i));
    let refusal: string | null = null;
    const { end, damage } = scanFrames(fd, h.end, stats.size, (f, body) => {
      if (f.scenario >= plan.scenarios.length || f.width !== widths[f.scenario]) return "a record's scenario or width does not fit the batch";
      let failed: boolean[];
      try {
        failed = decodeRuns(body, f).errors.map((e) => e !== null);
      } catch (err) {
        return `a record cannot be decoded (${(err as Error).message})`;
      }
      for (let j = 0; j < f.count && !refusal; j++) refusal = storedRunMismatch(plan, f.firstRun + j, f.seeds[j]);
      if (refusal) return "refused";
      store.index(f, f.offset, f.bytes, failed);
      return null;
    });
    if (refusal) {
      closeSync(fd);
      refuseStore(resume ? file : dir, refusal, resume);
    }
    if (damage) onNote?.(`${file}: ${damage} at byte ${end.toLocaleString("en-US")}; that record and the ${(stats.size - end).toLocaleString("en-US")} bytes after it are dropped and their runs done again`);
    if (end < stats.size) {
      ftruncateSync(fd, end);
      fsyncSync(fd);
    }
    store.end = end;
    return store;
  }

  /** A new checkpoint in the open, empty file `fd`: the header, fsynced with its folder. */
  private static create(file: string, fd: number, plan: BatchPlan, dir: string): FileStore {
    const head = encodeHeader(headerOf(plan));
    try {
      writeAll(fd, head, 0);
      fsyncSync(fd);
      syncFolder(dir);
    } catch (err) {
      closeSync(fd);
      throw new CheckpointWriteError(`cannot write ${file}: ${describeErrno(err)}`);
    }
    return new FileStore(file, fd, head.length, plan);
  }

  /** Records that frame `f` (at `offset`, `bytes` long) holds its runs, `failed[j]` telling the failed ones. */
  private index(f: RunsFrame, offset: number, bytes: number, failed: boolean[]): void {
    if (this.frames === this.offsets.length) {
      const o = new Float64Array(this.frames * 2);
      o.set(this.offsets);
      this.offsets = o;
      const l = new Uint32Array(this.frames * 2);
      l.set(this.lengths);
      this.lengths = l;
    }
    const k = this.frames++;
    this.offsets[k] = offset;
    this.lengths[k] = bytes;
    const holder = this.holder[f.scenario];
    for (let j = 0; j < f.count; j++) {
      const run = f.firstRun + j;
      if (holder[run] >= 0) this.completed -= 1;
      holder[run] = failed[j] ? failedIn(k) : k;
      if (!failed[j]) this.completed += 1;
    }
    this.decoded.delete(f.scenario);
  }

  /** Completed runs stored, over all scenarios (a failed run is not counted: it is run again). */
  get size(): number {
    return this.completed;
  }

  /** Whether run `run` of scenario `scenario` is stored and completed (a failed run is run again by the next batch). */
  has(scenario: number, run: number): boolean {
    return (this.holder[scenario]?.[run] ?? NONE) >= 0;
  }

  /** Appends a shard's runs as one frame and fsyncs, so a kill loses no finished run; a failed write is undone. */
  append(result: ShardResult): void {
    const bytes = encodeRuns(result);
    try {
      writeAll(this.fd, bytes, this.end);
      fsyncSync(this.fd);
    } catch (err) {
      try {
        ftruncateSync(this.fd, this.end);
      } catch {
        // the frame's checksum marks a torn tail anyway
      }
      throw new CheckpointWriteError(`cannot write ${this.file}: ${describeErrno(err)}`);
    }
    const f = readRunsFrame(bytes.subarray(16))!;
    this.index(f, this.end, bytes.length, result.errors.map((e) => e !== null));
    this.end += bytes.length;
  }

  /** Reads one stored run (record values with NaN kept, empty for a failed run, and its error). */
  read(scenario: number, run: number): StoredRun {
    const code = this.holder[scenario]?.[run] ?? NONE;
    if (code === NONE) throw new Error(`run ${run} of scenario ${scenario} is not in the checkpoint`);
    const k = frameIndex(code);
    let d = this.decoded.get(scenario);
    if (!d || d.id !== k) {
      const body = readAt(this.fd, this.lengths[k] - 16, this.offsets[k] + 16);
      const frame = readRunsFrame(body)!;
      d = { id: k, frame, ...decodeRuns(body, frame) };
      this.decoded.set(scenario, d);
    }
    const j = run - d.frame.firstRun;
    const error = d.errors[j];
    const w = d.frame.width;
    return { run, seed: d.frame.seeds[j], values: error === null ? d.values.subarray(j * w, (j + 1) * w) : new Float64Array(0), error };
  }

  /** The stored runs of `scenario` from `from` to `to` - 1 in run order (to: default up to the first run not stored). */
  *runs(scenario: number, from = 0, to?: number): Iterable<StoredRun> {
    let end = to;
    if (end === undefined) for (end = from; (this.holder[scenario]?.[end] ?? NONE) !== NONE; end++);
    for (let run = from; run < end; run++) yield this.read(scenario, run);
  }

  /** Closes the file. */
  close(): void {
    this.decoded.clear();
    closeSync(this.fd);
  }
}
