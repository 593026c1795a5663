/**
 * The limits of the batch options (--runs, --workers, --run-time-limit) and the default results
 * folder: a huge --runs is refused with its reason, a batch plans its shards lazily (a plan of
 * 2^53 - 1 runs yields its first shards at once), more workers than cores are capped unless
 * forced, and a scenario name cannot put the default folder outside results/.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { shardsOf, type BatchPlan } from "../../src/batch/plan.js";
import { slug } from "../../src/batch/files/slug.js";
import { defaultFolder } from "../../src/cli/batch.js";
import { buildCli, disposeCli, runCli } from "./child-cli.js";
import { cli, ROOT, smallScenario, tempDir } from "../batch/helpers.js";

describe("--runs, --workers and --run-time-limit limits", () => {
  it.each([
    [["--runs", "10000001"], "--runs must be at most 10000000"],
    [["--runs", "9007199254740991"], "--runs must be at most 10000000"],
    [["--runs", "1e9"], "--runs expects a whole number >= 1"],
    [["--runs", "3", "--workers", "400"], "--workers must be at most 256"],
    [["--runs", "3", "--workers", "257", "--force-workers"], "--workers must be at most 256"],
    [["--runs", "3", "--run-time-limit", "0"], "--run-time-limit expects seconds"],
    [["--runs", "3", "--run-time-limit", "86401"], "--run-time-limit expects seconds"],
    [["--runs", "3", "--run-time-limit", "1e3"], "--run-time-limit expects seconds"],
  ])("%j exits 2 naming the option, before any work", async (extra, message) => {
    const dir = tempDir();
    const out = join(dir, "never");
    const r = await cli(["batch", smallScenario(dir), "--out", out, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it("states the limits and their reasons in --help", async () => {
    const r = await cli(["batch", "--help"]);
    expect(r.stdout).toContain("at most 10,000,000 per scenario");
    expect(r.stdout).toContain("--force-workers");
    expect(r.stdout).toContain("143 terminated (SIGTERM)");
  });

  it("caps --workers at the cores with a note, unless --force-workers", async () => {
    const cores = availableParallelism();
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const capped = await cli(["batch", scenario, "--runs", "2", "--workers", String(cores + 2), "--out", join(dir, "a"), "--quiet"]);
    expect(capped.code, capped.stderr).toBe(0);
    expect(capped.stderr).toContain(`--workers ${cores + 2}: using ${cores}, the cores of this machine`);
    expect(JSON.parse(readFileSync(join(dir, "a", "manifest.json"), "utf8")).workers).toBe(cores);
    const forced = await cli(["batch", scenario, "--runs", "2", "--workers", String(cores + 1), "--force-workers", "--out", join(dir, "b"), "--quiet"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "b", "manifest.json"), "utf8")).workers).toBe(cores + 1);
  }, 60_000);
});

describe("lazy shard planning", () => {
  it("yields the first shards of a plan of 2^53 - 1 runs at once, each with its own seeds only", () => {
    const plan = { scenarios: [{ name: "a", file: "a.json", hash: "h", scenario: {} }], seeds: { kind: "derived", baseSeed: 1 }, runs: Number.MAX_SAFE_INTEGER } as unknown as BatchPlan;
    const shards = shardsOf(plan, 64, (_, r) => r < 10);
    const first = shards.next().value!;
    const second = shards.next().value!;
    expect([first.firstRun, first.count, first.seeds.length]).toEqual([10, 64, 64]);
    expect([second.firstRun, second.count]).toEqual([74, 64]);
  });
});

describe("the default results folder", () => {
  it("makes a safe slug of the scenario names", () => {
    expect(slug("../../../tmp/x")).toBe("tmp-x");
    expect(slug("..")).toBe("scenario");
    expect(slug("a/b\\c d\u0000e")).toBe("a-b-c-d-e");
    expect(slug("温江 基线")).toBe("温江-基线");
    expect(slug("x".repeat(300))).toMatch(/^x{89}-[0-9a-f]{10}$/);
    expect(defaultFolder(["../../../tmp/x", "b"], undefined, null, 1, 5)).toBe("results/tmp-x+b-s1-n5");
    expect(defaultFolder(["a"], undefined, "../../seeds.v2.txt", 1, 5)).toBe("results/a-seeds.v2-n5");
  });

  it("keeps a batch of a scenario named ../../../tmp/x inside results/", async () => {
    const cliPath = await buildCli();
    try {
      const dir = tempDir();
      const work = join(dir, "a", "b", "c");
      mkdirSync(work, { recursive: true });
      writeFileSync(join(work, "s.json"), JSON.stringify({ extends: join(ROOT, "scenarios", "example.json"), name: "../../../tmp/x", horizon: { endYear: 2018 }, targets: null }));
      const r = await runCli(cliPath, ["batch", "s.json", "--runs", "1", "--workers", "0", "--quiet"], { cwd: work });
      expect(r.code, r.stderr).toBe(0);
      expect(readdirSync(join(work, "results"))).toEqual(["tmp-x-s1-n1"]);
      expect(readdirSync(dir)).toEqual(["a"]);
      expect(readdirSync(join(dir, "a"))).toEqual(["b"]);
    } finally {
      disposeCli(cliPath);
    }
  }, 60_000);
});
