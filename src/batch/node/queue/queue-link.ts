/**
 * A coordinator's link to its queue, shared by the batch coordinator (coordinator.ts) and the
 * calibration's (history-coordinator.ts): the two Redis connections, the batch's BullMQ queue and
 * its events, the registration (what workers fetch by hash, then the batch's meta with a time to
 * live), and a periodic check that keeps the registration alive (registering again after Redis
 * lost it), settles jobs whose event was missed, puts back jobs that Redis lost, passes on the
 * workers' notes and counts the workers. Closing a finished batch leaves nothing in Redis; an
 * unfinished one leaves its jobs for a re-run.
 */
import type { Queue } from "bullmq";
import type { Redis as RedisClient } from "ioredis";
import { bounded, redisClient, type QueueLibs } from "./libs.js";
import { KEY_PREFIX, keys, queueName } from "./protocol.js";
import type { QueueUrl } from "./url.js";

/** What the coordinator knows of its queue. */
export interface QueueStatus {
  /** the batch id (null until connected) */
  batch: string | null;
  /** worker processes connected to the batch's queue (null until known) */
  workers: number | null;
  redis: "connecting" | "up" | "down";
}

/** Options every coordinator (batch or calibration) takes. */
export interface CoordinatorOptions {
  url: QueueUrl;
  /** how often it checks its pending jobs, the registration and the worker count, ms (default 1000) */
  checkMs?: number;
  /** how long the registration outlives a coordinator that stopped refreshing it, ms (default 30,000) */
  registrationTtlMs?: number;
  /** one-line notices for the user (Redis lost and back, results reused, a worker's refusal) */
  onNotice?: (text: string) => void;
  /** called after each check, with the status */
  onStatus?: (status: QueueStatus) => void;
}

/** What the link is for: the coordinator's options and its batch. */
export interface QueueLinkOptions extends CoordinatorOptions {
  libs: QueueLibs;
  /** the batch id (the queue's name) and its meta, as registered */
  batch: string;
  metaText: string;
  /** "batch" or "calibration": in notices and errors */
  what: string;
  /** the status the link keeps up to date (redis, workers) */
  status: QueueStatus;
}

/** What the link asks of its coordinator. */
export interface QueueLinkHooks {
  /** stores in Redis what the workers fetch by hash (scenarios, an experiment), before the meta */
  publish(redis: RedisClient): Promise<void>;
  /** the ids of the jobs not settled yet */
  pendingIds(): Iterable<string>;
  /** puts job `id` on the queue again (Redis lost it) */
  addAgain(id: string): Promise<unknown>;
  /** job `id` finished with `returnvalue` (called again for a settled job: ignore it) */
  finish(id: string, returnvalue: unknown): void;
  /** job `id` failed for good */
  fail(id: string, reason: string): void;
  /** runs once registered, before the checks start (the batch coordinator books the jobs already there) */
  ready?(queue: Queue): Promise<void>;
}

/** An open link: its command connection and queue, and closing it. */
export interface QueueLink {
  redis: RedisClient;
  queue: Queue;
  /** stops the checks, removes the registration (and the queue when `finished`), closes every connection */
  close(finished: boolean): Promise<void>;
}

/** Connects, registers and starts the checks; a refusal after connecting (an ACL without the rights) rejects in one line, leaving nothing open. */
export async function openQueueLink(options: QueueLinkOptions, hooks: QueueLinkHooks): Promise<QueueLink> {
  const { libs, url, batch, status } = options;
  const notice = options.onNotice ?? (() => {});
  const ttlMs = options.registrationTtlMs ?? 30_000;
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

  const register = async () => {
    await hooks.publish(redis);
    await redis.set(keys.batch(batch), options.metaText, "PX", ttlMs);
    await redis.sadd(keys.registry, batch);
  };

  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      if ((await redis.pexpire(keys.batch(batch), ttlMs)) === 0) {
        await register();
        notice(`registered the ${options.what} again (Redis had lost it: restarted?)`);
      } else await redis.sadd(keys.registry, batch);
      await Promise.all(
        [...hooks.pendingIds()].map(async (id) => {
          const state = await queue.getJobState(id);
          if (state === "unknown") return void (await hooks.addAgain(id));
          if (state !== "completed" && state !== "failed") return;
          const job = await libs.bullmq.Job.fromId(queue, id);
          if (job && state === "completed") hooks.finish(id, job.returnvalue);
          if (job && state === "failed") hooks.fail(id, job.failedReason);
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

  events.on("completed", ({ jobId, returnvalue }) => hooks.finish(jobId, returnvalue));
  events.on("failed", ({ jobId, failedReason }) => {
    void queue.getJobState(jobId).then((state) => state === "failed" && hooks.fail(jobId, failedReason), () => {});
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
    await hooks.ready?.(queue);
  } catch (err) {
    closing = true;
    await shut();
    throw new Error(url.redact(`the queue at ${url.safe} refused the ${options.what}: ${(err as Error).message.split("\n")[0]}`));
  }
  const timer = setInterval(() => void check(), options.checkMs ?? 1000);
  timer.unref();
  void check();

  return {
    redis,
    queue,
    async close(finished) {
      if (closing) return;
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
