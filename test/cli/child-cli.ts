/**
 * The real CLI as a child process, for tests of what only a process shows (exit codes, pipes,
 * stream errors, stray files): the current sources bundled once per test file with esbuild (as
 * `npm run build` does) into a temporary folder, so a stale dist/ cannot be what is tested.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Bundles src/cli.ts and the worker into a fresh folder; returns the path of cli.js. With
 * CLUSTERSIM_TEST_CLI set, that CLI is used instead (to run the same tests against another build).
 */
export async function buildCli(): Promise<string> {
  if (process.env.CLUSTERSIM_TEST_CLI) return process.env.CLUSTERSIM_TEST_CLI;
  const outdir = mkdtempSync(join(tmpdir(), "clustersim-cli-"));
  await build({
    entryPoints: { cli: join(ROOT, "src/cli.ts"), worker: join(ROOT, "workers/node-worker.ts") },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    define: { __CLUSTERSIM_BUILD_ID__: JSON.stringify("test-child-cli") },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: "error",
  });
  return join(outdir, "cli.js");
}

/** Removes a bundle made by buildCli (not one given by CLUSTERSIM_TEST_CLI). */
export function disposeCli(cli: string | undefined): void {
  if (cli && cli !== process.env.CLUSTERSIM_TEST_CLI) rmSync(dirname(cli), { recursive: true, force: true });
}

/** What a finished child process left. */
export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI and waits for it (killed after `timeoutMs`: a hang fails the test, it does not stall it). */
export function runCli(cli: string, args: string[], options: SpawnSyncOptions = {}, timeoutMs = 30_000): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { ...options, stdio: options.stdio ?? ["ignore", "pipe", "pipe"] } as Parameters<typeof spawn>[2]);
    const out = { stdout: "", stderr: "" };
    child.stdout?.setEncoding("utf8").on("data", (d: string) => void (out.stdout += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => void (out.stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ...out });
    });
  });
}

/**
 * Runs a bash pipeline `cli ARGS | reader` and returns the CLI's exit code (PIPESTATUS) and its
 * stderr (kept in a file; with `stderrToo`, stderr goes down the pipe as well and is lost).
 */
export function runCliPiped(cli: string, args: string[], reader: string, stderrToo = false, cwd = ROOT) {
  const quoted = [process.execPath, cli, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const script = `${quoted} ${stderrToo ? "2>&1" : '2>"$ERRFILE"'} | ${reader}; echo "exit=\${PIPESTATUS[0]}"`;
  const errFile = join(mkdtempSync(join(tmpdir(), "clustersim-pipe-")), "stderr.txt");
  const r = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", env: { ...process.env, ERRFILE: errFile }, timeout: 60_000 });
  const code = Number(/exit=(\d+)/.exec(r.stdout)?.[1] ?? NaN);
  const stderr = stderrToo ? "" : readFileSync(errFile, "utf8");
  rmSync(dirname(errFile), { recursive: true, force: true });
  return { code, stderr };
}

/** Lines of a child's output that belong to a stack trace or to Node's own error report. */
export function crashLines(text: string): string[] {
  return text.split("\n").filter((l) => /^\s+at /.test(l) || l.includes("node:internal") || l.includes("Unhandled 'error' event") || /^Node\.js v\d/.test(l));
}
