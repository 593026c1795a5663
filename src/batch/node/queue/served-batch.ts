/**
 * One batch as a worker process serves it: the batch's scenarios (fetched by content hash and
 * checked), a pool of worker threads speaking the same worker API as a local batch (so records,
 * failed runs and crashed threads are handled exactly as locally), and a BullMQ Worker on the
 * batch's queue whose processor checks every job against the schema, the build and the batch's
 * registration before a thread runs it. An experiment's batch names its run spec and design by
 * content hash: fetched and checked once, each job's points are cut from it here (a job carries
 * only its runs and seeds). No code is ever taken from a job.
 */
import type { Job } from "bullmq";
import type { Redis as RedisClient } from "ioredis";
import { BUILD_ID } from "../../build-id.js";
import { shardExperiment, type PlanExperiment } from "../../experiment/spec.js";
import { planSeed, type BatchPlan, type Shard } from "../../plan.js";
import type { Scenario } from "../../../scenario/schema.js";
import { workerPool, type SpawnWorker } from "../../worker-pool.js";
import { fetchExperiment } from "./experiment-store.js";
import type { QueueLibs } from "./libs.js";
import { JobDataSchema, encodeResult, keys, type BatchMeta, type JobData, type JobResult } from "./protocol.js";
import type { ScenarioCache } from "./scenario-store.js";
import { serveQueue, type TrackJob } from "./served-queue.js";

/** What every served batch of a worker process shares. */
export interface WorkerContext {
  libs: QueueLibs;
  /** for notes to coordinators */
  redis: RedisClient;
  scenarios: ScenarioCache;
  /** a new connection for a BullMQ Worker */
  connect(): RedisClient;
  /** threads per batch, and jobs at once */
  concurrency: number;
  /** BullMQ lock duration, ms; a dead worker's job goes back to the queue about this long after */
  lockMs: number;
  /** "host/pid" */
  name: string;
  spawn: SpawnWorker;
  log(line: string): void;
}

/** A batch being served. */
export interface ServedBatch {
  meta: BatchMeta;
  /** jobs running now */
  running(): number;
  /** stops taking jobs, waits for the running ones to finish, stops the threads */
  close(): Promise<void>;
  /** returns the running jobs to the queue at once and stops the threads (the process exits next) */
  abandon(): Promise<void>;
}


/** Leaves a one-line note for the batch's coordinator (kept an hour). */
export async function noteToCoordinator(redis: RedisClient, batch: string, text: string): Promise<void> {
  await redis.rpush(keys.notes(batch), text);
  await redis.ltrim(keys.notes(batch), -100, -1);
  await redis.expire(keys.notes(batch), 3600);
}

/** Why a valid job must not run in this batch (of this experiment, if any), or null. */
export function misfit(d: JobData, meta: BatchMeta, experiment: PlanExperiment | null): string | null {
  if (d.build !== BUILD_ID) return `it was made for clustersim build ${d.build}, this worker is build ${BUILD_ID} (run the same build on every machine)`;
  if (d.batch !== meta.batch) return `it names batch ${d.batch}, its queue is batch ${meta.batch}'s`;
  const s = meta.scenarios[d.scenarioIndex];
  if (!s || s.hash !== d.scenarioHash) return "its scenario is not the one the batch registered at that index";
  if (experiment) {
    const runs = experiment.points.length * experiment.replications;
    if (d.baseSeed === null) return "an experiment's job must carry its base seed";
    if (d.firstRun + d.seeds.length > runs) return `its runs ${d.firstRun}-${d.firstRun + d.seeds.length - 1} go beyond the experiment's ${runs}`;
  }
  if (d.baseSeed !== null) {
    // run k of an experiment has the seed of its replication, k mod R (planSeed)
    const seeds = { seeds: { kind: "derived" as const, baseSeed: d.baseSeed }, ...(experiment ? { experiment } : {}) };
    for (let j = 0; j < d.seeds.length; j++) if (d.seeds[j] !== planSeed(seeds, d.firstRun + j)) return `its seed for run ${d.firstRun + j} does not follow base seed ${d.baseSeed}`;
  }
  return null;
}

/** Starts serving a registered batch: fetches its scenarios, starts its threads and its BullMQ Worker. */
export async function serveBatch(ctx: WorkerContext, meta: BatchMeta): Promise<ServedBatch> {
  const experiment = meta.experiment ? await fetchExperiment(ctx.redis, meta.experiment) : null;
  // a test function's experiment runs no scenario: its stand-in only names it (experiment/plan.ts)
  const scenarios =
    experiment && experiment.spec.model.kind !== "scenario"
      ? meta.scenarios.map((s) => ({ name: s.name }) as unknown as Scenario)
      : await ctx.scenarios.get(meta.scenarios.map((s) => s.hash));
  // the pool needs the scenarios (sent to each thread once) and the tests' faults; no seeds or runs
  const plan: BatchPlan = {
    scenarios: meta.scenarios.map((s, i) => ({ name: s.name, file: `redis:${s.hash}`, hash: s.hash, scenario: scenarios[i] })),
    seeds: { kind: "derived", baseSeed: 0 },
    runs: 0,
    ...(meta.faults ? { faults: meta.faults } : {}),
  };
  const pool = workerPool(plan, ctx.concurrency, ctx.spawn);
  const short = meta.batch.slice(0, 8);
  const { UnrecoverableError } = ctx.libs.bullmq;

  const processor = async (job: Job, token: string | undefined, track: TrackJob): Promise<JobResult> => {
    const parsed = JobDataSchema.safeParse(job.data);
    if (!parsed.success) {
      const why = `job ${job.id} refused: it does not match the job schema (${parsed.error.issues[0]?.message})`;
      ctx.log(`batch ${short}: ${why}`);
      throw new UnrecoverableError(why);
    }
    const d = parsed.data;
    const why = misfit(d, meta, experiment);
    if (why) {
      ctx.log(`batch ${short}: job ${job.id} refused: ${why}`);
      await noteToCoordinator(ctx.redis, meta.batch, `worker ${ctx.name} refused job ${job.id}: ${why}`).catch(() => {});
      throw new UnrecoverableError(`refused by worker ${ctx.name}: ${why}`);
    }
    const shard: Shard = {
      scenarioIndex: d.scenarioIndex,
      scenarioHash: meta.scenarios[d.scenarioIndex].hash,
      firstRun: d.firstRun,
      count: d.seeds.length,
      seeds: d.seeds,
      ...(experiment ? { experiment: shardExperiment(experiment, d.firstRun, d.seeds.length) } : {}),
      ...(meta.runTimeLimitMs !== undefined ? { timeLimitMs: meta.runTimeLimitMs } : {}),
    };
    const what = `batch ${short} ${meta.scenarios[d.scenarioIndex].name}: ${shard.count === 1 ? "run" : "runs"} ${shard.firstRun}${shard.count === 1 ? "" : `-${shard.firstRun + shard.count - 1}`}`;
    ctx.log(what);
    return track(job, token, async () => {
      const result = await pool.runShard(shard);
      const failed = result.errors.filter((e) => e !== null).length;
      ctx.log(`${what} done in ${Math.round(result.computeMs)} ms${failed > 0 ? `, ${failed} failed` : ""}`);
      return encodeResult(result, BUILD_ID, ctx.name);
    });
  };

  return serveQueue(ctx, meta, `batch ${short}`, processor, () => pool.close());
}
