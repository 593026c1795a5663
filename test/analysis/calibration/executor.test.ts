/**
 * Calibration history jobs on workers (src/batch/history-pool.ts, the worker API's runHistories):
 * the engine's result does not depend on the worker count or on the order in which chunks complete.
 */
import { describe, expect, it } from "vitest";
import type { Remote } from "comlink";
import { abcSmcAsync, type AbcSmcResult } from "../../../src/analysis/calibration/index.js";
import { calibrationSpecOf, simulateHistory } from "../../../src/analysis/calibration/model.js";
import { chunkSize, historyExecutor } from "../../../src/batch/history-pool.js";
import { spawnWorkerThread } from "../../../src/batch/node/worker-threads.js";
import { createWorkerApi, type WorkerApi } from "../../../src/batch/worker-api.js";
import type { WorkerHandle } from "../../../src/batch/worker-pool.js";
import { scenario } from "../../model/fixtures.js";

const OPTIONS = { particles: 4, replicates: 5, seed: 11, maxGenerations: 2, predictiveDraws: 4 };

/** A worker in this thread whose answers arrive after a delay that differs per call, so chunks complete out of order. */
function shuffledWorker(delays: number[]): WorkerHandle {
  const api = createWorkerApi();
  let call = 0;
  const later = <T>(f: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(f()), delays[call++ % delays.length]));
  const remote = {
    buildId: async () => api.buildId(),
    init: async (...a: Parameters<typeof api.init>) => api.init(...a),
    runHistories: (...a: Parameters<typeof api.runHistories>) => later(() => api.runHistories(...a)),
  };
  return { api: remote as unknown as Remote<WorkerApi>, died: new Promise<never>(() => {}), terminate: async () => {} };
}

async function calibrateWith(workers: number, spawn?: () => WorkerHandle): Promise<AbcSmcResult> {
  const cal = await scenario("calibration-2016.json");
  const spec = calibrationSpecOf(cal);
  const executor = await historyExecutor(cal, spec.parameters.map((p) => p.path), workers, spawn);
  try {
    return await abcSmcAsync(spec, OPTIONS, (jobs) => executor.run(jobs));
  } finally {
    await executor.close();
  }
}

describe("history jobs on workers", () => {
  it("the worker API's runHistories returns each job's statistics, job after job", async () => {
    const cal = await scenario("calibration-2016.json");
    const paths = ["$.choice.districtConstant", "$.tiers.anchor.searchRate"];
    const api = createWorkerApi();
    api.init([cal]);
    const jobs = [
      { theta: [0.5, 0.3], historySeed: 1 },
      { theta: [-1, 0.5], historySeed: 2 },
      { theta: [0.5, 0.3], historySeed: 3 },
    ];
    const flat = api.runHistories(0, paths, jobs);
    const width = Object.keys(cal.calibration!.observations).length;
    expect(flat).toHaveLength(jobs.length * width);
    jobs.forEach((j, i) => expect(Array.from(flat.slice(i * width, (i + 1) * width))).toEqual(Array.from(simulateHistory(cal, paths, j.theta, j.historySeed))));
  });

  it("cuts a batch into chunks of at most 64 jobs, about eight per worker", () => {
    expect(chunkSize(1500, 2)).toBe(64);
    expect(chunkSize(100, 2)).toBe(7);
    expect(chunkSize(3, 4)).toBe(1);
    expect(chunkSize(0, 0)).toBe(1);
  });

  it("gives the same result bit for bit with 0 workers, 2 worker threads and 3 workers answering out of order", async () => {
    const inThread = await calibrateWith(0);
    expect(inThread.generations).toHaveLength(2);
    const shuffled = await calibrateWith(3, () => shuffledWorker([30, 1, 12, 0, 7]));
    expect(shuffled).toEqual(inThread);
    const threads = await calibrateWith(2, spawnWorkerThread);
    expect(threads).toEqual(inThread);
  }, 300_000);
});
