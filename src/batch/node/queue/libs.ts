/**
 * The queue's optional libraries and its Redis connections. bullmq and ioredis are imported here,
 * dynamically, and only when a queue is used (--queue, `clustersim worker`): a local batch never
 * loads them, and an install without them still runs everything else. The bundle keeps them
 * external (build.mjs), so they are never part of dist/cli.js.
 */
import type { Redis as RedisClient, RedisOptions } from "ioredis";
import type { QueueUrl } from "./url.js";

/** The loaded libraries. */
export interface QueueLibs {
  bullmq: typeof import("bullmq");
  Redis: typeof import("ioredis").Redis;
}

let loading: Promise<QueueLibs> | null = null;

/** Imports bullmq and ioredis once; a clear error when they are not installed. */
export function loadQueueLibs(): Promise<QueueLibs> {
  loading ??= (async () => {
    try {
      const [bullmq, ioredis] = await Promise.all([import("bullmq"), import("ioredis")]);
      return { bullmq, Redis: ioredis.Redis };
    } catch (err) {
      loading = null;
      throw new Error(`the queue needs the optional packages bullmq and ioredis (npm install bullmq ioredis): ${(err as Error).message.split("\n")[0]}`);
    }
  })();
  return loading;
}

/** Resolves after `ms` or when `work` ends, whichever is first (clean-up must not hang on a dead Redis). */
export const bounded = (ms: number, work: Promise<unknown>) =>
  Promise.race([work.catch(() => {}), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

/** Why a connection failed, in a few words (never the password: the caller redacts). */
function reason(err: Error & { code?: string }): string {
  const text = err.message ?? String(err);
  if (err.code === "ECONNREFUSED") return "connection refused (is redis-server running there?)";
  if (err.code === "ENOTFOUND" || err.code === "EAI_AGAIN") return "unknown host";
  if (err.code === "ETIMEDOUT" || /timed? ?out/i.test(text)) return "no answer (host unreachable or a firewall in the way)";
  if (/WRONGPASS|invalid password|invalid username-password/i.test(text)) return "Redis refused the password (WRONGPASS)";
  if (/NOAUTH/i.test(text)) return "Redis asks for a password and the URL gives none (NOAUTH)";
  if (/without any password configured/i.test(text)) return "the URL gives a password but this Redis has none";
  return text.split("\n")[0];
}

/**
 * Connects once without retrying and pings, so that a wrong password or an unreachable host is
 * reported at once as one line (the password never in it) instead of being retried forever.
 */
export async function probeRedis(libs: QueueLibs, url: QueueUrl, timeoutMs = 5000): Promise<void> {
  let last: Error | null = null;
  const client = new libs.Redis(url.href, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    disconnectTimeout: 100,
  });
  client.on("error", (err: Error) => void (last = err));
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    const cause = (last ?? err) as Error & { code?: string };
    throw new Error(url.redact(`cannot use the queue at ${url.safe}: ${reason(cause)}`));
  } finally {
    client.disconnect();
  }
}

/**
 * A connection that retries for ever (BullMQ's blocking commands need maxRetriesPerRequest: null),
 * so a restarting Redis only delays the work. Errors go to `onError`, redacted.
 */
export function redisClient(libs: QueueLibs, url: QueueUrl, onError: (message: string) => void, options: RedisOptions = {}): RedisClient {
  const client = new libs.Redis(url.href, {
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
    connectTimeout: 10_000,
    // a closed connection's socket is destroyed after this long instead of ioredis's 2 s, which kept a finished process alive
    disconnectTimeout: 300,
    ...options,
  });
  client.on("error", (err: Error) => onError(url.redact(`${url.safe}: ${err.message.split("\n")[0]}`)));
  return client;
}
