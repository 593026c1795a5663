/**
 * The memory benchmark of issue 11: a batch of 1,000,000 runs of a tiny scenario (the example over
 * one year with one anchor and three small firms, its four targets moved into that year) through
 * runBatchFolder, the CLI's library function, on every core, writing all result files. Each size
 * runs in its own process (peak RSS is per process, worker threads included); the report gives
 * per size the peak RSS, the main thread's peak heap, checkpoint bytes per run, runs.csv size and
 * the time of the runs and of the writes, then the ratio of the peak RSS at the largest size to
 * that at the smallest (flat memory: within 1.2x from 1e5 to 1e6).
 *
 *   npx tsx bench/million.ts                  # 100,000 and 1,000,000 runs
 *   npx tsx bench/million.ts --runs 20000,200000 --json
 *
 * Figures depend on the machine and its load: call them provisional on a shared machine.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBatchFolder } from "../src/batch/node/batch-folder.js";
import { CHECKPOINT_FILE } from "../src/batch/node/file-store.js";
import { derivedPlan } from "../src/batch/plan.js";
import { loadScenario } from "../src/scenario/load.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MB = 1024 * 1024;

/** The tiny scenario, as an overlay of the example. */
const TINY = {
  extends: join(ROOT, "scenarios", "example.json"),
  name: "tiny",
  description: "bench/million.ts: the example over 2018 only, one anchor and three small firms, its targets moved into 2018",
  horizon: { startYear: 2018, endYear: 2018 },
  targets: { "anchors-signed": { year: 2018 }, "biopark-output": { year: 2018 }, clusters: { year: 2018 }, "top-ten": { year: 2018 } },
  initialState: {
    firms: [
      { park: "biopark", industry: "biopharma", tier: "anchor", count: 1, output: 40 },
      { park: "health-park", industry: "health-services", tier: "small", count: 3, output: 4 },
    ],
  },
};

/** One size's figures. */
interface SizeResult {
  runs: number;
  workers: number;
  failed: number;
  peakRssMB: number;
  peakHeapMB: number;
  checkpointBytesPerRun: number;
  runsCsvMB: number;
  runSeconds: number;
  writeSeconds: number;
  totalSeconds: number;
  runsPerSec: number;
  loadavg1: number;
}

/** Runs one size in this process and prints its figures as JSON. */
async function child(runs: number): Promise<void> {
  const t0 = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), "clustersim-million-"));
  try {
    const file = join(tmp, "tiny.json");
    writeFileSync(file, JSON.stringify(TINY));
    const loaded = await loadScenario(file);
    const plan = derivedPlan([{ name: loaded.scenario.name, file, hash: loaded.hash, scenario: loaded.scenario, raw: loaded.raw }], 1, runs);
    let peakHeap = 0;
    let lastLog = performance.now();
    const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
    const workers = availableParallelism();
    const out = join(tmp, "out");
    const result = await runBatchFolder(plan, {
      out,
      workers,
      onProgress: ({ done, total }) => {
        sample();
        if (performance.now() - lastLog > 30_000) {
          lastLog = performance.now();
          process.stderr.write(`  ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} runs, ${((lastLog - t0) / 1000).toFixed(0)} s\n`);
        }
      },
      wrapStore: (store) => ({
        get size() {
          return store.size;
        },
        has: (s, r) => store.has(s, r),
        append: (x) => store.append(x),
        *runs(s, from, to) {
          let n = 0;
          for (const r of store.runs(s, from, to)) {
            if (++n % 10_000 === 0) sample();
            yield r;
          }
        },
        close: () => store.close(),
      }),
    });
    sample();
    const figures: SizeResult = {
      runs,
      workers,
      failed: result.failed,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      peakHeapMB: peakHeap / MB,
      checkpointBytesPerRun: statSync(join(out, CHECKPOINT_FILE)).size / runs,
      runsCsvMB: statSync(join(out, "runs.csv")).size / MB,
      runSeconds: result.timings.runMs / 1000,
      writeSeconds: result.timings.writeMs / 1000,
      totalSeconds: (performance.now() - t0) / 1000,
      runsPerSec: runs / (result.timings.runMs / 1000),
      loadavg1: loadavg()[0],
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs each size in a child process and reports. */
function parent(sizes: number[], json: boolean): void {
  const results: SizeResult[] = [];
  for (const runs of sizes) {
    process.stderr.write(`bench/million: ${runs.toLocaleString("en-US")} runs of the tiny scenario on ${availableParallelism()} workers...\n`);
    const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", String(runs)], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`the child for ${runs} runs failed (exit ${r.status})`);
    results.push(JSON.parse(r.stdout.trim().split("\n").at(-1)!));
  }
  const ratio = results.at(-1)!.peakRssMB / results[0].peakRssMB;
  if (json) {
    process.stdout.write(`${JSON.stringify({ sizes: results, peakRssRatio: ratio }, null, 2)}\n`);
    return;
  }
  const row = (r: SizeResult) =>
    `${r.runs.toLocaleString("en-US").padStart(10)}  ${r.peakRssMB.toFixed(0).padStart(6)} MB  ${r.peakHeapMB.toFixed(0).padStart(5)} MB  ${r.checkpointBytesPerRun.toFixed(0).padStart(5)} B  ${r.runsCsvMB.toFixed(0).padStart(6)} MB  ${r.runSeconds.toFixed(0).padStart(6)} s  ${r.writeSeconds.toFixed(0).padStart(5)} s  ${r.runsPerSec.toFixed(0).padStart(6)}  ${r.loadavg1.toFixed(1).padStart(5)}`;
  process.stdout.write(`      runs  peak RSS  peak heap  ckpt/run  runs.csv    runs  writes  runs/s  load\n${results.map(row).join("\n")}\n`);
  process.stdout.write(`peak RSS at ${results.at(-1)!.runs.toLocaleString("en-US")} runs is ${ratio.toFixed(2)}x that at ${results[0].runs.toLocaleString("en-US")} (provisional: the machine's load disturbs every figure)\n`);
}

const args = process.argv.slice(2);
const at = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (at("--child") !== undefined) await child(Number(at("--child")));
else parent((at("--runs") ?? "100000,1000000").split(",").map(Number), args.includes("--json"));
