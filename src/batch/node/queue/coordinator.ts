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
import type { Queue } from "bullmq";
import { BUILD_ID } from "../../build-id.js";
import type { Executor } from "../../executor.js";
import { shardExperiment } from "../../experiment/spec.js";
import { baseSeedOf, type BatchPlan, type Shard } from "../../plan.js";
import { recordLayout } from "../../record.js";
import type { ShardResult } from "../../run-shard.js";
import { JobBook, type BookJob } from "./job-book.js";
import { loadQueueLibs, probeRedis, type QueueLibs } from "./libs.js";
import { experimentText, publishExperiment } from "./experiment-store.js";
import { BatchMetaSchema, JobDataSchema, PROTOCOL_VERSION, batchIdOf, decodeResult, jobData, jobIdOf, scenarioText, type BatchMeta } from "./protocol.js";
import { openQueueLink, type CoordinatorOptions, type QueueStatus } from "./queue-link.js";
import { publishScenarios } from "./scenario-store.js";

/** Shards on the queue at once by default (the executor's concurrency, from which runBatch sizes shards). */
export const DEFAULT_WINDOW = 32;
/** Attempts per job: a job whose processing fails twice gives its runs as failed. */
export const JOB_ATTEMPTS = 2;

/** Options of the queue executor. */
export interface QueueExecutorOptions extends CoordinatorOptions {
  /** shards on the queue at once (default 32): more than the workers' threads, so none idles */
  window?: number;
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

/** A queue executor for `plan`: connects on the first shard (bullmq and ioredis are imported then). */
export function queueExecutor(plan: BatchPlan, options: QueueExecutorOptions): QueueExecutor {
  const { url } = options;
  const window = options.window ?? DEFAULT_WINDOW;
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
    let queue: Queue | null = null;
    const book = new JobBook((job) => void queue?.remove(job.id).catch(() => {}));
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
      await queue!.add("shard", jobData(meta, baseSeed, shardOfJob(job)), {
        jobId: job.id,
        attempts: JOB_ATTEMPTS,
        backoff: { type: "fixed", delay: 500 },
        removeOnComplete: false,
        removeOnFail: false,
      });
    };

    /** Books the jobs already on the queue: finished ones are reused, pending ones awaited, failed ones tried again. */
    const recover = async (q: Queue) => {
      let reused = 0;
      let pending = 0;
      for (const state of ["completed", "failed", "waiting", "active", "delayed", "prioritized"] as const) {
        for (const j of await q.getJobs([state], 0, -1)) {
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

    const link = await openQueueLink(
      { ...options, libs, batch, metaText, what: "batch", status },
      {
        async publish(redis) {
          await publishScenarios(redis, texts);
          if (experiment) await publishExperiment(redis, experiment);
        },
        pendingIds: () => book.pending().map((job) => job.id),
        addAgain: (id) => addJob(book.get(id)!),
        finish,
        fail,
        async ready(q) {
          queue = q;
          await recover(q);
        },
      },
    );
    return { libs, meta, book, addJob, close: (finished) => link.close(finished) };
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
