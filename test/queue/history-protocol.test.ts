/**
 * A calibration's messages on the queue (history-protocol.ts): statistics come back bit for bit,
 * a history job is plain data whose id is its content's hash, and calibrations get their own batch ids.
 */
import { describe, expect, it } from "vitest";
import {
  HistoryJobDataSchema,
  MAX_CHUNK_HISTORIES,
  calibrationBatchId,
  decodeHistories,
  historyChunkSize,
  historyJobData,
  historyJobId,
} from "../../src/batch/node/queue/history-protocol.js";
import { BatchMetaSchema, PROTOCOL_VERSION, encodeResult, type BatchMeta } from "../../src/batch/node/queue/protocol.js";

const hex = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("hex");
const meta: BatchMeta = {
  v: PROTOCOL_VERSION,
  build: "source",
  batch: "0123456789abcdef",
  scenarios: [{ name: "calib", hash: "a".repeat(64) }],
  calibration: { parameters: ["$.a", "$.b"], width: 3 },
};

describe("history messages", () => {
  it("a calibration's registration validates; one with no parameters or a zero width does not", () => {
    expect(BatchMetaSchema.safeParse(meta).success).toBe(true);
    expect(BatchMetaSchema.safeParse({ ...meta, calibration: { parameters: [], width: 3 } }).success).toBe(false);
    expect(BatchMetaSchema.safeParse({ ...meta, calibration: { parameters: ["$.a"], width: 0 } }).success).toBe(false);
  });

  it("carry statistics bit for bit (NaN, -0, subnormals) and refuse a result of the wrong size", () => {
    const data = Float64Array.from([NaN, -0, 5e-324, Number.MAX_VALUE, -1 / 3, 0.1 + 0.2]);
    const wire = JSON.parse(JSON.stringify(encodeResult({ width: 3, data, errors: [null, null], computeMs: 4 }, "source", "host/1")));
    expect(hex(decodeHistories(wire, 2, 3))).toBe(hex(data));
    expect(() => decodeHistories(wire, 3, 3)).toThrow(/2 histories, the job 3/);
    expect(() => decodeHistories(wire, 2, 2)).toThrow(/3 statistics per history, the calibration 2/);
    expect(() => decodeHistories({ ...wire, data: Buffer.alloc(8).toString("base64") }, 2, 3)).toThrow(/bytes/);
  });

  it("a history job is plain data: unknown fields, non-numbers, non-finite values or bad seeds do not validate", () => {
    const job = historyJobData(meta, [{ theta: Float64Array.of(0.5, -2), historySeed: 9 }]);
    expect(job.jobs).toEqual([{ theta: [0.5, -2], historySeed: 9 }]);
    expect(HistoryJobDataSchema.safeParse(job).success).toBe(true);
    expect(HistoryJobDataSchema.parse(JSON.parse(JSON.stringify(job)))).toEqual(job);
    const bad = [
      { ...job, code: "process.exit()" },
      { ...job, jobs: [{ theta: [0.5, Infinity], historySeed: 9 }] },
      { ...job, jobs: [{ theta: [0.5, NaN], historySeed: 9 }] },
      { ...job, jobs: [{ theta: ["0.5", 1], historySeed: 9 }] },
      { ...job, jobs: [{ theta: [0.5, 1], historySeed: -1 }] },
      { ...job, jobs: [{ theta: [0.5, 1], historySeed: 1.5 }] },
      { ...job, jobs: [] },
      { ...job, scenarioHash: "../../etc" },
      { ...job, kind: "shard" },
      { ...job, v: PROTOCOL_VERSION - 1 },
    ];
    for (const b of bad) expect(HistoryJobDataSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });

  it("a job's id is its content's hash: the same chunk gets the same id, any change another", () => {
    const chunk = [
      { theta: [0.5, -2], historySeed: 9 },
      { theta: [0.25, 1], historySeed: 10 },
    ];
    const id = historyJobId(historyJobData(meta, chunk));
    expect(id).toMatch(/^h[0-9a-f]{64}$/);
    expect(historyJobId(historyJobData(meta, chunk.map((j) => ({ ...j, theta: Float64Array.from(j.theta) }))))).toBe(id);
    const others = [
      historyJobData(meta, [chunk[1], chunk[0]]),
      historyJobData(meta, [chunk[0], { ...chunk[1], historySeed: 11 }]),
      historyJobData(meta, [chunk[0], { ...chunk[1], theta: [0.25, 1 + Number.EPSILON] }]),
      historyJobData({ ...meta, batch: "fedcba9876543210" }, chunk),
      historyJobData({ ...meta, build: "other" }, chunk),
    ];
    expect(new Set([id, ...others.map(historyJobId)]).size).toBe(others.length + 1);
  });

  it("calibration batch ids differ by build, scenario, parameters, width and the calibration's options", () => {
    const cal = { parameters: ["$.a", "$.b"], width: 3 };
    const run = { seed: 1, particles: 4 };
    const id = calibrationBatchId("b", "x", cal, run);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(calibrationBatchId("b", "x", { ...cal }, { ...run })).toBe(id);
    const others = [
      calibrationBatchId("c", "x", cal, run),
      calibrationBatchId("b", "y", cal, run),
      calibrationBatchId("b", "x", { ...cal, parameters: ["$.b", "$.a"] }, run),
      calibrationBatchId("b", "x", { ...cal, width: 4 }, run),
      calibrationBatchId("b", "x", cal, { ...run, seed: 2 }),
    ];
    expect(new Set([id, ...others]).size).toBe(others.length + 1);
  });

  it("cuts a batch of history jobs into about 32 queue jobs of at most 64", () => {
    expect(historyChunkSize(1)).toBe(1);
    expect(historyChunkSize(100)).toBe(4);
    expect(historyChunkSize(1500)).toBe(47);
    expect(historyChunkSize(100_000)).toBe(MAX_CHUNK_HISTORIES);
  });
});
