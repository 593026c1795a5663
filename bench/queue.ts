/**
 * The queue's figures (issue 14), a program of its own (not a case of bench/run.ts): runs/s of the
 * baseline scenario on the queue with 1 and 2 `clustersim worker` processes of one thread each over
 * loopback, beside a local pool of as many threads; and the queue's overhead per shard, the round
 * trip of a one-run shard (coordinator -> Redis -> worker process -> thread -> back) minus the
 * run's compute time, beside the local pool's. Everything runs from source (tsx), so coordinator
 * and workers share the build id "source"; worker start-up and a warm-up batch are not timed.
 * Starts its own password-protected redis-server on a free loopback port.
 *
 *   npx tsx bench/queue.ts [--runs N] [--shards K] [--json]
 */
import { join } from "node:path";
import { MemoryStore } from "../src/batch/memory-store.js";
import type { Executor } from "../src/batch/executor.js";
import { queueExecutor } from "../src/batch/node/queue/coordinator.js";
import { parseQueueUrl } from "../src/batch/node/queue/url.js";
import { workerThreadPool } from "../src/batch/node/worker-threads.js";
import { derivedPlan, shardOf, type BatchPlan } from "../src/batch/plan.js";
import { runBatch } from "../src/batch/run-batch.js";
import { loadScenario } from "../src/scenario/load.js";
import { ROOT } from "../test/batch/helpers.js";
import { startWorker, stopCli, type CliProcess } from "../test/queue/helpers.js";
import { startRedis } from "../test/queue/redis-server.js";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const RUNS = option("--runs", 1000);
const SHARDS = option("--shards", 100);
const JSON_OUT = argv.includes("--json");
const log = (text: string) => process.stderr.write(`${text}\n`);

/** A plan of `runs` baseline runs with base seed `seed`. */
async function baselinePlan(seed: number, runs: number): Promise<BatchPlan> {
  const file = join(ROOT, "scenarios", "baseline.json");
  const l = await loadScenario(file);
  return derivedPlan([{ name: "baseline", file, hash: l.hash, scenario: l.scenario }], seed, runs);
}

/** Runs a whole plan on an executor: runs/s from the first shard to the last result. */
async function throughput(plan: BatchPlan, executor: Executor): Promise<number> {
  const store = new MemoryStore(plan);
  const t0 = performance.now();
  const outcome = await runBatch(plan, executor, store);
  const ms = performance.now() - t0;
  if (outcome.failed > 0) throw new Error(`${outcome.failed} runs failed`);
  return (plan.runs * 1000) / ms;
}

/** Round trips of one-run shards, one at a time: wall ms minus the run's compute ms, per shard. */
async function overheads(plan: BatchPlan, executor: Executor, count: number, from: number): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const t0 = performance.now();
    const r = await executor.runShard(shardOf(plan, 0, from + k, 1));
    out.push(performance.now() - t0 - r.computeMs);
  }
  return out;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main() {
  const redis = await startRedis();
  const url = parseQueueUrl(redis.url);
  const results: Record<string, number> = {};
  let workers: CliProcess[] = [];
  try {
    for (const processes of [1, 2]) {
      log(`local pool of ${processes} thread(s): warm-up, then ${RUNS} runs`);
      const local = workerThreadPool(await baselinePlan(1, RUNS), processes);
      await throughput(await baselinePlan(90 + processes, 4 * processes), local);
      results[`local ${processes} thread runs/s`] = await throughput(await baselinePlan(1, RUNS), local);
      await local.close();

      log(`queue with ${processes} worker process(es) of 1 thread: start-up and warm-up, then ${RUNS} runs`);
      workers = Array.from({ length: processes }, () => startWorker(redis.url, 1, 30_000));
      await Promise.all(workers.map((w) => w.waitFor(/waiting for batches/)));
      const warm = await baselinePlan(80 + processes, 8 * processes);
      const warmExecutor = queueExecutor(warm, { url });
      await throughput(warm, warmExecutor);
      await warmExecutor.close();
      const plan = await baselinePlan(10 + processes, RUNS);
      const executor = queueExecutor(plan, { url });
      results[`queue ${processes} process runs/s`] = await throughput(plan, executor);
      await executor.close();
      if (processes === 1) {
        log(`overhead per shard: ${SHARDS} one-run shards one at a time, queue and local`);
        const o = await baselinePlan(7, 2 * SHARDS + 8);
        const q = queueExecutor(o, { url, window: 1 });
        await overheads(o, q, 4, 0);
        const queueOver = await overheads(o, q, SHARDS, 4);
        await q.close();
        const l = workerThreadPool(o, 1);
        await overheads(o, l, 4, 0);
        const localOver = await overheads(o, l, SHARDS, 4 + SHARDS);
        await l.close();
        results["queue overhead per shard ms (median)"] = quantile(queueOver, 0.5);
        results["queue overhead per shard ms (p90)"] = quantile(queueOver, 0.9);
        results["local pool overhead per shard ms (median)"] = quantile(localOver, 0.5);
      }
      await Promise.all(workers.map(stopCli));
      workers = [];
    }
  } finally {
    await Promise.all(workers.map(stopCli));
    await redis.stop();
  }
  if (JSON_OUT) process.stdout.write(`${JSON.stringify({ runs: RUNS, shards: SHARDS, node: process.version, ...results }, null, 2)}\n`);
  else {
    process.stdout.write(`| figure | value |\n| --- | --- |\n`);
    for (const [k, v] of Object.entries(results)) process.stdout.write(`| ${k} | ${v.toFixed(k.includes("ms") ? 2 : 1)} |\n`);
  }
}

await main();
