/**
 * Where a batch keeps its finished runs: a RunStore. The batch appends each shard as it arrives
 * (in any order) and the result files are written by reading the store back in run order, so
 * they never depend on which executor ran what when. Two stores now: a file (node/file-store.ts,
 * checkpoint.bin: compact frames with checksums, so a killed batch resumes) and memory
 * (memory-store.ts, the browser). A store reads runs back in run order with bounded memory. A
 * failed run is stored (the result files list it) but does not count as done: the next batch
 * over the same store runs it again.
 */
import { InputError } from "../scenario/input-error.js";
import { VERSION } from "../version.js";
import { planSeed, type BatchPlan } from "./plan.js";
import type { ShardResult } from "./run-shard.js";

/** Format version of the stored runs (the checkpoint), independent of the result files'. */
export const STORE_FORMAT_VERSION = 3;

/** One stored run: its index and seed, its record values (NaN where the record has none), or its failure. */
export interface StoredRun {
  run: number;
  seed: number;
  values: Float64Array;
  /** null, or why the run failed (then `values` is empty) */
  error: string | null;
}

/** A batch's store of finished runs. */
export interface RunStore {
  /** completed runs stored, over all scenarios (failed runs are not counted) */
  readonly size: number;
  /** whether run `run` of scenario `scenario` is stored and completed (a stored failed run is run again) */
  has(scenario: number, run: number): boolean;
  /** stores a shard's runs; durable when the promise resolves */
  append(result: ShardResult): void | Promise<void>;
  /** the stored runs of scenario `scenario` from `from` to `to` - 1 in run order (each must be stored), one at a time */
  runs(scenario: number, from?: number, to?: number): Iterable<StoredRun>;
  close(): void | Promise<void>;
}

/** What identifies the batch a store belongs to (the checkpoint's first line). */
export interface StoreHeader {
  kind: "clustersim-checkpoint";
  formatVersion: number;
  engineVersion: string;
  /** derived seeds name their base seed; a list is checked run by run against the stored seeds */
  seeds: { kind: "derived"; baseSeed: number } | { kind: "list" };
  scenarios: { name: string; hash: string }[];
}

/** The header a plan's store carries. The number of runs is not part of it: a batch may grow. */
export function headerOf(plan: BatchPlan): StoreHeader {
  return {
    kind: "clustersim-checkpoint",
    formatVersion: STORE_FORMAT_VERSION,
    engineVersion: VERSION,
    seeds: plan.seeds.kind === "derived" ? { kind: "derived", baseSeed: plan.seeds.baseSeed } : { kind: "list" },
    scenarios: plan.scenarios.map((s) => ({ name: s.name, hash: s.hash })),
  };
}

/** Why a stored header does not belong to the plan's batch, or null when it does. */
export function headerMismatch(stored: StoreHeader, plan: BatchPlan): string | null {
  const want = headerOf(plan);
  if (stored.kind !== want.kind || stored.formatVersion !== want.formatVersion) return `it is not a clustersim checkpoint of format ${want.formatVersion}`;
  if (stored.engineVersion !== want.engineVersion) return `it was made by engine ${stored.engineVersion}, this is ${want.engineVersion}`;
  const a = JSON.stringify(stored.seeds);
  const b = JSON.stringify(want.seeds);
  if (a !== b) return `its seed list differs (${seedText(stored.seeds)}; asked for ${seedText(want.seeds)})`;
  const x = stored.scenarios.map((s) => `${s.name}:${s.hash}`).join(",");
  const y = want.scenarios.map((s) => `${s.name}:${s.hash}`).join(",");
  if (x !== y) return "its scenarios or their contents (hashes) differ";
  return null;
}

const seedText = (s: StoreHeader["seeds"]) => (s.kind === "derived" ? `seed ${s.baseSeed}` : "an explicit seed list");

/**
 * Why a stored run does not fit the plan (a run beyond its runs, or another seed), or null.
 * Growing a batch is fine (the plan has more runs, and the stored ones are its prefix).
 */
export function storedRunMismatch(plan: BatchPlan, run: number, seed: number): string | null {
  if (run >= plan.runs) return `it holds run ${run}, beyond the ${plan.runs} runs asked for (a batch can grow, not shrink: ask for at least ${run + 1} runs)`;
  const want = planSeed(plan, run);
  return seed === want ? null : `its run ${run} has seed ${seed}, the seed list gives ${want}`;
}

/** Throws the InputError for a store that belongs to another batch. */
export function refuseStore(where: string, why: string, resume: boolean): never {
  throw new InputError(resume ? `${where}: resume refused: ${why}` : `${where} already holds another batch (${why}); choose another --out`);
}
