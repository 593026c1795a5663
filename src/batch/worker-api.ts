/**
 * The API a batch worker exposes with comlink (a Node worker thread or a browser Web Worker):
 * receive the scenarios once, then run shards and return their records as transferable buffers.
 */
import * as Comlink from "comlink";
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
  };
}

/** The worker API's type, for the main thread's comlink proxy. */
export type WorkerApi = ReturnType<typeof createWorkerApi>;
