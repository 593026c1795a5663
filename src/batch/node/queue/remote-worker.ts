/**
 * A worker process on the queue (`clustersim worker`): it checks the connection at once (a wrong
 * password or an unreachable host fails in one line), then looks for registered batches every
 * second, serves each batch of its own build (served-batch.ts; a calibration's, served-histories.ts) and refuses the others with a
 * clear message (as it does a batch whose scenarios or experiment fail their hash or schema), stops serving a batch whose registration has gone, and on stop finishes its
 * running jobs (or, when told to abandon them, returns them to the queue) before it returns.
 */
import { hostname } from "node:os";
import { BUILD_ID } from "../../build-id.js";
import { untilAborted } from "../../settle.js";
import type { SpawnWorker } from "../../worker-pool.js";
import { spawnWorkerThread } from "../worker-threads.js";
import { loadQueueLibs, probeRedis, redisClient } from "./libs.js";
import { BatchMetaSchema, InvalidDataError, keys } from "./protocol.js";
import { ScenarioCache } from "./scenario-store.js";
import { noteToCoordinator, serveBatch, type ServedBatch, type WorkerContext } from "./served-batch.js";
import { serveHistories } from "./served-histories.js";
import type { QueueUrl } from "./url.js";

/** Default BullMQ lock duration, ms: a killed worker's job goes back to the queue within about twice this. */
export const DEFAULT_LOCK_MS = 30_000;

/** Options of a queue worker. */
export interface QueueWorkerOptions {
  url: QueueUrl;
  /** worker threads (and jobs at once) per batch */
  concurrency: number;
  /** BullMQ lock duration and stalled-job check interval, ms (default 30,000) */
  lockMs?: number;
  /** how often it looks for batches, ms (default 1000) */
  pollMs?: number;
  /** where it reports what it runs (stderr) */
  log(line: string): void;
  /** stop: take no more jobs, finish the running ones, return */
  stop: AbortSignal;
  /** abandon: return the running jobs to the queue at once (a second Ctrl-C) */
  abandon?: AbortSignal;
  /** starts a worker thread (default: spawnWorkerThread) */
  spawn?: SpawnWorker;
}

/** Waits `ms` or until `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Runs a queue worker until `options.stop` aborts; rejects at once when Redis cannot be used. */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  const { url, log } = options;
  const pollMs = options.pollMs ?? 1000;
  const graceMs = Math.max(10_000, 10 * pollMs);
  const libs = await loadQueueLibs();
  await probeRedis(libs, url);
  const name = `${hostname()}/${process.pid}`;
  let down = false;
  const onError = (message: string) => {
    if (!down) log(`lost Redis (${message}); retrying`);
    down = true;
  };
  const redis = redisClient(libs, url, onError);
  redis.on("close", () => !options.stop.aborted && onError("connection closed"));
  redis.on("ready", () => {
    if (down) log("Redis is back");
    down = false;
  });
  const ctx: WorkerContext = {
    libs,
    redis,
    scenarios: new ScenarioCache(redis),
    connect: () => redisClient(libs, url, onError),
    concurrency: options.concurrency,
    lockMs: options.lockMs ?? DEFAULT_LOCK_MS,
    name,
    spawn: options.spawn ?? spawnWorkerThread,
    log,
  };
  const served = new Map<string, ServedBatch & { missingSince: number | null }>();
  const refused = new Set<string>();
  const waitingFor = new Map<string, string>();

  const refuse = async (id: string, why: string) => {
    refused.add(id);
    log(`refusing batch ${id.slice(0, 8)}: ${why}`);
    await noteToCoordinator(redis, id, `worker ${name} refuses the batch: ${why}`);
  };

  const poll = async () => {
    const ids = await redis.smembers(keys.registry);
    const texts = ids.length > 0 ? await redis.mget(ids.map(keys.batch)) : [];
    const present = new Set<string>();
    for (const [k, id] of ids.entries()) {
      const text = texts[k];
      if (text === null) {
        await redis.srem(keys.registry, id); // its coordinator is gone; it adds the batch again when it comes back
        continue;
      }
      present.add(id);
      if (served.has(id) || refused.has(id) || options.stop.aborted) continue;
      let meta;
      try {
        meta = BatchMetaSchema.parse(JSON.parse(text));
      } catch {
        await refuse(id, "its registration does not match the schema");
        continue;
      }
      if (meta.build !== BUILD_ID) {
        await refuse(id, `it was made by clustersim build ${meta.build}, this worker is build ${BUILD_ID}: run the same build on every machine`);
        continue;
      }
      try {
        const batch = meta.calibration ? await serveHistories(ctx, meta) : await serveBatch(ctx, meta);
        if (options.stop.aborted) {
          await batch.close(); // stopped while it was starting
          continue;
        }
        served.set(id, { ...batch, missingSince: null });
        waitingFor.delete(id);
        const names = meta.scenarios.slice(0, 3).map((s) => s.name).join(", ") + (meta.scenarios.length > 3 ? ", …" : "");
        log(`${meta.calibration ? "calibration" : "batch"} ${id.slice(0, 8)} (${names}): taking its jobs with ${ctx.concurrency} thread${ctx.concurrency === 1 ? "" : "s"}`);
      } catch (err) {
        const why = (err as Error).message;
        if (err instanceof InvalidDataError) {
          await refuse(id, why); // a scenario or experiment that fails its hash or schema stays so
          continue;
        }
        if (waitingFor.get(id) !== why) log(`batch ${id.slice(0, 8)}: cannot take it yet: ${url.redact(why)}`);
        waitingFor.set(id, why);
      }
    }
    const now = Date.now();
    for (const [id, batch] of served) {
      if (present.has(id)) batch.missingSince = null;
      else if (batch.missingSince === null) batch.missingSince = now;
      else if (now - batch.missingSince > graceMs) {
        served.delete(id);
        await batch.close();
        log(`batch ${id.slice(0, 8)}: finished or stopped by its coordinator`);
      }
    }
  };

  log(`worker ${name} (build ${BUILD_ID}): ${ctx.concurrency} thread${ctx.concurrency === 1 ? "" : "s"} per batch, queue ${url.safe}; waiting for batches`);
  let lastError = "";
  // a poll waits while Redis is away; a stop must not wait for it (untilAborted: a race against one long-lived promise would grow with every poll)
  while (!options.stop.aborted) {
    try {
      await untilAborted(poll(), options.stop);
      lastError = "";
    } catch (err) {
      // Redis away is reported once by the connection; anything else (an ACL without the rights, say) once here
      const message = url.redact((err as Error).message.split("\n")[0]);
      if (!down && message !== lastError) log(`cannot look for batches: ${message}; trying again`);
      lastError = message;
    }
    await sleep(pollMs, options.stop);
  }

  const running = [...served.values()].reduce((n, b) => n + b.running(), 0);
  log(running === 0 ? "stopping" : `stopping: finishing ${running} running job${running === 1 ? "" : "s"} first (stop again to return them to the queue at once)`);
  const batches = [...served.values()];
  const abandoned = new Promise<"abandon">((resolve) => {
    if (options.abandon?.aborted) resolve("abandon");
    options.abandon?.addEventListener("abort", () => resolve("abandon"), { once: true });
  });
  const graceful = Promise.all(batches.map((b) => b.close())).then(() => "closed" as const);
  if ((await Promise.race([graceful, abandoned])) === "abandon") {
    await Promise.all(batches.map((b) => b.abandon()));
    log("returned the running jobs to the queue");
  }
  redis.disconnect();
}
