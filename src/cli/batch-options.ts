/**
 * The limits of `clustersim batch` and `compare` options, with their reasons, and their parsers:
 * runs per scenario, worker threads (capped at the machine's cores unless forced), the time limit
 * per run, and the --seeds file (a regular file of bounded size).
 */
import { availableParallelism } from "node:os";
import { InputError } from "../scenario/input-error.js";
import { SpecialFileError, readRegular } from "../batch/node/regular-file.js";
import { UsageError } from "./command.js";

/**
 * Most runs per scenario: 10 million. At that count a probability's Monte Carlo error is below
 * 0.02 percentage points, the baseline takes days on one core and runs.csv holds gigabytes; more is
 * a mistake, not a need.
 */
export const MAX_RUNS = 10_000_000;

/** Most worker threads even with --force-workers: each holds its own heap (tens of MB), so 256 already need several GB. */
export const MAX_WORKERS = 256;

/** The default time limit per run, seconds: about a thousand times a baseline run, so only a run that is stuck meets it. */
export const DEFAULT_RUN_TIME_LIMIT_S = 60;

/** The largest --run-time-limit, seconds (a day). */
export const MAX_RUN_TIME_LIMIT_S = 86_400;

/** Largest --seeds file, bytes (128 MiB: ten million seeds of up to ten digits and a line end). */
export const MAX_SEED_FILE_BYTES = 128 * 1024 * 1024;

/** The option texts of the limits, for the usage of batch and compare. */
export const LIMITS_HELP = `Limits:
  --runs            at most ${MAX_RUNS.toLocaleString("en-US")} per scenario: a probability's Monte Carlo error is then
                    below 0.02 percentage points, while the batch takes days and writes gigabytes
  --workers         at most the machine's cores (${availableParallelism()} here; more only slows the runs down),
                    unless --force-workers, and never over ${MAX_WORKERS} (each worker holds its own memory)
  --run-time-limit  a run that takes longer (default ${DEFAULT_RUN_TIME_LIMIT_S} s, about a thousand times a
                    baseline run; at most ${MAX_RUN_TIME_LIMIT_S} s) fails with a message instead of holding the batch up
`;

/** Worker threads for --workers ("auto" or a whole number), capped at the cores unless forced; `note` says when it was capped. */
export function parseWorkerCount(value: string | undefined, force = false): { workers: number; note: string | null } {
  const cores = Math.max(1, availableParallelism());
  if (value === undefined || value === "auto") return { workers: cores, note: null };
  if (!/^\d+$/.test(value)) throw new UsageError(`--workers expects "auto" or a whole number >= 0, got "${value}"`);
  const k = Number(value);
  if (k > MAX_WORKERS) throw new UsageError(`--workers must be at most ${MAX_WORKERS} (each worker thread holds its own memory), got ${value}`);
  if (k > cores && !force) return { workers: cores, note: `--workers ${k}: using ${cores}, the cores of this machine (more workers than cores only slow the runs down; --force-workers starts ${k})` };
  return { workers: k, note: null };
}

/** The time limit per run in ms from --run-time-limit (seconds, a decimal number > 0). */
export function parseRunTimeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_RUN_TIME_LIMIT_S * 1000;
  const s = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(s > 0) || s > MAX_RUN_TIME_LIMIT_S)
    throw new UsageError(`--run-time-limit expects seconds, a number > 0 and at most ${MAX_RUN_TIME_LIMIT_S}, got "${value}"`);
  return s * 1000;
}

/** Checks --runs against MAX_RUNS. */
export function checkRuns(runs: number, what = "--runs"): void {
  if (runs > MAX_RUNS) throw new UsageError(`${what} must be at most ${MAX_RUNS} runs per scenario (more would take days and write gigabytes; the Monte Carlo error is already below 0.02 percentage points), got ${runs}`);
}

/** Reads the --seeds file: a regular file of at most MAX_SEED_FILE_BYTES, as UTF-8 (a missing or special file is bad input). */
export function readSeedFile(file: string): string {
  let bytes: Buffer | undefined;
  try {
    bytes = readRegular(file, MAX_SEED_FILE_BYTES, { followSymlinks: true });
  } catch (err) {
    if (err instanceof SpecialFileError) throw new InputError(`--seeds ${err.message}`);
    throw err;
  }
  if (bytes === undefined) throw new InputError(`--seeds ${file}: cannot read the seed list (ENOENT: no such file)`);
  return bytes.toString("utf8");
}
