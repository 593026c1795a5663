/**
 * Helpers for the queue tests: the CLI from source as a child process whose stderr lines are
 * collected (a `clustersim worker`, or a coordinator to kill), and waiting for a line or a file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { ROOT } from "../batch/helpers.js";

/** A CLI child process and what it has written to stderr so far. */
export interface CliProcess {
  child: ChildProcess;
  /** stderr lines so far */
  lines: string[];
  /** resolves with the first stderr line matching `pattern` (rejects when the process exits first) */
  waitFor(pattern: RegExp): Promise<string>;
  /** resolves with the exit code (or the signal's name) */
  exited: Promise<number | string>;
  /** sends `signal` the moment a stderr line matches `pattern` (in the same tick it arrives); resolves with that line */
  killOnLine(pattern: RegExp, signal: NodeJS.Signals): Promise<string>;
}

const started = new Set<ChildProcess>();

/** Kills (SIGKILL) every CLI child still running: an afterAll safety net for tests that time out. */
export function killAllCli(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  started.clear();
}

/** Starts `clustersim <args>` from source (tsx) as a child process. */
export function startCli(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): CliProcess {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", join(ROOT, "src", "cli.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (err: Error) => void }[] = [];
  let killer: { pattern: RegExp; signal: NodeJS.Signals; resolve: (line: string) => void } | null = null;
  let partial = "";
  child.stdout?.resume();
  child.stderr?.on("data", (chunk: Buffer) => {
    const parts = (partial + chunk.toString("utf8")).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      if (killer && killer.pattern.test(line)) {
        child.kill(killer.signal);
        killer.resolve(line);
        killer = null;
      }
      for (const w of [...waiters]) if (w.pattern.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`exited (${code ?? signal}) before a line matched ${w.pattern}:\n${lines.join("\n")}`));
      resolve(code ?? signal ?? -1);
    }),
  );
  return {
    child,
    lines,
    exited,
    killOnLine(pattern, signal) {
      return new Promise((resolve) => (killer = { pattern, signal, resolve }));
    },
    waitFor(pattern) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`exited before a line matched ${pattern}:\n${lines.join("\n")}`));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
  };
}

/** Starts `clustersim worker --queue url` with `threads` threads and a short lock (so a killed worker's job comes back soon). */
export function startWorker(url: string, threads = 1, lockMs = 1000): CliProcess {
  return startCli(["worker", "--queue", url, "--concurrency", String(threads), "--lock-ms", String(lockMs)]);
}

/** Stops a CLI child (SIGTERM) and waits for it. */
export async function stopCli(p: CliProcess): Promise<number | string> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGTERM");
  return p.exited;
}

/** Polls until `test` holds (every 50 ms); the test's own timeout bounds it. */
export async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Runs stored in a folder's checkpoint (its intact frames; 0 when there is none yet). */
export function checkpointRuns(dir: string): number {
  return inspectCheckpoint(join(dir, CHECKPOINT_FILE)).runs;
}
