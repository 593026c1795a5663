/**
 * An executor of calibration history jobs (theta, history seed) for the ABC-SMC engine
 * (docs/calibration.md): in this thread (0 workers) or on a pool of comlink workers (Node worker
 * threads or Web Workers, started by a SpawnWorker). A batch of jobs is cut into chunks that
 * idle workers take in turn; each chunk's statistics are put back at its jobs' places, so the
 * result is the same whatever the worker count or the order in which chunks complete. A worker
 * that dies or is of another build ends the calibration with an error (no retry: a history is a
 * pure function of its job, so a crash is a bug to see, not noise to hide).
 */
import { simulateHistory } from "../analysis/calibration/model.js";
import type { SimulationJob } from "../analysis/calibration/types.js";
import type { Scenario } from "../scenario/schema.js";
import { BUILD_ID } from "./build-id.js";
import { Tripwire } from "./settle.js";
import type { SpawnWorker, WorkerHandle } from "./worker-pool.js";

/** Runs batches of history jobs and returns one statistics array per job, in job order. */
export interface HistoryExecutor {
  /** worker threads used (0: this thread) */
  workers: number;
  /** statistics of each job, in job order; `onDone(n)` reports jobs finished so far in this batch */
  run(jobs: readonly SimulationJob[], onDone?: (done: number) => void): Promise<Float64Array[]>;
  close(): Promise<void>;
}

/** Jobs per message to a worker: about eight chunks per worker and batch, at most 64 jobs. */
export function chunkSize(jobs: number, workers: number): number {
  return Math.max(1, Math.min(64, Math.ceil(jobs / (8 * Math.max(1, workers)))));
}

/** Executor in this thread: the jobs one after another. */
function inThread(scenario: Scenario, parameters: readonly string[]): HistoryExecutor {
  return {
    workers: 0,
    async run(jobs, onDone) {
      const out = jobs.map((job, i) => {
        const s = simulateHistory(scenario, parameters, job.theta, job.historySeed);
        if ((i + 1) % 16 === 0) onDone?.(i + 1);
        return s;
      });
      onDone?.(jobs.length);
      return out;
    },
    async close() {},
  };
}

/**
 * A history executor for the calibration scenario `scenario` and calibrated parameters
 * `parameters` (theta's order): `workers` = 0 runs in this thread, else that many workers from
 * `spawn` (required then), each given the scenario once.
 */
export async function historyExecutor(scenario: Scenario, parameters: readonly string[], workers: number, spawn?: SpawnWorker): Promise<HistoryExecutor> {
  if (workers === 0) return inThread(scenario, parameters);
  if (!spawn) throw new Error("historyExecutor: workers > 0 needs a spawn function");
  // a chunk races its worker's death through a Tripwire: a Promise.race against `died` would keep every chunk's statistics reachable
  const handles: (WorkerHandle & { death: Tripwire })[] = [];
  for (let k = 0; k < workers; k++) {
    const h = spawn();
    const death = new Tripwire();
    h.died.catch((err: unknown) => death.trip(err));
    handles.push({ ...h, death });
  }
  const close = async () => {
    await Promise.all(handles.map((h) => h.terminate()));
  };
  try {
    await Promise.all(
      handles.map(async (h) => {
        const id = await h.death.guard(h.api.buildId());
        if (id !== BUILD_ID) throw new Error(`worker build ${id} differs from this build ${BUILD_ID}: rebuild with npm run build`);
        await h.death.guard(h.api.init([scenario]));
      }),
    );
  } catch (err) {
    await close();
    throw err;
  }
  const paths = [...parameters];
  return {
    workers,
    async run(jobs, onDone) {
      const size = chunkSize(jobs.length, workers);
      const out: Float64Array[] = new Array(jobs.length);
      let next = 0;
      let done = 0;
      const loop = async (h: (typeof handles)[number]) => {
        while (next < jobs.length) {
          const from = next;
          const chunk = jobs.slice(from, Math.min(jobs.length, from + size));
          next = from + chunk.length;
          const flat = await h.death.guard(h.api.runHistories(0, paths, chunk.map((j) => ({ theta: j.theta, historySeed: j.historySeed }))));
          const width = chunk.length > 0 ? flat.length / chunk.length : 0;
          for (let i = 0; i < chunk.length; i++) out[from + i] = flat.slice(i * width, (i + 1) * width);
          done += chunk.length;
          onDone?.(done);
        }
      };
      await Promise.all(handles.map(loop));
      return out;
    },
    close,
  };
}
