/**
 * The adversarial corpus: every case in cases.json runs the real CLI (a child process on a fresh
 * bundle of the sources) in a sandbox of its own, and must end as bad input should: the
 * expected exit code (2), stderr naming the file and JSON path or the option, no stack trace or
 * Node error report, no raw control characters, within a time limit (a hang fails), and no file
 * created, changed or removed anywhere in the sandbox except where the case allows.
 * See README.md in this folder for the case format.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { appendFileSync, closeSync, constants, copyFileSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT, buildCli, crashLines, disposeCli, runCli, type ChildResult } from "../cli/child-cli.js";

/** How one file of a case is made. */
type FileSpec =
  | { text: string }
  | { json: unknown }
  | { hex: string }
  | { repeat: string; times: number; before?: string; after?: string }
  | { sparse: number }
  | { fifo: true }
  | { dir: true }
  | { symlink: string }
  | { remove: true }
  | { patch: unknown }
  | { append: string };

/** One bad input and what the CLI must do with it. */
interface Case {
  id: string;
  about: string;
  files: Record<string, FileSpec>;
  args: string[];
  /** substrings stderr must contain: the file, and the JSON path or the option */
  stderr: string[];
  /** expected exit code (default 2) */
  exit?: number;
  /** paths (relative to the case's working folder) under which files may appear */
  writes?: string[];
  /** CLI commands run first (each must exit 0), before `files` are made: e.g. a batch whose folder `files` then tampers with */
  setup?: string[][];
  /** files made before the setup commands (the scenarios they read) */
  setupFiles?: Record<string, FileSpec>;
}

const { cases } = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8")) as { cases: Case[] };
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const TIME_LIMIT_MS = 30_000;
const PARALLEL = 2;

let cli: string;
const fifos: string[] = [];

/** JSON merge patch (RFC 7396) of `patch` onto `target`. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target !== null && typeof target === "object" && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Makes one file of a case in `dir` (after the setup commands: remove, patch and append change what they made). */
function make(dir: string, name: string, spec: FileSpec): void {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  if (!("patch" in spec) && !("append" in spec)) rmSync(file, { recursive: true, force: true }); // a file made by the setup is replaced
  if ("remove" in spec) return;
  if ("patch" in spec) writeFileSync(file, JSON.stringify(mergePatch(JSON.parse(readFileSync(file, "utf8")), spec.patch), null, 2));
  else if ("append" in spec) appendFileSync(file, spec.append);
  else if ("text" in spec) writeFileSync(file, spec.text);
  else if ("json" in spec) writeFileSync(file, JSON.stringify(spec.json, null, 2));
  else if ("hex" in spec) writeFileSync(file, Buffer.from(spec.hex, "hex"));
  else if ("repeat" in spec) writeFileSync(file, (spec.before ?? "") + spec.repeat.repeat(spec.times) + (spec.after ?? ""));
  else if ("sparse" in spec) {
    closeSync(openSync(file, "w"));
    truncateSync(file, spec.sparse);
  } else if ("fifo" in spec) {
    execFileSync("mkfifo", [file]);
    fifos.push(file);
  } else if ("dir" in spec) mkdirSync(file);
  else if ("symlink" in spec) symlinkSync(spec.symlink, file);
  else throw new Error(`unknown file spec for ${name}: ${JSON.stringify(spec)}`);
}

/** Every path under `root` with its type, size and modification time (symlinks not followed). */
function snapshot(root: string): Map<string, string> {
  const seen = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const st = lstatSync(path);
      const kind = st.isDirectory() ? "dir" : st.isFile() ? "file" : st.isFIFO() ? "fifo" : st.isSymbolicLink() ? "link" : "other";
      seen.set(path.slice(root.length + 1), `${kind} ${st.size} ${st.mtimeMs}`);
      if (st.isDirectory()) walk(path);
    }
  };
  walk(root);
  return seen;
}

/** The paths that appeared, changed or went away between two snapshots. */
function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [p, v] of after) if (before.get(p) !== v) out.push(before.has(p) ? `changed ${p}` : `created ${p}`);
  for (const p of before.keys()) if (!after.has(p)) out.push(`removed ${p}`);
  return out.sort();
}

/** At most PARALLEL child processes at a time. */
const slots = (() => {
  let free = PARALLEL;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free--;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
})();

/** Runs one case in a fresh sandbox: <root>/deep/er/work is the working folder, with TMPDIR and HOME in <root>. */
async function runCase(c: Case): Promise<{ result: ChildResult; written: string[]; work: string }> {
  // the sandbox is removed by the caller once the outcome is read
  const root = mkdtempSync(join(tmpdir(), `clustersim-adv-${c.id}-`));
  const work = join(root, "deep", "er", "work");
  mkdirSync(work, { recursive: true });
  mkdirSync(join(root, "tmp"));
  mkdirSync(join(root, "home"));
  copyFileSync(join(ROOT, "scenarios", "example.json"), join(work, "example.json"));
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: join(root, "tmp"), HOME: join(root, "home") };
  delete env.CLUSTERSIM_DEBUG;
  for (const [name, spec] of Object.entries(c.setupFiles ?? {})) make(work, name, spec);
  for (const args of c.setup ?? []) {
    const r = await slots(() => runCli(cli, args, { cwd: work, env }, TIME_LIMIT_MS));
    if (r.code !== 0) throw new Error(`${c.id}: setup clustersim ${args.join(" ")} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  }
  for (const [name, spec] of Object.entries(c.files)) make(work, name, spec);
  const before = snapshot(root);
  const result = await slots(() => runCli(cli, c.args, { cwd: work, env }, TIME_LIMIT_MS));
  const allowed = (c.writes ?? []).map((w) => join("deep", "er", "work", w));
  const written = changes(before, snapshot(root)).filter((ch) => !allowed.some((a) => ch.split(" ")[1].startsWith(a)));
  return { result, written, work: root };
}

beforeAll(async () => {
  cli = await buildCli();
}, 120_000);

// A FIFO that a broken reader opened would keep a thread blocked: give every FIFO a writer.
afterAll(() => {
  disposeCli(cli);
  for (const f of fifos) {
    try {
      closeSync(openSync(f, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting
    }
  }
});

/** A file of a results folder named in a message (the folder's own files, or a file inside it). */
const RESULT_FILE = /(manifest|summary|comparison|datapackage)\.json|runs\.csv|yearly\.csv|series\.csv\.gz|checkpoint\.(bin|jsonl)|batch\.lock|scenarios\/[^ ]+\.json|results folder/;

describe("the corpus itself", () => {
  it("has unique ids and at least 60 cases of options and result folders; each names a file and a JSON path, an option, or a result folder's file", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const optionOrFolder = cases.filter((c) => c.stderr.some((s) => s.includes("--") || RESULT_FILE.test(s)));
    expect(optionOrFolder.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) {
      const namesPathOrOption = c.stderr.some((s) => s.includes("$") || s.includes("--"));
      const namesFolderFile = c.stderr.some((s) => RESULT_FILE.test(s));
      const namesFile = c.stderr.some((s) => /\.json|\/dev\//.test(s));
      const isOptionCase = c.stderr.some((s) => s.includes("--"));
      expect(namesPathOrOption || namesFolderFile, `${c.id}: stderr should name a JSON path, an option or a result folder's file`).toBe(true);
      expect(namesFile || isOptionCase || namesFolderFile, `${c.id}: stderr should name the file`).toBe(true);
    }
  });
});

describe("bad input to the real CLI", () => {
  for (const c of cases) {
    it.concurrent(`${c.id}: ${c.about}`, { timeout: TIME_LIMIT_MS + 30_000 }, async () => {
      const { result, written, work } = await runCase(c);
      rmSync(work, { recursive: true, force: true });
      const context = `clustersim ${c.args.join(" ")}\n--- stderr ---\n${result.stderr.slice(0, 3000)}`;
      expect(result.signal, `${context}\n(killed: a hang or a crash)`).toBeNull();
      expect(crashLines(result.stderr + result.stdout), context).toEqual([]);
      expect(result.code, context).toBe(c.exit ?? 2);
      for (const s of c.stderr) expect(result.stderr, context).toContain(s);
      expect(RAW_CONTROL.test(result.stderr + result.stdout), `${context}\n(raw control characters)`).toBe(false);
      expect(written, "files written outside the allowed places").toEqual([]);
    });
  }
});
