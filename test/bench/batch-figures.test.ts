import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Executor } from "../../src/batch/executor.js";
import type { Shard } from "../../src/batch/plan.js";
import { recordLayout } from "../../src/batch/record.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { readFileSync } from "node:fs";
import { messagingShare, otherLoad, pairedSpeedUps, parseProcStat, Peak, shardFigures, speedUps, startupMs, timedExecutor, type ShardTiming } from "../../bench/batch-figures.js";
import { CASES, type BatchCase } from "../../bench/cases.js";

const shard = (firstRun: number, count: number): Shard => ({ scenarioIndex: 0, scenarioHash: "h", firstRun, count, seeds: Array.from({ length: count }, (_, j) => firstRun + j) });

describe("timedExecutor", () => {
  it("records dispatch, result and compute time of every shard and passes results through", async () => {
    let clock = 0;
    const inner: Executor = {
      concurrency: 2,
      async runShard(s) {
        clock += 10 * s.count; // the shard takes 10 per run on the main thread's clock
        return { shard: s, width: 1, data: new Float64Array(s.count), errors: Array(s.count).fill(null), computeMs: 9 * s.count };
      },
      async close() {},
    };
    const { executor, timings } = timedExecutor(inner, () => clock);
    expect(executor.concurrency).toBe(2);
    const r = await executor.runShard(shard(0, 3));
    expect(r.data.length).toBe(3);
    await executor.runShard(shard(3, 1));
    expect(timings).toEqual([
      { runs: 3, dispatchMs: 0, resultMs: 30, computeMs: 27 },
      { runs: 1, dispatchMs: 30, resultMs: 40, computeMs: 9 },
    ]);
    await executor.close();
  });
});

describe("shardFigures", () => {
  it("spans first dispatch to last result and takes the messaging share from the sums", () => {
    const t: ShardTiming[] = [
      { runs: 64, dispatchMs: 100, resultMs: 200, computeMs: 95 },
      { runs: 64, dispatchMs: 101, resultMs: 205, computeMs: 99 },
      { runs: 32, dispatchMs: 200, resultMs: 250, computeMs: 46 },
    ];
    const f = shardFigures(t, 2);
    expect(f.shards).toBe(3);
    expect(f.runs).toBe(160);
    expect(f.spanMs).toBe(150);
    expect(f.runsPerSec).toBeCloseTo((160 * 1000) / 150, 9);
    expect(f.computeMs).toBe(240);
    expect(f.roundTripMs).toBe(254);
    expect(f.messagingShare).toBeCloseTo(1 - 240 / 254, 12);
    expect(f.busyShare).toBeCloseTo(240 / 300, 12);
  });

  it("refuses no shards; messaging share is NaN without a round trip", () => {
    expect(() => shardFigures([], 1)).toThrow(/no shards/);
    expect(messagingShare(0, 0)).toBeNaN();
    expect(messagingShare(50, 100)).toBe(0.5);
  });
});

describe("startupMs, Peak, speedUps", () => {
  it("start-up is the largest warm-up round trip not spent computing", () => {
    expect(startupMs([])).toBe(0);
    expect(
      startupMs([
        { runs: 4, dispatchMs: 0, resultMs: 300, computeMs: 100 },
        { runs: 4, dispatchMs: 0, resultMs: 450, computeMs: 120 },
      ]),
    ).toBe(330);
  });

  it("Peak keeps the maximum and counts samples", () => {
    const p = new Peak();
    for (const x of [3, 9, 2]) p.add(x);
    expect(p.max).toBe(9);
    expect(p.samples).toBe(3);
  });

  it("speed-ups divide runs/s by the named case's, when it was measured", () => {
    const ups = speedUps([
      { case: "batch-inprocess", runsPerSec: 80 },
      { case: "batch-1w", runsPerSec: 78, speedUpOver: "batch-inprocess" },
      { case: "batch-2w", runsPerSec: 148.2, speedUpOver: "batch-1w" },
      { case: "lonely", runsPerSec: 10, speedUpOver: "absent" },
    ]);
    expect(ups.get("batch-2w")).toEqual({ over: "batch-1w", ratio: 1.9 });
    expect(ups.get("batch-1w")?.ratio).toBeCloseTo(0.975, 12);
    expect(ups.has("lonely")).toBe(false);
    expect(ups.has("batch-inprocess")).toBe(false);
  });
});

describe("pairedSpeedUps", () => {
  it("divides each quartet's fastest 1-lane block by its fastest 2-lane block; the median over quartets", () => {
    const p = pairedSpeedUps([
      { oneLaneMs: [1000, 1200], twoLaneMs: [560, 520] },
      { oneLaneMs: [1100, 1000], twoLaneMs: [500, 700] },
      { oneLaneMs: [900, 950], twoLaneMs: [600, 600] },
    ]);
    expect(p.ratios).toEqual([1000 / 520, 2, 1.5]);
    expect(p.median).toBe(1000 / 520);
    expect(pairedSpeedUps([{ oneLaneMs: [10], twoLaneMs: [5] }, { oneLaneMs: [9], twoLaneMs: [6] }]).median).toBe(1.75);
    expect(() => pairedSpeedUps([])).toThrow(/no quartets/);
  });
});

describe("other work on the machine", () => {
  it("parses /proc/stat's cpu line", () => {
    const text = "cpu  792080 346 27917 461463 552 0 1071 1293 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 5\n";
    expect(parseProcStat(text)).toEqual({ busy: 792080 + 346 + 27917 + 0 + 1071, idle: 461463 + 552, steal: 1293 });
    expect(parseProcStat("intr 5\n")).toBeUndefined();
  });

  it("subtracts this process's CPU time from the machine's busy time", () => {
    const before = { busy: 1000, idle: 0, steal: 10 };
    const after = { busy: 1000 + 250, idle: 0, steal: 10 + 50 }; // 2.5 s busy, 0.5 s steal at 100 Hz
    const o = otherLoad(before, after, 2000, 1000);
    expect(o.otherCores).toBeCloseTo(0.5, 12);
    expect(o.stealCores).toBeCloseTo(0.5, 12);
    expect(otherLoad(before, after, 5000, 1000).otherCores).toBe(0); // tick rounding never goes negative
  });
});

describe("the memory case's tiny scenario", () => {
  it("is a valid overlay of the example with a one-year horizon and the example's record width", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const c = CASES.find((x): x is BatchCase => x.kind === "batch" && x.overlay !== undefined)!;
    const base = join(root, c.scenario);
    const read = (f: string) => (f === "/tiny.json" ? JSON.stringify({ extends: base, ...c.overlay }) : readFileSync(f, "utf8"));
    const tiny = resolveScenario("/tiny.json", read).scenario;
    const plain = resolveScenario("/plain.json", (f) => (f === "/plain.json" ? JSON.stringify({ extends: base, name: "plain", horizon: { endYear: 2018 }, targets: null }) : readFileSync(f, "utf8"))).scenario;
    expect(tiny.horizon).toEqual({ startYear: 2018, endYear: 2018 });
    expect(Object.keys(tiny.competitors ?? {})).toHaveLength(1);
    expect(recordLayout(tiny).width).toBe(recordLayout(plain).width);
  });
});
