/**
 * Benchmark of an experiment of 100,000 model runs (issue 13): a Saltelli design over three
 * factors of the tiny scenario of the batch memory case (scenarios/example.json over 2018, no
 * targets, a tenth of the firms, one competitor), n = 4096: 20,480 points x 5 replications = 102,400 runs,
 * through the library function the CLI uses (runExperimentFolder: checkpoint, worker threads,
 * analysis and result files). Each size runs in a fresh child process; it reports runs/s, the
 * time to analyse and write the files, the peak RSS of the whole process (main thread and
 * workers), the process's RSS and the main thread's heap at 10%, 50% and 100% of the runs, and a size eight
 * times smaller (n = 512, 12,800 runs) for comparison: memory stays flat when the large run's
 * peak is close to the small one's. Figures on a shared machine are provisional.
 *
 *   npx tsx bench/experiment.ts [--workers K] [--json]     both sizes (about 2-4 minutes here)
 *   npx tsx bench/experiment.ts --child N --workers K      one size (base sample N), one JSON line (used by the above)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadExperiment } from "../src/batch/experiment/node/load.js";
import { runExperimentFolder } from "../src/batch/experiment/node/folder.js";
import { CHECKPOINT_FILE } from "../src/batch/node/file-store.js";
import { TINY_OVERLAY } from "./cases.js";

const ROOT = join(import.meta.dirname, "..");
const MB = 2 ** 20;

/** The tiny scenario of the batch memory case (bench/cases.ts), as an overlay of the example. */
const TINY = { extends: join(ROOT, "scenarios", "example.json"), ...TINY_OVERLAY };

/** The experiment: three factors (a scaled schedule, a distribution of the scenario, a range), 5 replications; n sets the size (n x 5 points x 5 runs). */
function experimentFile(n: number) {
  return {
    name: "bench-100k",
    scenario: "tiny.json",
    factors: [
      { name: "teams", path: "$.attraction.promotionTeams", apply: "scale", range: [0.5, 2] },
      { path: "$.labourMarkets.regional.supplyElasticity", distribution: "scenario" },
      { name: "trend", path: "$.industries.biopharma.marketTrend", range: [0.05, 0.13] },
    ],
    design: { method: "saltelli", n },
    replications: 5,
    outcomes: [{ metric: "output/park", label: "biopark", year: 2018 }, { headline: "signed" }, { headline: "fiscalCostTotal" }, { name: "big", metric: "output/park", label: "biopark", year: 2018, atLeast: 30 }],
    seed: 1,
    analysis: { resamples: 1000 },
  };
}

/** What one size measures. */
interface ChildResult {
  runs: number;
  points: number;
  workers: number;
  runSeconds: number;
  runsPerSec: number;
  writeSeconds: number;
  peakRssMB: number;
  /** the process's RSS (all threads) and the main thread's heap when 10%, 50% and 100% of the runs were stored, MB */
  rssMB: number[];
  heapMB: number[];
  checkpointMB: number;
  runsCsvMB: number;
  failed: number;
}

/** Runs the experiment with base sample n (25 n runs) in this process and returns its figures. */
async function child(n: number, workers: number): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), "clustersim-bench-experiment-"));
  try {
    writeFileSync(join(dir, "tiny.json"), JSON.stringify(TINY));
    writeFileSync(join(dir, "e.json"), JSON.stringify(experimentFile(n)));
    const ex = await loadExperiment(join(dir, "e.json"));
    const marks = [0.1, 0.5, 1];
    const rss: number[] = [];
    const heap: number[] = [];
    const out = join(dir, "out");
    const result = await runExperimentFolder(ex, {
      out,
      workers,
      onProgress: (p) => {
        while (rss.length < marks.length && p.done >= marks[rss.length] * p.total) {
          const m = process.memoryUsage();
          rss.push(m.rss / MB);
          heap.push(m.heapUsed / MB);
        }
      },
    });
    return {
      runs: result.plan.runs,
      points: ex.design.points.length,
      workers,
      runSeconds: result.timings.runMs / 1000,
      runsPerSec: result.plan.runs / (result.timings.runMs / 1000),
      writeSeconds: result.timings.writeMs / 1000,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      rssMB: rss,
      heapMB: heap,
      checkpointMB: statSync(join(out, CHECKPOINT_FILE)).size / MB,
      runsCsvMB: statSync(join(out, "runs.csv")).size / MB,
      failed: result.failed,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the experiment with base sample n in a fresh child process. */
function measure(n: number, workers: number): ChildResult {
  process.stderr.write(`experiment of ${(25 * n).toLocaleString("en-US")} runs on ${workers} worker${workers === 1 ? "" : "s"}...\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "experiment.ts"), "--child", String(n), "--workers", String(workers)], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as ChildResult;
}

const f = (x: number, d = 1) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const workers = Number(at("--workers") ?? 2);
  if (at("--child") !== undefined) {
    process.stdout.write(`${JSON.stringify(await child(Number(at("--child")), workers))}\n`);
    return;
  }
  const results = [512, 4096].map((n) => measure(n, workers));
  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  process.stdout.write(`| runs | points | workers | run s | runs/s | analyse + write s | peak RSS MB | RSS MB at 10/50/100% | main heap MB at 10/50/100% | checkpoint MB | runs.csv MB |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n`);
  for (const r of results)
    process.stdout.write(`| ${r.runs.toLocaleString("en-US")} | ${r.points.toLocaleString("en-US")} | ${r.workers} | ${f(r.runSeconds)} | ${f(r.runsPerSec, 0)} | ${f(r.writeSeconds)} | ${f(r.peakRssMB, 0)} | ${r.rssMB.map((x) => f(x, 0)).join(" / ")} | ${r.heapMB.map((x) => f(x, 0)).join(" / ")} | ${f(r.checkpointMB)} | ${f(r.runsCsvMB)} |\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/experiment.ts failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
