/**
 * Child-process probe for the memory test: stores N synthetic runs of the example scenario in a
 * file store (shards of 64), reopens it, and prints the heap the reopened store keeps per run and
 * the largest heap growth seen while reading every run back in order (bytes, the heap and
 * ArrayBuffers, after a full collection every 2,000 runs). Run with --expose-gc.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileStore } from "../../src/batch/node/file-store.js";
import { derivedPlan, shardOf } from "../../src/batch/plan.js";
import { recordLayout } from "../../src/batch/record.js";
import { loadScenario } from "../../src/scenario/load.js";

const n = Number(process.argv[2]);
const file = new URL("../../scenarios/example.json", import.meta.url).pathname;
const loaded = await loadScenario(file);
const plan = derivedPlan([{ name: "example", file, hash: loaded.hash, scenario: loaded.scenario }], 1, n);
const width = recordLayout(loaded.scenario).width;
const dir = mkdtempSync(join(tmpdir(), "clustersim-store-memory-"));
const gcOnce = (globalThis as { gc?: () => void }).gc!;
/** Full collections with a pause between them (ArrayBuffer memory is released as the collector sweeps). */
const gc = async () => {
  gcOnce();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gcOnce();
};
/** The JS heap and the memory of ArrayBuffers (typed arrays live outside the heap). */
const heap = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
try {
  const store = FileStore.open(dir, plan);
  for (let first = 0; first < n; first += 64) {
    const shard = shardOf(plan, 0, first, Math.min(64, n - first));
    const data = new Float64Array(shard.count * width);
    for (let k = 0; k < data.length; k++) data[k] = ((first * 7919 + k * 104729) % 10007) / 100;
    store.append({ shard, width, data, errors: new Array(shard.count).fill(null), computeMs: 0 });
  }
  store.close();
  await gc();
  const before = heap();
  const reopened = FileStore.open(dir, plan, true);
  await gc();
  const kept = heap() - before;
  let peak = 0;
  let sum = 0;
  let i = 0;
  for (const r of reopened.runs(0, 0, n)) {
    sum += r.values[0];
    if (++i % 2000 === 0) {
      await gc();
      peak = Math.max(peak, heap() - before);
    }
  }
  reopened.close();
  process.stdout.write(JSON.stringify({ keptPerRun: kept / n, readPeakBytes: peak, width, sum }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
