/**
 * The API a batch worker exposes with comlink (a Node worker thread or a browser Web Worker):
 * receive the scenarios once, then run shards and return their records as transferable buffers,
 * or run lists of calibration history jobs (theta, history seed) and return their statistics.
 */
import * as Comlink from "comlink";
import { simulateHistory } from "../analysis/calibration/model.js";
import type { Scenario } from "../scenario/schema.js";
import { BUILD_ID } from "./build-id.js";
import type { Fault } from "./faults.js";
import type { Shard } from "./plan.js";
import type { RecordLayout } from "./record.js";
import { lazyLayouts, runShard, type ShardResult } from "./run-shard.js";

/** Creates the worker-side API object. */
export function createWorkerApi() {
  let scenarios: Scenario[] = [];
  let layoutOf: (scenarioIndex: number) => RecordLayout = lazyLayouts([]);
  let faults: readonly Fault[] | undefined;
  return {
    /** The worker's build id, checked against the main thread's. */
    buildId(): string {
      return BUILD_ID;
    },
    /** Receives the batch's resolved scenarios (and the tests' injected faults). */
    init(batchScenarios: Scenario[], batchFaults?: readonly Fault[]): void {
      scenarios = batchScenarios;
      layoutOf = lazyLayouts(scenarios);
      faults = batchFaults;
    },
    /** Runs a shard; the records' buffer is transferred, not copied. */
    runShard(shard: Shard): ShardResult {
      const result = runShard(scenarios[shard.scenarioIndex], () => layoutOf(shard.scenarioIndex), shard, faults);
      return Comlink.transfer(result, [result.data.buffer]);
    },
    /**
     * Runs calibration history jobs on scenario `scenarioIndex` (a calibration scenario) with the
     * calibrated parameters `parameters` (JSON paths, theta's order): one history replicate per
     * job; returns the statistics, job after job (width = the scenario's observations), in a
     * transferred buffer.
     */
    runHistories(scenarioIndex: number, parameters: string[], jobs: { theta: ArrayLike<number>; historySeed: number }[]): Float64Array {
      const parts = jobs.map((job) => simulateHistory(scenarios[scenarioIndex], parameters, job.theta, job.historySeed));
      const width = parts.length > 0 ? parts[0].length : 0;
      const out = new Float64Array(parts.length * width);
      parts.forEach((p, i) => out.set(p, i * width));
      return Comlink.transfer(out, [out.buffer]);
    },
  };
}

/** The worker API's type, for the main thread's comlink proxy. */
export type WorkerApi = ReturnType<typeof createWorkerApi>;
