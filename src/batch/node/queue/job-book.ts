/**
 * The coordinator's book of its batch's jobs: which job holds (or will hold) each run, so that a
 * shard asked for is answered from jobs already on the queue (finished or pending, also those of
 * an earlier coordinator of the same batch, whose shards may have been cut differently) and only
 * the runs no job covers become new jobs. Pure bookkeeping, no Redis.
 */
import type { Shard } from "../../plan.js";
import type { ShardResult } from "../../run-shard.js";

/** A job of the batch: its runs, and its result once known. */
export interface BookJob {
  id: string;
  scenarioIndex: number;
  firstRun: number;
  seeds: readonly number[];
  /** resolves with the job's records (or its runs marked failed) */
  readonly result: Promise<ShardResult>;
  /** whether the result is in */
  settled: boolean;
}

/** A part of a shard: `count` runs from `firstRun` held by `job`. */
export interface Piece {
  job: BookJob;
  firstRun: number;
  count: number;
}

interface Entry extends BookJob {
  settle(result: ShardResult): void;
  /** runs of the job handed out so far */
  handedOut: number;
}

/** The sub-shard of runs firstRun..firstRun+count-1 of `shard`. */
export function subShard(shard: Shard, firstRun: number, count: number): Shard {
  const at = firstRun - shard.firstRun;
  return { ...shard, firstRun, count, seeds: shard.seeds.slice(at, at + count) };
}

/** The book. */
export class JobBook {
  private readonly byId = new Map<string, Entry>();
  /** the job covering each run, by `${scenario}:${run}` */
  private readonly byRun = new Map<string, Entry>();

  /** Called when every run of a job has been handed out (the coordinator then removes it from Redis). */
  constructor(private readonly onDrained: (job: BookJob) => void = () => {}) {}

  /** The job with this id, if booked. */
  get(id: string): BookJob | undefined {
    return this.byId.get(id);
  }

  /** Jobs whose result is not in yet. */
  pending(): BookJob[] {
    return [...this.byId.values()].filter((j) => !j.settled);
  }

  /** Books a job (its runs now count as covered); returns the booked job, or the one already booked under this id. */
  add(id: string, scenarioIndex: number, firstRun: number, seeds: readonly number[]): BookJob {
    const old = this.byId.get(id);
    if (old) return old;
    let settle!: (r: ShardResult) => void;
    const result = new Promise<ShardResult>((resolve) => (settle = resolve));
    const entry: Entry = { id, scenarioIndex, firstRun, seeds, result, settled: false, handedOut: 0, settle: () => {} };
    entry.settle = (r) => {
      if (entry.settled) return;
      entry.settled = true;
      settle(r);
    };
    this.byId.set(id, entry);
    for (let j = 0; j < seeds.length; j++) this.byRun.set(`${scenarioIndex}:${firstRun + j}`, entry);
    return entry;
  }

  /** Gives a booked job its result (a second result is ignored). */
  settle(id: string, result: ShardResult): void {
    this.byId.get(id)?.settle(result);
  }

  /**
   * Cuts `shard` into pieces: runs held by a booked job (with the same seeds) and runs no job
   * holds, for which `book` must add a job. In run order.
   */
  pieces(shard: Shard, book: (part: Shard) => BookJob): Piece[] {
    const out: Piece[] = [];
    let gapStart = -1;
    const closeGap = (end: number) => {
      if (gapStart < 0) return;
      const part = subShard(shard, gapStart, end - gapStart);
      out.push({ job: book(part), firstRun: part.firstRun, count: part.count });
      gapStart = -1;
    };
    for (let j = 0; j < shard.count; j++) {
      const run = shard.firstRun + j;
      const job = this.byRun.get(`${shard.scenarioIndex}:${run}`);
      const usable = job !== undefined && job.seeds[run - job.firstRun] === shard.seeds[j];
      if (!usable) {
        if (gapStart < 0) gapStart = run;
        continue;
      }
      closeGap(run);
      const last = out[out.length - 1];
      if (last && last.job === job && last.firstRun + last.count === run) last.count += 1;
      else out.push({ job, firstRun: run, count: 1 });
    }
    closeGap(shard.firstRun + shard.count);
    return out;
  }

  /** Waits for the pieces' jobs and puts the shard's result together from them, handing their runs out. */
  async assemble(shard: Shard, pieces: Piece[]): Promise<ShardResult> {
    const results = await Promise.all(pieces.map((p) => p.job.result));
    const width = results[0].width;
    const data = new Float64Array(shard.count * width);
    const errors: (string | null)[] = [];
    let computeMs = 0;
    pieces.forEach((p, k) => {
      const r = results[k];
      const from = p.firstRun - p.job.firstRun;
      data.set(r.data.subarray(from * width, (from + p.count) * width), (p.firstRun - shard.firstRun) * width);
      errors.push(...r.errors.slice(from, from + p.count));
      computeMs += (r.computeMs * p.count) / p.job.seeds.length;
      this.handOut(p.job.id, p.count);
    });
    return { shard, width, data, errors, computeMs };
  }

  /** Counts runs of a job as handed out; a job whose runs are all out leaves the book. */
  private handOut(id: string, count: number): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    entry.handedOut += count;
    if (entry.handedOut < entry.seeds.length) return;
    this.byId.delete(id);
    for (let j = 0; j < entry.seeds.length; j++) {
      const key = `${entry.scenarioIndex}:${entry.firstRun + j}`;
      if (this.byRun.get(key) === entry) this.byRun.delete(key);
    }
    this.onDrained(entry);
  }
}
