/**
 * A calibration's batch as a worker process serves it: its scenario (fetched by content hash and
 * checked, then checked against the registration's parameters and statistics width), a pool of
 * worker threads running simulateHistory through the same worker API as a local calibration
 * (history-pool.ts), and a BullMQ Worker whose processor checks every history job against the
 * schema, the build, the registration and its content-hash id before a thread runs it. No code is
 * ever taken from a job.
 */
import type { Job } from "bullmq";
import { calibrationSpecOf } from "../../../analysis/calibration/model.js";
import type { Scenario } from "../../../scenario/schema.js";
import { BUILD_ID } from "../../build-id.js";
import { historyExecutor, type HistoryExecutor } from "../../history-pool.js";
import { HistoryJobDataSchema, historyJobId, type HistoryJobData } from "./history-protocol.js";
import { InvalidDataError, encodeResult, type BatchMeta, type JobResult } from "./protocol.js";
import { noteToCoordinator, type ServedBatch, type WorkerContext } from "./served-batch.js";
import { serveQueue, type TrackJob } from "./served-queue.js";

/** Why a schema-valid history job must not run in this calibration's batch, or null. */
export function historyMisfit(d: HistoryJobData, id: string | undefined, meta: BatchMeta): string | null {
  if (d.build !== BUILD_ID) return `it was made for clustersim build ${d.build}, this worker is build ${BUILD_ID} (run the same build on every machine)`;
  if (d.batch !== meta.batch) return `it names batch ${d.batch}, its queue is batch ${meta.batch}'s`;
  if (d.scenarioHash !== meta.scenarios[0].hash) return "its scenario is not the one the calibration registered";
  const n = meta.calibration!.parameters.length;
  const bad = d.jobs.findIndex((j) => j.theta.length !== n);
  if (bad >= 0) return `its history ${bad} has ${d.jobs[bad].theta.length} parameter values, the calibration ${n}`;
  if (id !== historyJobId(d)) return "its id is not the hash of its content";
  return null;
}

/** Checks a fetched calibration scenario against the registration: the same calibrated parameters, in order, and statistics width. */
function checkCalibration(scenario: Scenario, meta: BatchMeta): void {
  const cal = meta.calibration!;
  let spec;
  try {
    spec = calibrationSpecOf(scenario);
  } catch (err) {
    throw new InvalidDataError(`its scenario is not a calibration scenario: ${(err as Error).message}`);
  }
  const paths = spec.parameters.map((p) => p.path);
  if (paths.join("\n") !== cal.parameters.join("\n")) throw new InvalidDataError(`its parameters (${cal.parameters.join(", ")}) are not its scenario's calibrated parameters (${paths.join(", ")})`);
  if (spec.observations.length !== cal.width) throw new InvalidDataError(`its width (${cal.width}) is not its scenario's ${spec.observations.length} observations`);
}

/** Starts serving a registered calibration: fetches and checks its scenario, starts its threads and its BullMQ Worker. */
export async function serveHistories(ctx: WorkerContext, meta: BatchMeta): Promise<ServedBatch> {
  if (!meta.calibration || meta.scenarios.length !== 1) throw new InvalidDataError("a calibration's registration names one scenario and its parameters");
  const [scenario] = await ctx.scenarios.get([meta.scenarios[0].hash]);
  checkCalibration(scenario, meta);
  const { parameters, width } = meta.calibration;
  // threads start with the first job; a pool whose thread died is replaced for the next job (the failed job goes back to the queue once)
  let pool: Promise<HistoryExecutor> | null = null;
  const threads = () => (pool ??= historyExecutor(scenario, parameters, ctx.concurrency, ctx.spawn));
  const short = meta.batch.slice(0, 8);
  const { UnrecoverableError } = ctx.libs.bullmq;

  const processor = async (job: Job, token: string | undefined, track: TrackJob): Promise<JobResult> => {
    const parsed = HistoryJobDataSchema.safeParse(job.data);
    const why = parsed.success ? historyMisfit(parsed.data, job.id, meta) : `it does not match the history job schema (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`;
    if (why !== null || !parsed.success) {
      ctx.log(`calibration ${short}: job ${job.id} refused: ${why}`);
      await noteToCoordinator(ctx.redis, meta.batch, `worker ${ctx.name} refused job ${job.id}: ${why}`).catch(() => {});
      throw new UnrecoverableError(`refused by worker ${ctx.name}: ${why}`);
    }
    const jobs = parsed.data.jobs.map((j) => ({ theta: Float64Array.from(j.theta), historySeed: j.historySeed }));
    const what = `calibration ${short} ${meta.scenarios[0].name}: job ${job.id!.slice(0, 9)}, ${jobs.length} histor${jobs.length === 1 ? "y" : "ies"}`;
    ctx.log(what);
    const started = performance.now();
    return track(job, token, async () => {
      const current = threads();
      let stats: Float64Array[];
      try {
        stats = await (await current).run(jobs);
      } catch (err) {
        if (pool === current) pool = null;
        void current.then((p) => p.close(), () => {});
        throw err;
      }
      const data = new Float64Array(jobs.length * width);
      stats.forEach((s, i) => {
        if (s.length !== width) throw new Error(`a history gave ${s.length} statistics, the calibration registered ${width}`);
        data.set(s, i * width);
      });
      const computeMs = performance.now() - started;
      ctx.log(`${what} done in ${Math.round(computeMs)} ms`);
      return encodeResult({ data, width, errors: jobs.map(() => null), computeMs }, BUILD_ID, ctx.name);
    });
  };

  return serveQueue(ctx, meta, `calibration ${short}`, processor, async () => {
    const p = pool;
    pool = null;
    await p?.then((x) => x.close(), () => {});
  });
}
