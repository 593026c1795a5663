/**
 * The BullMQ side of a batch a worker process serves, shared by shard batches (served-batch.ts)
 * and calibrations (served-histories.ts): a Worker on the batch's queue with the process's
 * concurrency and lock, the jobs running now, and the ServedBatch that closes it (waiting for the
 * running jobs, or returning them to the queue at once) before stopping the threads.
 */
import type { Job } from "bullmq";
import { bounded } from "./libs.js";
import { KEY_PREFIX, queueName, type BatchMeta, type JobResult } from "./protocol.js";
import type { ServedBatch, WorkerContext } from "./served-batch.js";

/** Runs a job's work while counting it as running (close waits for it, abandon returns it to the queue). */
export type TrackJob = (job: Job, token: string | undefined, work: () => Promise<JobResult>) => Promise<JobResult>;

/** Starts the BullMQ Worker of `meta`'s queue on `processor`; `label` ("batch 1a2b3c4d") heads its log lines; `stopThreads` ends the batch's threads. */
export function serveQueue(
  ctx: WorkerContext,
  meta: BatchMeta,
  label: string,
  processor: (job: Job, token: string | undefined, track: TrackJob) => Promise<JobResult>,
  stopThreads: () => Promise<void>,
): ServedBatch {
  const active = new Map<string, { job: Job; token: string | undefined; done: Promise<void> }>();
  const track: TrackJob = async (job, token, work) => {
    let finished!: () => void;
    active.set(job.id!, { job, token, done: new Promise<void>((resolve) => (finished = resolve)) });
    try {
      return await work();
    } finally {
      active.delete(job.id!);
      finished();
    }
  };
  const connection = ctx.connect();
  const worker = new ctx.libs.bullmq.Worker(queueName(meta.batch), (job: Job, token?: string) => processor(job, token, track), {
    connection,
    prefix: KEY_PREFIX,
    concurrency: ctx.concurrency,
    lockDuration: ctx.lockMs,
    stalledInterval: ctx.lockMs,
    maxStalledCount: 1,
  });
  worker.on("error", () => {}); // connection trouble is reported once by the process's own connection
  worker.on("failed", (job, err) => {
    if (job && !err.message.startsWith("refused") && !err.message.includes("refused:")) ctx.log(`${label}: job ${job.id} failed: ${err.message.split("\n")[0]}`);
  });

  return {
    meta,
    running: () => active.size,
    async close() {
      const closing = worker.close().catch(() => {}); // takes no more jobs; resolves once the running ones are stored
      await Promise.all([...active.values()].map((a) => a.done)); // the running jobs finish (in threads: no Redis needed)
      // storing their results needs Redis: with Redis away, give up after a while (the jobs then run again elsewhere)
      await bounded(5000, closing);
      await bounded(1000, worker.disconnect()); // its blocking connection, which would linger until its command returns
      await stopThreads();
      connection.disconnect();
    },
    async abandon() {
      // back to the queue at once; with Redis away, their locks expire and the stalled-job check returns them instead
      await bounded(2000, Promise.all([...active.values()].map(({ job, token }) => job.moveToWait(token))));
      await bounded(1000, worker.disconnect());
      await stopThreads();
      connection.disconnect();
    },
  };
}
