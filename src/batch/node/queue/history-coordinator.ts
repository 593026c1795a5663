/**
 * The queue history executor: `clustersim calibrate --queue`'s side of a calibration on BullMQ. It
 * registers the calibration once (its scenario in Redis by content hash, its parameter paths and
 * statistics width; kept alive while it runs), cuts each batch of history jobs into chunks put on
 * the calibration's queue under content-hash ids, and puts the statistics back at their jobs'
 * places, so the result does not depend on which worker ran what or when. It never runs a history
 * itself. A re-run coordinator reuses the results already on the queue (same ids), a periodic
 * check catches results whose event was missed and puts back jobs that Redis lost; a chunk that
 * failed twice (or was refused) ends the calibration with its reason, as a crashed local worker does.
 */
import type { Queue } from "bullmq";
import type { Scenario } from "../../../scenario/schema.js";
import { BUILD_ID } from "../../build-id.js";
import type { HistoryExecutor } from "../../history-pool.js";
import { JOB_ATTEMPTS } from "./coordinator.js";
import { HISTORY_JOB_NAME, calibrationBatchId, decodeHistories, historyChunkSize, historyJobData, historyJobId, type HistoryJob, type HistoryJobData } from "./history-protocol.js";
import { loadQueueLibs, probeRedis } from "./libs.js";
import { BatchMetaSchema, PROTOCOL_VERSION, scenarioText } from "./protocol.js";
import { openQueueLink, type CoordinatorOptions, type QueueStatus } from "./queue-link.js";
import { publishScenarios } from "./scenario-store.js";

/** Options of the queue history executor. */
export interface QueueHistoryOptions extends CoordinatorOptions {
  /** what else identifies the calibration (seed, particles...): part of its batch id */
  run?: unknown;
}

/** The queue history executor: a HistoryExecutor (0 local workers) with a status. */
export interface QueueHistoryExecutor extends HistoryExecutor {
  status(): QueueStatus;
}

/** A chunk of history jobs on the queue, and its statistics once in. */
interface Chunk {
  id: string;
  data: HistoryJobData;
  count: number;
  result: Promise<Float64Array>;
  settle(value: Float64Array | Error): void;
  settled: boolean;
}

/**
 * Connects to the queue (bullmq and ioredis are imported now; a wrong password or an unreachable
 * host rejects at once, in one line) and registers the calibration of `scenario` with calibrated
 * parameters `parameters` (theta's order), each history giving `width` statistics.
 */
export async function queueHistoryExecutor(scenario: Scenario, parameters: readonly string[], width: number, options: QueueHistoryOptions): Promise<QueueHistoryExecutor> {
  const { url } = options;
  const notice = options.onNotice ?? (() => {});
  const libs = await loadQueueLibs();
  await probeRedis(libs, url);
  const text = scenarioText(scenario);
  const calibration = { parameters: [...parameters], width };
  const batch = calibrationBatchId(BUILD_ID, text.hash, calibration, options.run ?? null);
  const meta = BatchMetaSchema.parse({ v: PROTOCOL_VERSION, build: BUILD_ID, batch, scenarios: [{ name: scenario.name, hash: text.hash }], calibration });
  const metaText = JSON.stringify(meta);
  const status: QueueStatus = { batch, workers: null, redis: "connecting" };
  const pending = new Map<string, Chunk>();
  let queue: Queue | null = null;

  const finish = (id: string, returnvalue: unknown) => {
    const chunk = pending.get(id);
    if (!chunk || chunk.settled) return;
    try {
      chunk.settle(decodeHistories(returnvalue, chunk.count, width));
    } catch (err) {
      chunk.settle(new Error(`history job ${id.slice(0, 13)}: ${(err as Error).message}`));
    }
  };
  const fail = (id: string, reason: string) => {
    const chunk = pending.get(id);
    if (chunk && !chunk.settled) chunk.settle(new Error(`a history job failed on the queue (${JOB_ATTEMPTS} attempts at most): ${reason}`));
  };
  const addJob = (chunk: Chunk) =>
    queue!.add(HISTORY_JOB_NAME, chunk.data, { jobId: chunk.id, attempts: JOB_ATTEMPTS, backoff: { type: "fixed", delay: 500 }, removeOnComplete: false, removeOnFail: false });
  const link = await openQueueLink(
    { ...options, libs, batch, metaText, what: "calibration", status },
    {
      publish: (redis) => publishScenarios(redis, [text]),
      pendingIds: () => [...pending.values()].filter((c) => !c.settled).map((c) => c.id),
      addAgain: (id) => addJob(pending.get(id)!),
      finish,
      fail,
      async ready(q) {
        queue = q;
      },
    },
  );
  /** Puts a new chunk on the queue; true when an earlier coordinator's result was there already. */
  const submit = async (chunk: Chunk): Promise<boolean> => {
    const state = await queue!.getJobState(chunk.id);
    if (state === "completed") {
      const job = await libs.bullmq.Job.fromId(queue!, chunk.id);
      if (job) {
        finish(chunk.id, job.returnvalue);
        return true;
      }
    }
    if (state === "failed") await queue!.remove(chunk.id); // an earlier coordinator's failure: try again
    await addJob(chunk);
    return false;
  };

  let running = 0;
  let broken = false;

  const chunkOf = (jobs: readonly HistoryJob[]): Chunk => {
    const data = historyJobData(meta, jobs);
    const id = historyJobId(data);
    const old = pending.get(id);
    if (old) return old;
    let settle!: (v: Float64Array | Error) => void;
    const result = new Promise<Float64Array>((resolve, reject) => (settle = (v) => (v instanceof Error ? reject(v) : resolve(v))));
    const chunk: Chunk = { id, data, count: jobs.length, result, settled: false, settle: () => {} };
    chunk.settle = (v) => {
      if (chunk.settled) return;
      chunk.settled = true;
      settle(v);
    };
    result.catch(() => {});
    pending.set(id, chunk);
    return chunk;
  };

  return {
    workers: 0,
    status: () => ({ ...status }),
    async run(jobs, onDone) {
      running += 1;
      try {
        for (const job of jobs)
          if (job.theta.length !== parameters.length || !Array.from(job.theta).every(Number.isFinite))
            throw new Error(`a history job has parameter values [${Array.from(job.theta).join(", ")}]: ${parameters.length} finite numbers expected`);
        const size = historyChunkSize(jobs.length);
        const chunks: { from: number; chunk: Chunk }[] = [];
        for (let from = 0; from < jobs.length; from += size) chunks.push({ from, chunk: chunkOf(jobs.slice(from, from + size)) });
        const fresh = [...new Set(chunks.map((c) => c.chunk))].filter((c) => !c.settled);
        const reused = await Promise.all(fresh.map(submit));
        const reusedHistories = fresh.reduce((n, c, k) => n + (reused[k] ? c.count : 0), 0);
        if (reusedHistories > 0) notice(`the queue already held ${reusedHistories} finished histories of this calibration (reused)`);
        let done = 0;
        const out: Float64Array[] = new Array(jobs.length);
        await Promise.all(
          chunks.map(async ({ from, chunk }) => {
            const flat = await chunk.result;
            for (let i = 0; i < chunk.count; i++) out[from + i] = flat.slice(i * width, (i + 1) * width);
            done += chunk.count;
            onDone?.(done);
          }),
        );
        for (const { chunk } of chunks) pending.delete(chunk.id);
        return out;
      } catch (err) {
        broken = true;
        throw err;
      } finally {
        running -= 1;
      }
    },
    async close() {
      // a finished calibration leaves nothing in Redis; a failed or interrupted one leaves its results for a re-run
      await link.close(running === 0 && !broken);
    },
  };
}
