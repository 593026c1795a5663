/**
 * Measuring one batch case inside its own process: build the plan (writing the scenario overlay to
 * a temporary folder when the case has one), start the executor and run one warm-up shard per
 * slot (worker start-up, JIT), then run the batch with the library function the CLI uses
 * (runBatchFolder, a checkpoint in a temporary folder) on the warm executor, timed from the first
 * shard dispatched to the last result received; optionally it writes the result files, timed.
 * Memory: the process's peak RSS (main thread and workers) and the main thread's heap, sampled
 * after every shard and every 1,000 checkpoint reads while writing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Executor } from "../src/batch/executor.js";
import { runBatchFolder, nodeExecutor } from "../src/batch/node/batch-folder.js";
import { CHECKPOINT_FILE, FileStore } from "../src/batch/node/file-store.js";
import { derivedPlan, shardOf, type BatchPlan } from "../src/batch/plan.js";
import { runBatch } from "../src/batch/run-batch.js";
import type { RunStore } from "../src/batch/store.js";
import { loadScenario } from "../src/scenario/load.js";
import { otherLoad, pairedSpeedUps, parseProcStat, Peak, shardFigures, startupMs, timedExecutor, type CpuTicks, type SpeedUp } from "./batch-figures.js";
import { batchRuns, type BatchCase, type ProfileName } from "./cases.js";

/** What the harness sends a batch case's child. */
export interface BatchChildSpec {
  case: BatchCase;
  profile: ProfileName;
}

/** One batch case's result (one element of `bench --json`). */
export interface BatchResult {
  case: string;
  kind: "batch";
  doc: string;
  /** scenario file (relative to the repository root), and the overlay run instead when there is one */
  scenario: string;
  overlay?: Record<string, unknown>;
  gate: false;
  profile: ProfileName;
  /** 0 = in-process */
  workers: number;
  executor: "in-process" | "worker pool";
  seed: number;
  /** runs of the timed batch */
  runs: number;
  failed: number;
  /** shards of the timed batch and the runs per shard (runBatch's chunkSize) */
  shards: number;
  runsPerShard: number;
  /** runs of the warm-up shard each slot ran before the batch (not timed, not stored) */
  warmupRuns: number;
  /** the largest warm-up round trip not spent computing: worker start-up (through tsx from source) and init, ms */
  startupMs: number;
  /** executor created until every warm-up shard was back (start-up + warm-up compute), ms */
  warmupMs: number;
  /** first shard dispatched to last result received, ms (start-up excluded) */
  batchMs: number;
  /** runs / batchMs */
  runsPerSec: number;
  /** sum of the shards' compute time (ShardResult.computeMs), and per run, ms */
  computeMs: number;
  computeMsPerRun: number;
  /** sum over shards of dispatch-to-result on the main thread, ms */
  roundTripMs: number;
  /** 1 - computeMs / roundTripMs (worker cases; null in-process, where nothing is messaged) */
  messagingShare: number | null;
  /** computeMs / (batchMs x slots): how busy the executor's slots were */
  busyShare: number;
  /** main-thread time appending finished shards to the checkpoint (JSON lines + fsync), ms, and its share of batchMs */
  checkpointMs: number;
  checkpointShare: number;
  /** process CPU time (main thread and workers) during runBatch / its wall time: cores in use */
  cpuCores: number;
  /**
   * during runBatch, from /proc/stat (null off Linux): every other process's CPU time / wall time
   * (other work inside this machine), and steal time / wall time (the host running other guests)
   */
  otherCores: number | null;
  stealCores: number | null;
  /** writing summary.json, runs.csv and yearly.csv from the checkpoint, ms (null when the case does not) */
  writeMs: number | null;
  /** executor created until the batch ended or its files were written, ms (start-up included) */
  totalMs: number;
  /** the process's peak resident set (main thread, workers, Node and tsx), MB */
  peakRssMB: number;
  /** the main thread's heapUsed: largest sample, samples taken, and before the executor started, MB */
  peakHeapMB: number;
  heapSamples: number;
  heapBeforeMB: number;
  /** resident set before the executor started, and after the warm-up shards (workers started), MB */
  rssBeforeMB: number;
  rssAfterStartMB: number;
  /** checkpoint.bin and runs.csv sizes, MB (runs.csv null when not written) */
  checkpointMB: number;
  runsCsvMB: number | null;
  /** 1-minute load average when the case started and ended (the machine is shared; it includes this bench's own recent work) */
  loadavg1Start: number;
  loadavg1End: number;
  /** the case compared with, and the speed-up (filled in by bench/run.ts when both were measured) */
  speedUpOver?: string;
  speedUp?: SpeedUp;
  /**
   * 2-worker cases: the paired speed-up of 2 workers over 1 on the same warm pool (runBatch on 1
   * lane vs 2 lanes, ABBA blocks of `pairedBlockRuns` runs, fastest block of each side per
   * quartet; median over quartets, and each quartet's); null when the case has none
   */
  pairedSpeedUp: number | null;
  pairedSpeedUps: number[];
  pairedBlockRuns: number | null;
  /**
   * the CLI command that runs the same batch (its time includes start-up and writing the files);
   * OVERLAY.json stands for a file holding `overlay` with "extends" set to the scenario's absolute path
   */
  cli: string;
  /** wall time of the whole case in its child, s */
  wallSeconds: number;
}

const MB = 2 ** 20;

/** The machine's CPU ticks now (undefined off Linux). */
function cpuTicks(): CpuTicks | undefined {
  try {
    return parseProcStat(readFileSync("/proc/stat", "utf8"));
  } catch {
    return undefined;
  }
}

/** Measures a batch case; `root` is the repository root, `log` receives progress text (stderr). */
export async function measureBatch(spec: BatchChildSpec, root: string, log: (text: string) => void): Promise<BatchResult> {
  const started = performance.now();
  const c = spec.case;
  const { runs, warmupRuns, paired } = batchRuns(c, spec.profile);
  const loadavg1Start = Number(loadavg()[0].toFixed(2));
  const tmp = mkdtempSync(join(tmpdir(), "clustersim-bench-"));
  try {
    let file = resolve(root, c.scenario);
    if (c.overlay) {
      const overlayFile = join(tmp, "scenario.json");
      writeFileSync(overlayFile, JSON.stringify({ extends: file, ...c.overlay }));
      file = overlayFile;
    }
    const loaded = await loadScenario(file);
    const plan: BatchPlan = derivedPlan([{ name: loaded.scenario.name, file, hash: loaded.hash, scenario: loaded.scenario }], c.seed, runs);
    const out = join(tmp, "out");
    mkdirSync(out);

    const heap = new Peak();
    const sampleHeap = () => heap.add(process.memoryUsage().heapUsed);
    const before = process.memoryUsage();
    log(`${c.name}: ${runs} runs of ${c.overlay ? `an overlay of ${c.scenario}` : c.scenario}, ${c.workers === 0 ? "in-process" : `${c.workers} worker(s)`}; warm-up shard of ${warmupRuns} runs per slot\n`);

    const t0 = performance.now();
    const executor: Executor = nodeExecutor(plan, c.workers);
    try {
      // Warm-up: one shard per slot, all at once (each takes its own idle worker), results dropped.
      const warm = timedExecutor(executor);
      await Promise.all(Array.from({ length: executor.concurrency }, (_, k) => warm.executor.runShard(shardOf(plan, 0, (k * warmupRuns) % runs, Math.min(warmupRuns, runs)))));
      const warmupMs = performance.now() - t0;
      const rssAfterStartMB = process.memoryUsage.rss() / MB;
      sampleHeap();

      // The timed batch through the CLI's library function, on the warm executor; CPU and /proc/stat
      // are read when the last shard is stored (before any file is written).
      const timed = timedExecutor(executor);
      let failed = 0;
      let lastLog = performance.now();
      const ticks0 = cpuTicks();
      const cpu0 = process.cpuUsage();
      const b0 = performance.now();
      let end: { ms: number; cpu: NodeJS.CpuUsage; ticks: CpuTicks | undefined } | null = null;
      const sampleReads = (store: RunStore): RunStore => ({
        get size() {
          return store.size;
        },
        has: (sc, r) => store.has(sc, r),
        append: (result) => store.append(result),
        *runs(sc, from, to) {
          let reads = 0;
          for (const r of store.runs(sc, from, to)) {
            if (++reads % 1000 === 0) sampleHeap();
            yield r;
          }
        },
        close: () => store.close(),
      });
      const result = await runBatchFolder(plan, {
        out, workers: c.workers, executor: timed.executor, writeFiles: c.writeResults, wrapStore: sampleReads,
        onProgress: ({ done, total, failed: nFailed }) => {
          failed = nFailed;
          sampleHeap();
          if (done === total && end === null) end = { ms: performance.now() - b0, cpu: process.cpuUsage(cpu0), ticks: cpuTicks() };
          if (done < total && performance.now() - lastLog >= 5000) {
            lastLog = performance.now();
            log(`  ${c.name}: ${done} of ${total} runs, ${((lastLog - b0) / 1000).toFixed(1)} s\n`);
          }
        },
      });
      if (result.outcome !== "done" || end === null) throw new Error(`${c.name}: the batch was aborted`);
      const { ms: runBatchMs, cpu, ticks: ticks1 } = end as { ms: number; cpu: NodeJS.CpuUsage; ticks: CpuTicks | undefined };
      const ownCpuMs = (cpu.user + cpu.system) / 1000;
      const other = ticks0 && ticks1 ? otherLoad(ticks0, ticks1, ownCpuMs, runBatchMs) : null;
      const fig = shardFigures(timed.timings, executor.concurrency);
      const checkpointMs = result.timings.storeMs;
      const writeMs = c.writeResults ? result.timings.writeMs : null;
      const runsCsvMB = c.writeResults ? statSync(join(out, "runs.csv")).size / MB : null;
      sampleHeap();
      const totalMs = performance.now() - t0;

      // The paired speed-up: ABBA blocks of the same runs on this warm pool, 1 lane vs 2 lanes.
      let pairedFig: { ratios: number[]; median: number } | null = null;
      if (paired && executor.concurrency >= 2) {
        const blockPlan: BatchPlan = { ...plan, runs: paired.blockRuns };
        let blockNo = 0;
        const block = async (lanes: number): Promise<number> => {
          const dir = join(tmp, `block-${blockNo++}`);
          mkdirSync(dir);
          const cp = FileStore.open(dir, blockPlan);
          const t = timedExecutor({ concurrency: lanes, runShard: (s) => executor.runShard(s), close: async () => {} });
          try {
            await runBatch(blockPlan, t.executor, cp);
          } finally {
            cp.close();
          }
          return shardFigures(t.timings, lanes).spanMs;
        };
        const quartets = [];
        for (let q = 0; q < paired.quartets; q++) {
          const a1 = await block(1), b1 = await block(2), b2 = await block(2), a2 = await block(1);
          quartets.push({ oneLaneMs: [a1, a2], twoLaneMs: [b1, b2] });
        }
        pairedFig = pairedSpeedUps(quartets);
        log(`  ${c.name}: paired speed-up of 2 lanes over 1 on this pool x${pairedFig.median.toFixed(2)} (quartets: ${pairedFig.ratios.map((r) => r.toFixed(2)).join(", ")})\n`);
      }
      const checkpointMB = statSync(join(out, CHECKPOINT_FILE)).size / MB;
      const peakRssMB = process.resourceUsage().maxRSS / 1024;
      log(`  ${c.name}: ${fig.runs} runs in ${(fig.spanMs / 1000).toFixed(2)} s, ${fig.runsPerSec.toFixed(1)} runs/s${writeMs === null ? "" : `; files written in ${(writeMs / 1000).toFixed(1)} s`}; peak RSS ${peakRssMB.toFixed(0)} MB\n`);

      const cliRuns = `--runs ${runs} --seed ${c.seed} --workers ${c.workers} --out DIR --quiet`;
      return {
        case: c.name,
        kind: "batch",
        doc: c.doc,
        scenario: c.scenario,
        ...(c.overlay ? { overlay: c.overlay } : {}),
        gate: false,
        profile: spec.profile,
        workers: c.workers,
        executor: c.workers === 0 ? "in-process" : "worker pool",
        seed: c.seed,
        runs: fig.runs,
        failed,
        shards: fig.shards,
        runsPerShard: Math.max(...timed.timings.map((t) => t.runs)),
        warmupRuns: Math.min(warmupRuns, runs),
        startupMs: startupMs(warm.timings),
        warmupMs,
        batchMs: fig.spanMs,
        runsPerSec: fig.runsPerSec,
        computeMs: fig.computeMs,
        computeMsPerRun: fig.computeMs / fig.runs,
        roundTripMs: fig.roundTripMs,
        messagingShare: c.workers === 0 ? null : fig.messagingShare,
        busyShare: fig.busyShare,
        checkpointMs,
        checkpointShare: checkpointMs / fig.spanMs,
        cpuCores: ownCpuMs / runBatchMs,
        otherCores: other?.otherCores ?? null,
        stealCores: other?.stealCores ?? null,
        writeMs,
        totalMs,
        peakRssMB,
        peakHeapMB: heap.max / MB,
        heapSamples: heap.samples,
        heapBeforeMB: before.heapUsed / MB,
        rssBeforeMB: before.rss / MB,
        rssAfterStartMB,
        checkpointMB,
        runsCsvMB,
        loadavg1Start,
        loadavg1End: Number(loadavg()[0].toFixed(2)),
        ...(c.speedUpOver ? { speedUpOver: c.speedUpOver } : {}),
        pairedSpeedUp: pairedFig?.median ?? null,
        pairedSpeedUps: pairedFig?.ratios ?? [],
        pairedBlockRuns: pairedFig && paired ? paired.blockRuns : null,
        cli: `npx tsx src/cli.ts batch ${c.overlay ? "OVERLAY.json" : c.scenario} ${cliRuns}`,
        wallSeconds: (performance.now() - started) / 1000,
      };
    } finally {
      await executor.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
