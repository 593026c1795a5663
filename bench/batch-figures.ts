/**
 * Pure parts of the batch cases: an executor wrapper that times every shard's round trip on the
 * main thread, the figures derived from those timings (span from first dispatch to last result,
 * messaging share), peak tracking, and the speed-ups between cases.
 */
import type { Executor } from "../src/batch/executor.js";
import type { Shard } from "../src/batch/plan.js";

/** One shard as the main thread saw it: dispatched, result received, and the compute time the executor reported. */
export interface ShardTiming {
  runs: number;
  /** when runShard was called, ms (the clock of `timedExecutor`) */
  dispatchMs: number;
  /** when its result arrived, ms */
  resultMs: number;
  /** ShardResult.computeMs: time spent running the shard where it ran */
  computeMs: number;
}

/**
 * Wraps `inner` so that every shard's dispatch and result times (from `now`) and its reported
 * compute time are appended to `timings`. The wrapper adds two clock reads per shard.
 */
export function timedExecutor(inner: Executor, now: () => number = () => performance.now()): { executor: Executor; timings: ShardTiming[] } {
  const timings: ShardTiming[] = [];
  const executor: Executor = {
    concurrency: inner.concurrency,
    async runShard(shard: Shard) {
      const dispatchMs = now();
      const result = await inner.runShard(shard);
      timings.push({ runs: shard.count, dispatchMs, resultMs: now(), computeMs: result.computeMs });
      return result;
    },
    close: () => inner.close(),
  };
  return { executor, timings };
}

/** What a batch's shard timings add up to. */
export interface ShardFigures {
  shards: number;
  runs: number;
  /** first dispatch to last result, ms: the batch's wall time after start-up */
  spanMs: number;
  /** runs / span, per second */
  runsPerSec: number;
  /** sum over shards of their compute time, ms */
  computeMs: number;
  /** sum over shards of dispatch-to-result, ms */
  roundTripMs: number;
  /** 1 - computeMs / roundTripMs: the share of a shard's round trip not spent computing it */
  messagingShare: number;
  /** computeMs / (spanMs x slots): how busy the executor's slots were over the span */
  busyShare: number;
}

/** Sums a batch's shard timings; `slots` is the executor's concurrency (throws on no shards). */
export function shardFigures(timings: readonly ShardTiming[], slots: number): ShardFigures {
  if (timings.length === 0) throw new RangeError("shardFigures: no shards");
  let first = Infinity, last = -Infinity, runs = 0, computeMs = 0, roundTripMs = 0;
  for (const t of timings) {
    first = Math.min(first, t.dispatchMs);
    last = Math.max(last, t.resultMs);
    runs += t.runs;
    computeMs += t.computeMs;
    roundTripMs += t.resultMs - t.dispatchMs;
  }
  const spanMs = last - first;
  return {
    shards: timings.length,
    runs,
    spanMs,
    runsPerSec: spanMs > 0 ? (runs * 1000) / spanMs : Infinity,
    computeMs,
    roundTripMs,
    messagingShare: messagingShare(computeMs, roundTripMs),
    busyShare: spanMs > 0 ? computeMs / (spanMs * Math.max(1, slots)) : NaN,
  };
}

/** 1 - compute / round trip (NaN when there was no round trip). */
export function messagingShare(computeMs: number, roundTripMs: number): number {
  return roundTripMs > 0 ? 1 - computeMs / roundTripMs : NaN;
}

/** Start-up of the executor's slots from their first (warm-up) shards: the largest round trip not spent computing, ms. */
export function startupMs(warmup: readonly ShardTiming[]): number {
  return warmup.reduce((m, t) => Math.max(m, t.resultMs - t.dispatchMs - t.computeMs), 0);
}

/** The running maximum of sampled values (peak memory between samples is not seen). */
export class Peak {
  max = -Infinity;
  samples = 0;
  add(x: number): void {
    this.samples++;
    if (x > this.max) this.max = x;
  }
}

/** A case with its runs per second and the case it is compared with. */
export interface SpeedUpInput {
  case: string;
  runsPerSec: number;
  speedUpOver?: string;
}

/** A speed-up: this case's runs/s over another's. */
export interface SpeedUp {
  over: string;
  ratio: number;
}

/** Each case's speed-up over its `speedUpOver` case, when that case was measured too (by case name). */
export function speedUps(results: readonly SpeedUpInput[]): Map<string, SpeedUp> {
  const byName = new Map(results.map((r) => [r.case, r]));
  const out = new Map<string, SpeedUp>();
  for (const r of results) {
    const ref = r.speedUpOver === undefined ? undefined : byName.get(r.speedUpOver);
    if (ref && ref.runsPerSec > 0) out.set(r.case, { over: ref.case, ratio: r.runsPerSec / ref.runsPerSec });
  }
  return out;
}

/** The machine's CPU time from /proc/stat's first line, in clock ticks (USER_HZ, 100 on Linux). */
export interface CpuTicks {
  /** user + nice + system + irq + softirq */
  busy: number;
  /** idle + iowait */
  idle: number;
  /** time the hypervisor ran something else while a vCPU wanted to run */
  steal: number;
}

/** Parses the aggregate "cpu" line of /proc/stat (undefined when there is none). */
export function parseProcStat(text: string): CpuTicks | undefined {
  const line = text.split("\n").find((l) => /^cpu\s/.test(l));
  if (!line) return undefined;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  if (![user, nice, system, idle].every(Number.isFinite)) return undefined;
  return { busy: user + nice + system + (irq || 0) + (softirq || 0), idle: idle + (iowait || 0), steal: steal || 0 };
}

/** What else used the machine during a measurement, in cores (a core fully busy = 1). */
export interface OtherLoad {
  /** CPU time of every other process on the machine / wall time */
  otherCores: number;
  /** steal time / wall time: vCPUs waiting while the host ran other guests */
  stealCores: number;
}

/**
 * Other work during a measurement of `wallMs`: the machine's busy CPU time between two
 * /proc/stat readings, less this process's own CPU time `ownCpuMs`; and the steal time.
 * `hz` is USER_HZ (100 on Linux).
 */
export function otherLoad(before: CpuTicks, after: CpuTicks, ownCpuMs: number, wallMs: number, hz = 100): OtherLoad {
  const tickMs = 1000 / hz;
  return {
    otherCores: Math.max(0, ((after.busy - before.busy) * tickMs - ownCpuMs) / wallMs),
    stealCores: ((after.steal - before.steal) * tickMs) / wallMs,
  };
}

/** One ABBA quartet of blocks of the same runs: two blocks on 1 lane, two on 2 lanes (wall ms each). */
export interface LaneQuartet {
  oneLaneMs: number[];
  twoLaneMs: number[];
}

/**
 * Paired speed-ups of 2 lanes over 1 on the same pool: per quartet, the fastest 1-lane block's
 * time over the fastest 2-lane block's (interference only slows a block down), and their median.
 */
export function pairedSpeedUps(quartets: readonly LaneQuartet[]): { ratios: number[]; median: number } {
  if (quartets.length === 0) throw new RangeError("pairedSpeedUps: no quartets");
  const ratios = quartets.map((q) => Math.min(...q.oneLaneMs) / Math.min(...q.twoLaneMs));
  const sorted = [...ratios].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return { ratios, median: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2 };
}
