/** Helpers for the batch tests: a temp folder, a small scenario, the CLI in-process or as a child. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/command.js";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "clustersim-batch-"));
}

/** A small scenario file (the example over 2018-2019) in `dir`, named `name`. */
export function smallScenario(dir: string, name = "small"): string {
  const file = join(dir, `${name}.json`);
  const example = join(ROOT, "scenarios", "example.json");
  writeFileSync(file, JSON.stringify({ extends: example, name, horizon: { endYear: 2019 }, targets: null }));
  return file;
}

/** Runs the CLI in this process; returns exit code and output. */
export async function cli(args: string[]) {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color: false, stderrIsTTY: false };
  const code = await main(args, io);
  return { code, ...out };
}

/** Runs the CLI from source in a child process (for faults and kills). */
export function cliChild(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli.ts"), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
}

/** Starts the CLI from source as a child process without waiting (stderr piped when asked). */
export function cliSpawn(args: string[], env: Record<string, string> = {}, stderr: "ignore" | "pipe" = "ignore") {
  return spawn(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", stderr], env: { ...process.env, ...env } });
}

/** The three deterministic result files of a folder. */
export function resultFiles(dir: string): Record<string, string> {
  return Object.fromEntries(["summary.json", "runs.csv", "yearly.csv"].map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}
