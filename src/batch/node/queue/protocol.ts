/**
 * What travels through Redis, as zod schemas that both sides check: a batch's registration (its
 * build, scenarios by content hash, an experiment's run spec and design by content hash, a
 * calibration's parameter paths and statistics width, test faults), a shard job (base seed, scenario by content
 * hash, first run and seeds; never code), and a job's result (records as base64 of their Float64
 * bytes, so values come back bit for bit, NaN included). Key names live here too.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../../../scenario/index.js";
import type { BatchPlan, Shard } from "../../plan.js";
import type { ShardResult } from "../../run-shard.js";

/** Version of the messages below; both sides refuse another. */
export const PROTOCOL_VERSION = 3;
/** Prefix of every Redis key of clustersim (BullMQ's own keys included). */
export const KEY_PREFIX = "clustersim";
/** Most runs one job may carry (runBatch's shards hold at most 64). */
export const MAX_JOB_RUNS = 4096;

/** Redis keys of the batch registry and the scenario store. */
export const keys = {
  /** set of the ids of batches that want workers */
  registry: `${KEY_PREFIX}:batches`,
  /** a batch's registration (JSON), kept alive by its coordinator */
  batch: (id: string) => `${KEY_PREFIX}:batch:${id}`,
  /** notes from workers to a batch's coordinator (a refusal, say), one line each */
  notes: (id: string) => `${KEY_PREFIX}:batch:${id}:notes`,
  /** a resolved scenario's canonical JSON, by its content hash */
  scenario: (hash: string) => `${KEY_PREFIX}:scenario:${hash}`,
  /** an experiment's PlanExperiment (run spec, replications, design points) as canonical JSON, by its content hash */
  experiment: (hash: string) => `${KEY_PREFIX}:experiment:${hash}`,
};

/** The BullMQ queue of a batch. */
export const queueName = (batchId: string): string => `batch-${batchId}`;

/** The id of a batch's job for a shard: one id per (scenario, runs), so adding it twice is a no-op. */
export const jobIdOf = (scenarioIndex: number, firstRun: number, count: number): string => `s${scenarioIndex}-r${firstRun}-n${count}`;

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));
const seed = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const buildId = z.string().min(1).max(64);

/** A fault injected by the tests (see faults.ts), as data. */
const FaultSchema = z.strictObject({ kind: z.enum(["throw", "exit"]), scenario: z.number().int().min(0), run: z.number().int().min(0) });

/** A batch's registration: what a worker needs before it takes the batch's jobs. */
export const BatchMetaSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  build: buildId,
  batch: hex(16),
  /** the plan's scenarios in order: name (for the logs) and content hash */
  scenarios: z.array(z.strictObject({ name: z.string().max(500), hash: hex(64) })).min(1),
  faults: z.array(FaultSchema).max(1000).optional(),
  /** an experiment's batch: content hash of its PlanExperiment (experiment-store.ts), from which a worker cuts each job's points */
  experiment: hex(64).optional(),
  /** the batch's time limit per run, ms (--run-time-limit): a run taking longer fails with a message */
  runTimeLimitMs: z.number().positive().max(86_400_000).optional(),
  /** a calibration's batch (history-protocol.ts): its one scenario runs history jobs with these calibrated parameters (theta's order), each giving `width` statistics */
  calibration: z
    .strictObject({ parameters: z.array(z.string().min(1).max(500)).min(1).max(1000), width: z.number().int().min(1).max(100_000) })
    .optional(),
});
/** A batch's registration. */
export type BatchMeta = z.infer<typeof BatchMetaSchema>;

/** A shard job: self-contained data, no code. */
export const JobDataSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  build: buildId,
  batch: hex(16),
  scenarioIndex: z.number().int().min(0),
  /** content hash of the scenario the shard runs */
  scenarioHash: hex(64),
  /** the batch's base seed (null for an explicit seed list): a worker checks the seeds against it */
  baseSeed: seed.nullable(),
  firstRun: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  seeds: z.array(seed).min(1).max(MAX_JOB_RUNS),
});
/** A shard job. */
export type JobData = z.infer<typeof JobDataSchema>;

/** A job's result, as the worker returns it. */
export const JobResultSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  build: buildId,
  /** who ran it (host/pid), for the logs */
  worker: z.string().max(300),
  width: z.number().int().min(1).max(1_000_000),
  /** base64 of the records' Float64Array bytes (little-endian) */
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  errors: z.array(z.string().max(20_000).nullable()).min(1).max(MAX_JOB_RUNS),
  computeMs: z.number().min(0),
});
/** A job's result. */
export type JobResult = z.infer<typeof JobResultSchema>;

/** Data in Redis that fails its hash or its schema: a worker refuses the batch that names it (it cannot become valid). */
export class InvalidDataError extends Error {}

/** SHA-256 hex of a text's UTF-8 bytes (node:crypto: the queue is Node-only, and scenarios are large). */
export const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Content hash of a resolved scenario as it runs: SHA-256 of its canonical JSON (the text stored in Redis). */
export function scenarioText(scenario: unknown): { text: string; hash: string } {
  const text = canonicalJson(scenario);
  return { text, hash: sha256(text) };
}

/**
 * A batch's id: a hash of what decides its records (engine and build, seeds, scenario contents,
 * an experiment's content hash, test faults), so a re-run coordinator finds its own queue, and
 * no two batches share one. The number of runs is not part of it: a batch may grow.
 */
export function batchIdOf(plan: BatchPlan, build: string, scenarioHashes: readonly string[], experimentHash: string | null = null): string {
  const seeds = plan.seeds.kind === "derived" ? { baseSeed: plan.seeds.baseSeed } : { list: sha256(canonicalJson(plan.seeds.seeds)) };
  return sha256(canonicalJson({ v: PROTOCOL_VERSION, build, seeds, scenarios: scenarioHashes, experiment: experimentHash, faults: plan.faults ?? [] })).slice(0, 16);
}

/** The job for a shard. */
export function jobData(meta: BatchMeta, baseSeed: number | null, shard: Shard): JobData {
  return {
    v: PROTOCOL_VERSION,
    build: meta.build,
    batch: meta.batch,
    scenarioIndex: shard.scenarioIndex,
    scenarioHash: meta.scenarios[shard.scenarioIndex].hash,
    baseSeed,
    firstRun: shard.firstRun,
    seeds: [...shard.seeds],
  };
}

/** Packs a shard's result (or a history job's statistics, as records of `width` values) for the queue. */
export function encodeResult(result: ShardResult | Omit<ShardResult, "shard">, build: string, worker: string): JobResult {
  const bytes = Buffer.from(result.data.buffer, result.data.byteOffset, result.data.byteLength);
  return { v: PROTOCOL_VERSION, build, worker, width: result.width, data: bytes.toString("base64"), errors: result.errors, computeMs: result.computeMs };
}

/** Unpacks a job's result for `shard` after checking it (schema, run count, record width); throws on a result that does not fit. */
export function decodeResult(value: unknown, shard: Shard, width: number): ShardResult {
  const parsed = JobResultSchema.safeParse(typeof value === "string" ? JSON.parse(value) : value);
  if (!parsed.success) throw new Error(`a job's result does not match the schema: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const r = parsed.data;
  if (r.width !== width) throw new Error(`a job's result has records of ${r.width} values, the scenario's have ${width}`);
  if (r.errors.length !== shard.count) throw new Error(`a job's result has ${r.errors.length} runs, the shard ${shard.count}`);
  const bytes = Buffer.from(r.data, "base64");
  if (bytes.length !== shard.count * width * 8) throw new Error(`a job's result holds ${bytes.length} bytes, expected ${shard.count * width * 8}`);
  const data = new Float64Array(shard.count * width);
  new Uint8Array(data.buffer).set(bytes);
  return { shard, width, data, errors: r.errors, computeMs: r.computeMs };
}
