import { describe, expect, it } from "vitest";
import { JobBook, type BookJob } from "../../src/batch/node/queue/job-book.js";
import type { Shard } from "../../src/batch/plan.js";
import type { ShardResult } from "../../src/batch/run-shard.js";

/** A shard of scenario 0 with seed 100 + run for each run. */
const shard = (firstRun: number, count: number): Shard => ({
  scenarioIndex: 0,
  scenarioHash: "h",
  firstRun,
  count,
  seeds: Array.from({ length: count }, (_, j) => 100 + firstRun + j),
});

/** The result a job of these runs would give: one value per run, the run index. */
const resultOf = (s: Shard): ShardResult => ({ shard: s, width: 1, data: Float64Array.from(s.seeds, (x) => x - 100), errors: s.seeds.map(() => null), computeMs: s.count });

describe("the coordinator's job book", () => {
  it("answers a shard from jobs of an earlier coordinator cut differently, and books jobs only for the gaps", async () => {
    const drained: string[] = [];
    const book = new JobBook((j) => drained.push(j.id));
    const old = shard(4, 4); // runs 4..7, finished
    book.add("old", 0, old.firstRun, old.seeds);
    book.settle("old", resultOf(old));
    const pending = shard(10, 2); // runs 10..11, still running
    book.add("pending", 0, pending.firstRun, pending.seeds);
    const booked: Shard[] = [];
    const ask = shard(2, 12); // runs 2..13
    const pieces = book.pieces(ask, (part) => {
      booked.push(part);
      return book.add(`new-${part.firstRun}`, 0, part.firstRun, part.seeds);
    });
    expect(pieces.map((p) => [p.job.id, p.firstRun, p.count])).toEqual([
      ["new-2", 2, 2],
      ["old", 4, 4],
      ["new-8", 8, 2],
      ["pending", 10, 2],
      ["new-12", 12, 2],
    ]);
    expect(booked.map((b) => [b.firstRun, b.count, b.seeds])).toEqual([
      [2, 2, [102, 103]],
      [8, 2, [108, 109]],
      [12, 2, [112, 113]],
    ]);
    for (const b of booked) book.settle(`new-${b.firstRun}`, resultOf(b));
    const assembled = book.assemble(ask, pieces);
    book.settle("pending", resultOf(pending));
    const r = await assembled;
    expect([...r.data]).toEqual(Array.from({ length: 12 }, (_, j) => 2 + j));
    expect(r.errors).toHaveLength(12);
    expect(drained.sort()).toEqual(["new-12", "new-2", "new-8", "old", "pending"]);
    expect(book.pending()).toEqual([]);
  });

  it("keeps a job until all its runs are handed out, and ignores a job whose seeds differ", async () => {
    const drained: string[] = [];
    const book = new JobBook((j) => drained.push(j.id));
    const job = shard(0, 6);
    book.add("j", 0, 0, job.seeds);
    book.settle("j", resultOf(job));
    const first = await book.assemble(shard(0, 3), book.pieces(shard(0, 3), () => expect.unreachable() as BookJob));
    expect([...first.data]).toEqual([0, 1, 2]);
    expect(drained).toEqual([]);
    await book.assemble(shard(3, 3), book.pieces(shard(3, 3), () => expect.unreachable() as BookJob));
    expect(drained).toEqual(["j"]);

    const other = new JobBook();
    other.add("wrong-seeds", 0, 0, [1, 2, 3]);
    const gaps: number[] = [];
    other.pieces(shard(0, 3), (part) => (gaps.push(part.count), other.add("fresh", 0, part.firstRun, part.seeds)));
    expect(gaps).toEqual([3]);
  });

  it("a second result for a job is ignored", async () => {
    const book = new JobBook();
    const s = shard(0, 2);
    const job = book.add("j", 0, 0, s.seeds);
    book.settle("j", resultOf(s));
    book.settle("j", { ...resultOf(s), errors: ["late", "late"] });
    expect((await job.result).errors).toEqual([null, null]);
  });
});
