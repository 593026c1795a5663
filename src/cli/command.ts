/**
 * What every command shares: its I/O (results on stdout, everything else on stderr), the error
 * kinds that map to exit codes, and the command interface the entry dispatches to.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { escapeTerminal, shortenLine } from "../report/terminal-text.js";

/** Exit codes: 0 ok, 1 failure, 2 bad input or usage, 130 interrupted (SIGINT), 143 terminated (SIGTERM). */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

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

/** The real process's I/O, with the exit code that write errors call for. */
export interface ProcessIO extends CliIO {
  /** the exit code to end with, given the command's: a write error other than EPIPE turns 0 into 1 */
  exitCode(code: number): number;
}

/** A write error as words, e.g. "no space left on the device (ENOSPC)". */
function describeWriteError(err: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EIO: "input/output error",
    EFBIG: "file too large",
    EAGAIN: "the output is not ready (non-blocking)",
  };
  return err.code ? `${words[err.code] ?? err.message} (${err.code})` : err.message;
}

/**
 * Guards stdout and stderr once per process. A write error closes that stream for further
 * writes instead of crashing with "Unhandled 'error' event": EPIPE (the reader went away, as in
 * `clustersim run --json | head`) quietly, any other (a full disk) with a one-line message on
 * stderr and exit code 1 unless the command already failed.
 */
const guarded = (() => {
  let cached: { stdout: (t: string) => void; stderr: (t: string) => void; failed: () => boolean } | undefined;
  return () => {
    if (cached) return cached;
    let failed = false;
    const closed = { stdout: false, stderr: false };
    const watch = (name: "stdout" | "stderr") =>
      process[name].on("error", (err: NodeJS.ErrnoException) => {
        if (closed[name]) return;
        closed[name] = true;
        if (err.code === "EPIPE") return;
        failed = true;
        if (!process.exitCode) process.exitCode = EXIT.failure;
        if (name === "stdout" && !closed.stderr) process.stderr.write(`clustersim: cannot write to stdout: ${describeWriteError(err)}\n`);
      });
    watch("stdout");
    watch("stderr");
    const writer = (name: "stdout" | "stderr") => (t: string) => {
      if (!closed[name]) process[name].write(t);
    };
    cached = { stdout: writer("stdout"), stderr: writer("stderr"), failed: () => failed };
    return cached;
  };
})();

/** Longest line written to stderr, in characters (messages quoting a huge key are cut). */
const MAX_STDERR_LINE = 4000;

/**
 * The real process's I/O, with colour only on a terminal and never with NO_COLOR. Everything
 * written is passed through escapeTerminal (line breaks, tabs and, with colour, SGR sequences
 * kept): whatever a message or summary quotes from a scenario cannot act on the terminal. Lines
 * on stderr are cut after MAX_STDERR_LINE characters.
 */
export function processIO(): ProcessIO {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  const streams = guarded();
  const color = !noColor && process.stdout.isTTY === true;
  return {
    stdout: (t) => streams.stdout(escapeTerminal(t, { newlines: true, colour: color })),
    stderr: (t) => streams.stderr(escapeTerminal(t, { newlines: true, colour: color }).split("\n").map((line) => shortenLine(line, MAX_STDERR_LINE)).join("\n")),
    color,
    stderrIsTTY: process.stderr.isTTY === true,
    exitCode: (code) => (code === EXIT.ok && streams.failed() ? EXIT.failure : code),
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
