import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, buildCli, disposeCli, crashLines, runCli, runCliPiped } from "./child-cli.js";

// Real processes: a reader that exits before the CLI writes (EPIPE), and /dev/full (ENOSPC).
let cli: string;
const example = join(ROOT, "scenarios", "example.json");
let small: string;

beforeAll(async () => {
  cli = await buildCli();
  const dir = mkdtempSync(join(tmpdir(), "clustersim-output-"));
  small = join(dir, "small.json");
  writeFileSync(small, JSON.stringify({ extends: example, name: "small", horizon: { endYear: 2019 }, targets: null }));
}, 120_000);
afterAll(() => disposeCli(cli));

/** Opens /dev/full for the child's stdout or stderr. */
const devFull = () => openSync("/dev/full", "w");

describe("a reader that goes away (EPIPE) ends the CLI quietly", () => {
  it("run --json | true: exit 0, no stack, no Node error report", () => {
    const r = runCliPiped(cli, ["run", example, "--json"], "true");
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("run --json | head -c 100: the reader takes part of the output, exit 0", () => {
    const r = runCliPiped(cli, ["run", example, "--json"], "head -c 100 >/dev/null");
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("batch | true: the result files are written, exit 0, no stack", () => {
    const out = join(mkdtempSync(join(tmpdir(), "clustersim-epipe-")), "out");
    const r = runCliPiped(cli, ["batch", small, "--runs", "2", "--workers", "0", "--out", out, "--quiet"], "true");
    expect(crashLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, "summary.json"))).toBe(true);
  });

  it("a closed stdout and stderr do not change the exit code of a failing command", () => {
    const missing = join(tmpdir(), "no-such-scenario.json");
    expect(runCliPiped(cli, ["validate", missing], "true").code).toBe(2);
    expect(runCliPiped(cli, ["validate", missing], "true", true).code).toBe(2);
    expect(runCliPiped(cli, ["run", missing], "true", true).code).toBe(2);
  });
});

describe("other write errors (a full disk) exit 1 with a message", () => {
  it("run > /dev/full: exit 1, a one-line message on stderr, no stack", async () => {
    const fd = devFull();
    try {
      const r = await runCli(cli, ["run", example], { stdio: ["ignore", fd, "pipe"] });
      expect(crashLines(r.stderr)).toEqual([]);
      expect(r.stderr).toBe("clustersim: cannot write to stdout: no space left on the device (ENOSPC)\n");
      expect(r.code).toBe(1);
    } finally {
      closeSync(fd);
    }
  });

  it("batch --json > /dev/full: exit 1 after the result files are written", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "clustersim-full-")), "out");
    const fd = devFull();
    try {
      const r = await runCli(cli, ["batch", small, "--runs", "2", "--workers", "0", "--out", out, "--quiet", "--json"], { stdio: ["ignore", fd, "pipe"] });
      expect(crashLines(r.stderr)).toEqual([]);
      expect(r.stderr).toContain("clustersim: cannot write to stdout: no space left on the device (ENOSPC)");
      expect(r.code).toBe(1);
      expect(existsSync(join(out, "summary.json"))).toBe(true);
    } finally {
      closeSync(fd);
    }
  });

  it("stderr on /dev/full: a bad scenario still exits 2, and nothing crashes", async () => {
    const fd = devFull();
    try {
      const r = await runCli(cli, ["run", join(tmpdir(), "no-such-scenario.json")], { stdio: ["ignore", "pipe", fd] });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
    } finally {
      closeSync(fd);
    }
  });

  it("both streams on /dev/full: a successful run exits 1", async () => {
    const fd = devFull();
    try {
      const r = await runCli(cli, ["run", example], { stdio: ["ignore", fd, fd] });
      expect(r.code).toBe(1);
    } finally {
      closeSync(fd);
    }
  });
});
