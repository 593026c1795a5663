/**
 * The queue executor: the coordinator's side of a batch on BullMQ. It registers the batch in Redis
 * (its scenarios by content hash, kept alive while it runs), puts each shard it is asked for on
 * the batch's queue as a self-contained job and answers with the job's result, checked. An
 * experiment's batch also puts its run spec and design in Redis by content hash, from which the
 * workers cut each job's points. It never
 * runs a shard itself. Robust to what a long batch meets: results of an earlier, killed
 * coordinator are reused (job-book.ts); a periodic check catches results whose event was missed
 * and puts back jobs that Redis lost (a restart without persistence); a job that failed twice
 * (a processing error, or a worker killed twice under it) gives its runs as failed.
 */
import { BUILD_ID } from "../../build-id.js";
import type { Executor } from "../../executor.js";
import { shardExperiment } from "../../experiment/spec.js";
import { baseSeedOf, type BatchPlan, type Shard } from "../../plan.js";
import { recordLayout } from "../../record.js";
import type { ShardResult } from "../../run-shard.js";
import { JobBook, type BookJob } from "./job-book.js";
import { loadQueueLibs, probeRedis, redisClient, type QueueLibs } from "./libs.js";
import { experimentText, publishExperiment } from "./experiment-store.js";
import { BatchMetaSchema, JobDataSchema, KEY_PREFIX, PROTOCOL_VERSION, batchIdOf, decodeResult, jobData, jobIdOf, keys, queueName, scenarioText, type BatchMeta } from "./protocol.js";
import { publishScenarios } from "./scenario-store.js";
import type { QueueUrl } from "./url.js";

/** Shards on the queue at once by default (the executor's concurrency, from which runBatch sizes shards). */
export const DEFAULT_WINDOW = 32;
/** Attempts per job: a job whose processing fails twice gives its runs as failed. */
export const JOB_ATTEMPTS = 2;

/** Options of the queue executor. */
export interface QueueExecutorOptions {
  url: QueueUrl;
  /** shards on the queue at once (default 32): more than the workers' threads, so none idles */
  window?: number;
  /** how often it checks its pending jobs, the registration and the worker count, ms (default 1000) */
  checkMs?: number;
  /** how long the registration outlives a coordinator that stopped refreshing it, ms (default 30,000) */
  registrationTtlMs?: number;
  /** one-line notices for the user (Redis lost and back, results reused, a worker's refusal) */
  onNotice?: (text: string) => void;
  /** called after each check, with the status */
  onStatus?: (status: QueueStatus) => void;
}

/** What the coordinator knows of its queue. */
export interface QueueStatus {
  /** the batch id (null until connected) */
  batch: string | null;
  /** worker processes connected to the batch's queue (null until known) */
  workers: number | null;
  redis: "connecting" | "up" | "down";
}

/** The queue executor: an Executor with a status. */
export interface QueueExecutor extends Executor {
  status(): QueueStatus;
}

/** A connected coordinator. */
interface Session {
  libs: QueueLibs;
  meta: BatchMeta;
  book: JobBook;
  addJob(job: BookJob): Promise<void>;
  close(finished: boolean): Promise<void>;
}

/** Resolves after `ms` or when `work` ends, whichever is first (clean-up must not hang on a dead Redis). */
export const bounded = (ms: number, work: Promise<unknown>) =>
  Promise.race([work.catch(() => {}), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

/** A queue executor for `plan`: connects on the first shard (bullmq and ioredis are imported then). */
export function queueExecutor(plan: BatchPlan, options: QueueExecutorOptions): QueueExecutor {
  const { url } = options;
  const window = options.window ?? DEFAULT_WINDOW;
  const checkMs = options.checkMs ?? 1000;
  const ttlMs = options.registrationTtlMs ?? 30_000;
  const notice = options.onNotice ?? (() => {});
  const status: QueueStatus = { batch: null, workers: null, redis: "connecting" };
  const widths = new Map<number, number>();
  // an experiment's runs record one value per outcome (its test function's stand-in scenario has no layout)
  const widthOf = (s: number) =>
    plan.experiment ? plan.experiment.spec.values.length : (widths.get(s) ?? widths.set(s, recordLayout(plan.scenarios[s].scenario).width).get(s)!);
  const shardOfJob = (job: BookJob): Shard => ({
    scenarioIndex: job.scenarioIndex,
    scenarioHash: plan.scenarios[job.scenarioIndex].hash,
    firstRun: job.firstRun,
    count: job.seeds.length,
    seeds: [...job.seeds],
    ...(plan.experiment ? { experiment: shardExperiment(plan.experiment, job.firstRun, job.seeds.length) } : {}),
  });
  const failedResult = (job: BookJob, message: string): ShardResult => {
    const count = job.seeds.length;
    return { shard: shardOfJob(job), width: widthOf(job.scenarioIndex), data: new Float64Array(count * widthOf(job.scenarioIndex)), errors: Array(count).fill(message), computeMs: 0 };
  };
  let session: Promise<Session> | null = null;
  let asked = 0;

  async function open(): Promise<Session> {
    const libs = await loadQueueLibs();
    await probeRedis(libs, url);
    const texts = plan.scenarios.map((s) => scenarioText(s.scenario));
    const hashes = texts.map((t) => t.hash);
    const experiment = plan.experiment ? experimentText(plan.experiment) : null;
    const batch = batchIdOf(plan, BUILD_ID, hashes, experiment?.hash ?? null);
    const meta = BatchMetaSchema.parse({
      v: PROTOCOL_VERSION,
      build: BUILD_ID,
      batch,
      scenarios: plan.scenarios.map((s, i) => ({ name: s.name, hash: hashes[i] })),
      ...(plan.faults && plan.faults.length > 0 ? { faults: plan.faults.map((f) => ({ ...f })) } : {}),
      ...(experiment ? { experiment: experiment.hash } : {}),
      ...(plan.runTimeLimitMs !== undefined ? { runTimeLimitMs: plan.runTimeLimitMs } : {}),
    });
    const metaText = JSON.stringify(meta);
    const baseSeed = baseSeedOf(plan);
    status.batch = batch;
    let closing = false;
    const lost = (m: string) => {
      if (status.redis !== "down" && !closing) notice(`lost Redis (${m}); retrying`);
      status.redis = "down";
    };
    const redis = redisClient(libs, url, lost);
    redis.on("close", () => lost("connection closed"));
    redis.on("ready", () => {
      if (status.redis === "down") notice("Redis is back");
      status.redis = "up";
    });
    const eventsConnection = redisClient(libs, url, () => {});
    const queue = new libs.bullmq.Queue(queueName(batch), { connection: redis, prefix: KEY_PREFIX, streams: { events: { maxLen: 1000 } } });
    queue.on("error", () => {});
    const events = new libs.bullmq.QueueEvents(queueName(batch), { connection: eventsConnection, prefix: KEY_PREFIX });
    events.on("error", () => {});
    const book = new JobBook((job) => void queue.remove(job.id).catch(() => {}));

    const register = async () => {
      await publishScenarios(redis, texts);
      if (experiment) await publishExperiment(redis, experiment);
      await redis.set(keys.batch(batch), metaText, "PX", ttlMs);
      await redis.sadd(keys.registry, batch);
    };
    const finish = (id: string, returnvalue: unknown) => {
      const job = book.get(id);
      if (!job || job.settled) return;
      try {
        book.settle(id, decodeResult(returnvalue, shardOfJob(job), widthOf(job.scenarioIndex)));
      } catch (err) {
        book.settle(id, failedResult(job, `its queue job's result was refused: ${(err as Error).message}`));
      }
    };
    const fail = (id: string, reason: string) => {
      const job = book.get(id);
      if (job && !job.settled) book.settle(id, failedResult(job, `its queue job failed ${JOB_ATTEMPTS} times: ${reason}`));
    };
    const addJob = async (job: BookJob) => {
      await queue.add("shard", jobData(meta, baseSeed, shardOfJob(job)), {
        jobId: job.id,
        attempts: JOB_ATTEMPTS,
        backoff: { type: "fixed", delay: 500 },
        removeOnComplete: false,
        removeOnFail: false,
      });
    };

    /** Books the jobs already on the queue: finished ones are reused, pending ones awaited, failed ones tried again. */
    const recover = async () => {
      let reused = 0;
      let pending = 0;
      for (const state of ["completed", "failed", "waiting", "active", "delayed", "prioritized"] as const) {
        for (const j of await queue.getJobs([state], 0, -1)) {
          const d = JobDataSchema.safeParse(j.data);
          const ok = d.success && d.data.batch === batch && d.data.scenarioIndex < hashes.length && d.data.scenarioHash === hashes[d.data.scenarioIndex];
          if (!ok || state === "failed") {
            await j.remove().catch(() => {});
            continue;
          }
          if (!j.id || book.get(j.id)) continue;
          book.add(j.id, d.data.scenarioIndex, d.data.firstRun, d.data.seeds);
          if (state === "completed") {
            finish(j.id, j.returnvalue);
            reused += d.data.seeds.length;
          } else pending += d.data.seeds.length;
        }
      }
      if (reused + pending > 0) notice(`the queue already holds ${reused} finished runs of this batch (reused) and ${pending} on their way`);
    };

    let checking = false;
    const check = async () => {
      if (checking) return;
      checking = true;
      try {
        if ((await redis.pexpire(keys.batch(batch), ttlMs)) === 0) {
          await register();
          notice("registered the batch again (Redis had lost it: restarted?)");
        } else await redis.sadd(keys.registry, batch);
        await Promise.all(
          book.pending().map(async (job) => {
            const state = await queue.getJobState(job.id);
            if (state === "unknown") return addJob(job);
            if (state !== "completed" && state !== "failed") return;
            const j = await libs.bullmq.Job.fromId(queue, job.id);
            if (j && state === "completed") finish(job.id, j.returnvalue);
            if (j && state === "failed") fail(job.id, j.failedReason);
          }),
        );
        for (const note of (await redis.lpop(keys.notes(batch), 100)) ?? []) notice(note);
        status.workers = await queue.getWorkersCount();
        options.onStatus?.({ ...status });
      } catch {
        // Redis is away: the next check tries again
      } finally {
        checking = false;
      }
    };

    events.on("completed", ({ jobId, returnvalue }) => finish(jobId, returnvalue));
    events.on("failed", ({ jobId, failedReason }) => {
      void queue.getJobState(jobId).then((state) => state === "failed" && fail(jobId, failedReason), () => {});
    });
    /** Closes BullMQ's side (ending its loops), then cuts every connection. */
    const shut = async () => {
      await bounded(5000, Promise.all([events.close(), queue.close()]));
      // BullMQ quits its own blocking connections only after their blocking command returns: cut them now
      await bounded(1000, Promise.all([events.disconnect(), queue.disconnect()]));
      redis.disconnect();
      eventsConnection.disconnect();
    };
    try {
      await events.waitUntilReady();
      await register();
      status.redis = "up";
      await recover();
    } catch (err) {
      // refused after connecting (an ACL without the rights, say): leave nothing open
      closing = true;
      await shut();
      throw new Error(url.redact(`the queue at ${url.safe} refused the batch: ${(err as Error).message.split("\n")[0]}`));
    }
    const timer = setInterval(() => void check(), checkMs);
    timer.unref();
    void check();

    return {
      libs,
      meta,
      book,
      addJob,
      async close(finished) {
        closing = true;
        clearInterval(timer);
        await bounded(5000, (async () => {
          if (finished) await queue.obliterate({ force: true });
          await redis.del(keys.batch(batch));
          await redis.srem(keys.registry, batch);
        })());
        await shut();
      },
    };
  }

  return {
    concurrency: window,
    status: () => ({ ...status }),
    async runShard(shard) {
      asked += 1;
      try {
        session ??= open();
        const s = await session;
        const added: BookJob[] = [];
        const pieces = s.book.pieces(shard, (part) => {
          const job = s.book.add(jobIdOf(part.scenarioIndex, part.firstRun, part.count), part.scenarioIndex, part.firstRun, part.seeds);
          added.push(job);
          return job;
        });
        await Promise.all(added.map((job) => s.addJob(job)));
        return await s.book.assemble(shard, pieces);
      } finally {
        asked -= 1;
      }
    },
    async close() {
      if (!session) return;
      const s = await session.catch(() => null);
      // a finished batch leaves nothing in Redis; an interrupted one leaves its jobs for a resume
      await s?.close(asked === 0);
    },
  };
}
