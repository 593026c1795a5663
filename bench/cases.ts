/**
 * Benchmark cases, declared as data (in the manner of the ABM frameworks' comparison suites):
 * what each case runs, how many samples it takes, and whether `bench:check` gates it. Each case
 * runs in a fresh child process (bench/child.ts dispatches on `kind`): "core" cases (one model
 * run at a time against the reference kernel; gated) and "batch" cases (a whole batch through an
 * executor: in-process or a worker pool; reported, never gated).
 */

/**
 * How long a case samples: until `min` samples and `budgetMs` of sampling, or `max` samples. A
 * sample is `quartets` ABBA blocks (kernel, model, model, kernel), each block one run per seed.
 */
export interface SamplingProfile {
  /** kernel-then-model pairs run and discarded after the agent-step counting pass (JIT and caches warm) */
  warmup: number;
  min: number;
  max: number;
  budgetMs: number;
}

/** A single-thread core case: one scenario at an agent scale, kernel and model interleaved. */
export interface CoreCase {
  kind: "core";
  name: string;
  doc: string;
  /** scenario file, relative to the repository root */
  scenario: string;
  /** agent scale factor (bench/scale.ts scaleScenario) */
  scale: number;
  /** run seeds of one block: a block runs the model (or the kernel) once per seed, the same seeds every block */
  seeds: number[];
  /** ABBA quartets per sample; the sample's ratio compares each side's fastest block */
  quartets: number;
  /** gated by `--check` against bench/baseline.json */
  gate: boolean;
  /** sampling for `bench` and `--update`, for `--check`, and for `--quick` */
  full: SamplingProfile;
  check: SamplingProfile;
  quick: SamplingProfile;
}

/**
 * A batch case: `runs` seeded runs of one scenario through `runBatch` on an executor, with a
 * checkpoint in a temporary folder, timed from the first shard dispatched to the last result
 * received (worker start-up excluded: every executor slot first runs one warm-up shard).
 * Reported, never gated.
 */
export interface BatchCase {
  kind: "batch";
  name: string;
  doc: string;
  /** scenario file, relative to the repository root (the base of `overlay` when there is one) */
  scenario: string;
  /**
   * when set, the case runs this overlay instead: written to a temporary folder with
   * `"extends": <absolute path of scenario>` added, and loaded like any scenario file
   */
  overlay?: Record<string, unknown>;
  /** 0 = in-process executor; K = a pool of K worker threads */
  workers: number;
  /** runs of the batch (per scenario) for `bench` and for `--quick` (batch cases are never in `--check`) */
  runs: { full: number; quick: number };
  /** runs of the warm-up shard each executor slot runs before the timed batch (worker start-up, JIT) */
  warmupRuns: { full: number; quick: number };
  /** base seed of the batch */
  seed: number;
  /** also write the result files (summary.json, runs.csv, yearly.csv) from the checkpoint, timed */
  writeResults: boolean;
  /** the case whose runs/s this case's is divided by in the report (the speed-up) */
  speedUpOver?: string;
  /**
   * after the timed batch, a paired speed-up on the same warm pool: `quartets` ABBA quartets of
   * batches of `blockRuns` runs (the same seeds every block) with runBatch on 1 lane (one shard in
   * flight: one worker busy), 2 lanes, 2 lanes, 1 lane; per quartet the fastest block of each side
   */
  paired?: { blockRuns: { full: number; quick: number }; quartets: { full: number; quick: number } };
  gate: false;
}

/** Any benchmark case. */
export type BenchCase = CoreCase | BatchCase;

const quick: SamplingProfile = { warmup: 1, min: 2, max: 2, budgetMs: 0 };

/**
 * The tiny scenario of the memory case, an overlay of scenarios/example.json: one year (4
 * quarters), no targets, about a tenth of the initial firms (22 in the same 7 groups, each
 * group's output scaled with its count so firms keep their sizes; the array replaces the base's
 * whole) and one competitor district of the base's 12. About 0.6-0.8 ms per run here, against
 * 1.2-1.8 ms with the year and no targets alone; a run's record (47 values: drawn parameters,
 * headlines, yearly cells) is the same either way, so memory and file sizes are too.
 */
export const TINY_OVERLAY: Record<string, unknown> = {
  name: "tiny",
  horizon: { endYear: 2018 },
  targets: null,
  initialState: {
    firms: [
      { park: "biopark", industry: "biopharma", tier: "anchor", count: 1, output: 20 },
      { park: "biopark", industry: "biopharma", tier: "leader", count: 1, output: 5 },
      { park: "biopark", industry: "biopharma", tier: "small", count: 6, output: 1.2 },
      { park: "biopark", industry: "med-devices", tier: "leader", count: 1, output: 3 },
      { park: "biopark", industry: "med-devices", tier: "small", count: 4, output: 0.6 },
      { park: "health-park", industry: "health-services", tier: "leader", count: 1, output: { dist: "uniform", min: 4.5, max: 8 } },
      { park: "health-park", industry: "health-services", tier: "small", count: 8, output: 4 },
    ],
  },
  competitors: Object.fromEntries(
    ["zhangjiang", "biobay", "zgc-life", "biolake", "taizhou", "bio-island", "medical-port", "pingshan", "binhai", "changchun", "xiamen"].map((k) => [k, null]),
  ),
};

/** Every case, in run order. */
export const CASES: BenchCase[] = [
  {
    kind: "core",
    name: "core-1x",
    doc: "baseline scenario as shipped (about 750 agents)",
    scenario: "scenarios/baseline.json",
    scale: 1,
    seeds: [1, 2, 3, 4, 5, 6, 7, 8],
    quartets: 2,
    gate: true,
    full: { warmup: 4, min: 10, max: 40, budgetMs: 12_000 },
    check: { warmup: 2, min: 5, max: 20, budgetMs: 3_000 },
    quick,
  },
  {
    kind: "core",
    name: "core-10x",
    doc: "baseline scenario with 10 times the agents",
    scenario: "scenarios/baseline.json",
    scale: 10,
    seeds: [1, 2],
    quartets: 2,
    gate: true,
    full: { warmup: 2, min: 7, max: 25, budgetMs: 14_000 },
    check: { warmup: 1, min: 4, max: 12, budgetMs: 4_000 },
    quick,
  },
  {
    kind: "core",
    name: "core-100x",
    doc: "baseline scenario with 100 times the agents",
    scenario: "scenarios/baseline.json",
    scale: 100,
    seeds: [1],
    quartets: 2,
    gate: true,
    full: { warmup: 1, min: 5, max: 8, budgetMs: 25_000 },
    check: { warmup: 0, min: 3, max: 3, budgetMs: 0 },
    quick: { warmup: 0, min: 1, max: 1, budgetMs: 0 },
  },
  // Batch cases: the same batch through each executor, then a large batch of a tiny scenario.
  // Runs are sized for about 5-10 s each here (the baseline scenario is about 11 ms per run).
  {
    kind: "batch",
    name: "batch-inprocess",
    doc: "baseline scenario, in-process executor (one shard at a time on the main thread)",
    scenario: "scenarios/baseline.json",
    workers: 0,
    runs: { full: 768, quick: 64 },
    warmupRuns: { full: 64, quick: 16 },
    seed: 1,
    writeResults: false,
    gate: false,
  },
  {
    kind: "batch",
    name: "batch-1w",
    doc: "baseline scenario, pool of 1 worker thread",
    scenario: "scenarios/baseline.json",
    workers: 1,
    runs: { full: 768, quick: 64 },
    warmupRuns: { full: 64, quick: 16 },
    seed: 1,
    writeResults: false,
    speedUpOver: "batch-inprocess",
    gate: false,
  },
  {
    kind: "batch",
    name: "batch-2w",
    doc: "baseline scenario, pool of 2 worker threads",
    scenario: "scenarios/baseline.json",
    workers: 2,
    runs: { full: 768, quick: 64 },
    warmupRuns: { full: 64, quick: 16 },
    seed: 1,
    writeResults: false,
    speedUpOver: "batch-1w",
    paired: { blockRuns: { full: 128, quick: 16 }, quartets: { full: 3, quick: 1 } },
    gate: false,
  },
  {
    kind: "batch",
    name: "batch-100k-memory",
    doc: "100,000 runs of a tiny scenario (example.json over 2018 only, no targets, a tenth of the firms, one competitor) on 2 workers, result files written",
    scenario: "scenarios/example.json",
    overlay: TINY_OVERLAY,
    workers: 2,
    runs: { full: 100_000, quick: 10_000 },
    warmupRuns: { full: 200, quick: 50 },
    seed: 1,
    writeResults: true,
    gate: false,
  },
];

/** Which sampling profile a run uses. */
export type ProfileName = "full" | "check" | "quick";

/** Whether a case is a single-thread core case. */
export const isCoreCase = (c: BenchCase): c is CoreCase => c.kind === "core";

/** The cases `--check` gates: single-thread core cases marked `gate`. */
export function gatedCases(cases: readonly BenchCase[] = CASES): CoreCase[] {
  return cases.filter(isCoreCase).filter((c) => c.gate);
}

/** The core cases (what `--update` measures: the baseline holds only them). */
export function coreCases(cases: readonly BenchCase[] = CASES): CoreCase[] {
  return cases.filter(isCoreCase);
}

/** Runs of a batch case under a profile (`check` never runs batch cases; it would take the full size). */
export function batchRuns(c: BatchCase, profile: ProfileName): { runs: number; warmupRuns: number; paired?: { blockRuns: number; quartets: number } } {
  const p = profile === "quick" ? "quick" : "full";
  return {
    runs: c.runs[p],
    warmupRuns: c.warmupRuns[p],
    ...(c.paired ? { paired: { blockRuns: c.paired.blockRuns[p], quartets: c.paired.quartets[p] } } : {}),
  };
}
