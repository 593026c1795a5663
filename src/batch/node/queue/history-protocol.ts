/**
 * A calibration on the queue (`clustersim calibrate --queue`): its registration names the
 * calibration scenario by content hash and carries the calibrated parameters' paths and the
 * statistics width (protocol.ts, BatchMeta.calibration); each job carries a chunk of history jobs
 * {theta, historySeed} (data only, never code) under an id that is the hash of its content, so a
 * re-run coordinator finds the results already on the queue. A result is a shard result's
 * layout: the statistics, job after job, as base64 of their Float64 bytes.
 */
import { z } from "zod";
import { canonicalJson } from "../../../scenario/index.js";
import { JobResultSchema, MAX_JOB_RUNS, PROTOCOL_VERSION, sha256, type BatchMeta } from "./protocol.js";

/** The BullMQ job name of a history job (a shard job's is "shard"). */
export const HISTORY_JOB_NAME = "histories";

/** Most history jobs a calibration's queue job carries (chunks of about 1/32 of a batch of jobs, at most this). */
export const MAX_CHUNK_HISTORIES = 64;

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));
const seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A chunk of history jobs: self-contained data, no code. zod 4's z.number() refuses NaN and ±Infinity. */
export const HistoryJobDataSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  kind: z.literal(HISTORY_JOB_NAME),
  build: z.string().min(1).max(64),
  batch: hex(16),
  /** content hash of the calibration scenario */
  scenarioHash: hex(64),
  jobs: z
    .array(z.strictObject({ theta: z.array(z.number()).min(1).max(1000), historySeed: seed }))
    .min(1)
    .max(MAX_JOB_RUNS),
});
/** A chunk of history jobs. */
export type HistoryJobData = z.infer<typeof HistoryJobDataSchema>;

/** One history job as the engine gives it (theta in the registration's parameter order). */
export interface HistoryJob {
  theta: ArrayLike<number>;
  historySeed: number;
}

/**
 * A calibration's batch id: a hash of what decides its statistics (engine and build, scenario,
 * parameters, width) and of the calibration's own identity (`run`: seed, particles...), so that a
 * re-run of the same command finds its queue and two calibrations never share one.
 */
export function calibrationBatchId(build: string, scenarioHash: string, calibration: NonNullable<BatchMeta["calibration"]>, run: unknown): string {
  return sha256(canonicalJson({ v: PROTOCOL_VERSION, kind: HISTORY_JOB_NAME, build, scenario: scenarioHash, calibration, run })).slice(0, 16);
}

/** The queue job for a chunk of history jobs. */
export function historyJobData(meta: BatchMeta, jobs: readonly HistoryJob[]): HistoryJobData {
  return {
    v: PROTOCOL_VERSION,
    kind: HISTORY_JOB_NAME,
    build: meta.build,
    batch: meta.batch,
    scenarioHash: meta.scenarios[0].hash,
    jobs: jobs.map((j) => ({ theta: Array.from(j.theta), historySeed: j.historySeed })),
  };
}

/** A history job's BullMQ id: "h" and the SHA-256 of its data's canonical JSON (a worker checks it). */
export function historyJobId(data: HistoryJobData): string {
  return `h${sha256(canonicalJson(data))}`;
}

/** Jobs per queue job for a batch of `jobs` history jobs: about 32 queue jobs, at most MAX_CHUNK_HISTORIES each. */
export function historyChunkSize(jobs: number): number {
  return Math.max(1, Math.min(MAX_CHUNK_HISTORIES, Math.ceil(jobs / 32)));
}

/** Unpacks a history job's result: `count` statistics arrays of `width` values, flat, after checking it; throws on a result that does not fit. */
export function decodeHistories(value: unknown, count: number, width: number): Float64Array {
  const parsed = JobResultSchema.safeParse(typeof value === "string" ? JSON.parse(value) : value);
  if (!parsed.success) throw new Error(`a history job's result does not match the schema: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const r = parsed.data;
  if (r.width !== width) throw new Error(`a history job's result has ${r.width} statistics per history, the calibration ${width}`);
  if (r.errors.length !== count) throw new Error(`a history job's result has ${r.errors.length} histories, the job ${count}`);
  const bytes = Buffer.from(r.data, "base64");
  if (bytes.length !== count * width * 8) throw new Error(`a history job's result holds ${bytes.length} bytes, expected ${count * width * 8}`);
  const data = new Float64Array(count * width);
  new Uint8Array(data.buffer).set(bytes);
  return data;
}
