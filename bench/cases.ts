/**
 * Benchmark cases, declared as data (in the manner of the ABM frameworks' comparison suites):
 * what each case runs, how many samples it takes, and whether `bench:check` gates it. Each case
 * runs in a fresh child process (bench/child.ts dispatches on `kind`); later issues add their
 * own kinds here (the batch issue: worker pools), which `--check` does not gate.
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

/** Any benchmark case. */
export type BenchCase = CoreCase;

const quick: SamplingProfile = { warmup: 1, min: 2, max: 2, budgetMs: 0 };

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
];

/** Which sampling profile a run uses. */
export type ProfileName = "full" | "check" | "quick";

/** The cases `--check` gates: single-thread core cases marked `gate`. */
export function gatedCases(cases: readonly BenchCase[] = CASES): BenchCase[] {
  return cases.filter((c) => c.kind === "core" && c.gate);
}
