/** The executor contract (executor-contract.ts) for the executors there are: in-process and a pool of worker threads. */
import { inProcessExecutor } from "../../src/batch/executor.js";
import { workerThreadPool } from "../../src/batch/node/worker-threads.js";
import { derivedPlan, type BatchPlan } from "../../src/batch/plan.js";
import { loadScenario } from "../../src/scenario/load.js";
import { executorContract } from "./executor-contract.js";
import { smallScenario, tempDir } from "./helpers.js";

/** Two small scenarios (the second with another name), 12 runs each, base seed 5. */
async function plan(): Promise<BatchPlan> {
  const dir = tempDir();
  const files = [smallScenario(dir, "small"), smallScenario(dir, "other")];
  const loaded = await Promise.all(files.map((f) => loadScenario(f)));
  return derivedPlan(loaded.map((l, i) => ({ name: l.scenario.name, file: files[i], hash: l.hash, scenario: l.scenario })), 5, 12);
}

executorContract("in-process", inProcessExecutor, plan);
executorContract("worker-thread pool (2 threads)", (p) => workerThreadPool(p, 2), plan);
