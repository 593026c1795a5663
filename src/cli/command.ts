/**
 * What every command shares: its I/O (results on stdout, everything else on stderr), the error
 * kinds that map to exit codes, and the command interface the entry dispatches to.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** Exit codes: 0 ok, 1 failure, 2 bad input or usage, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** Where a command writes: stdout carries only results; progress, warnings and errors go to stderr. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** colour allowed on stdout/stderr (a terminal and no NO_COLOR) */
  color: boolean;
  /** stderr is a terminal (progress bars) */
  stderrIsTTY: boolean;
}

/** Bad command-line usage: unknown option, missing argument (exit 2, usage printed). */
export class UsageError extends Error {}

/** Bad input data: an invalid scenario or results folder (exit 2, message printed, no usage); defined in src/scenario/input-error.ts. */
export { InputError } from "../scenario/input-error.js";

/** One sub-command of the CLI. */
export interface Command {
  name: string;
  /** one line for the command list */
  summary: string;
  /** the usage text shown by `clustersim <name> --help` and on usage errors */
  usage: string;
  /** runs the command and returns its exit code */
  run(args: string[], io: CliIO): Promise<number>;
}

/** The real process's I/O, with colour only on a terminal and never with NO_COLOR. */
export function processIO(): CliIO {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    color: !noColor && process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** node:util parseArgs in strict mode, turning its errors into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Parses a whole number option, or throws a UsageError naming the option. */
export function intOption(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`--${name} expects a whole number >= ${min}, got "${value}"`);
  return Number(value);
}
