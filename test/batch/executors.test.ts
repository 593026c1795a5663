import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { cli, resultFiles, smallScenario, tempDir } from "./helpers.js";

describe("batch result files", () => {
  it("are byte-identical in-process, with one worker and with two", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const outs = ["0", "1", "2"].map((w) => join(dir, `w${w}`));
    for (const [i, w] of ["0", "1", "2"].entries()) {
      const r = await cli(["batch", scenario, "--runs", "24", "--seed", "7", "--workers", w, "--out", outs[i], "--quiet"]);
      expect(r.code, r.stderr).toBe(0);
    }
    const files = outs.map(resultFiles);
    expect(files[1]).toEqual(files[0]);
    expect(files[2]).toEqual(files[0]);
    const manifest = JSON.parse(readFileSync(join(outs[2], "manifest.json"), "utf8"));
    expect(manifest.workers).toBe(2);
    expect(manifest.scenarios[0].hash).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  it("re-running a finished batch continues it: nothing is run again and the files are unchanged", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const args = ["batch", scenario, "--runs", "6", "--workers", "1", "--out", out, "--quiet"];
    expect((await cli(args)).code).toBe(0);
    const first = resultFiles(out);
    const again = await cli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("nothing left to do: all 6 runs are already stored");
    expect(resultFiles(out)).toEqual(first);
  }, 60_000);

  it("N runs are a prefix of M > N runs", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    await cli(["batch", scenario, "--runs", "6", "--workers", "0", "--out", join(dir, "a"), "--quiet"]);
    await cli(["batch", scenario, "--runs", "10", "--workers", "0", "--out", join(dir, "b"), "--quiet"]);
    const a = readFileSync(join(dir, "a", "runs.csv"), "utf8").trim().split("\n");
    const b = readFileSync(join(dir, "b", "runs.csv"), "utf8").trim().split("\n");
    expect(b.slice(0, a.length)).toEqual(a);
  });

  it("writes tidy CSVs: ASCII headers, no BOM, no NaN, booleans 0/1", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    expect((await cli(["batch", scenario, "--runs", "5", "--workers", "0", "--out", out, "--quiet"])).code).toBe(0);
    const { "runs.csv": runs, "yearly.csv": yearly } = resultFiles(out);
    for (const text of [runs, yearly]) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.split("\n")[0]).toMatch(/^[\x20-\x7e]+$/);
      expect(text).not.toMatch(/NaN|Infinity/);
    }
    expect(runs.split("\n")[1].split(",")[3]).toBe("0");
    expect(yearly.split("\n")[0]).toBe("scenario,year,breakdown,label,metric,unit,mean,mean_low,mean_high,p5,p25,p50,p75,p95");
    expect(existsSync(join(out, "checkpoint.bin"))).toBe(true);
  });
});

describe("batch arguments are checked before any work", () => {
  it.each([
    [["--runs", "0"], "--runs"],
    [["--runs", "-3"], "--runs"],
    [["--runs", "5", "--workers", "many"], "--workers"],
    [[], "--runs is required"],
  ])("%j exits 2", async (extra, message) => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "never");
    const r = await cli(["batch", scenario, "--out", out, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it("an invalid scenario exits 2 naming the file", async () => {
    const dir = tempDir();
    const r = await cli(["batch", join(dir, "missing.json"), "--runs", "3", "--out", join(dir, "o")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing.json");
  });

  it("an output folder holding another batch exits 2", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    expect((await cli(["batch", scenario, "--runs", "3", "--workers", "0", "--out", out, "--quiet"])).code).toBe(0);
    const again = await cli(["batch", scenario, "--runs", "4", "--seed", "2", "--workers", "0", "--out", out, "--quiet"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already holds another batch");
    const resume = await cli(["batch", scenario, "--runs", "4", "--seed", "2", "--workers", "0", "--out", out, "--resume", "--quiet"]);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain("resume refused");
    expect(resume.stderr).toContain("seed list differs");
    const shrink = await cli(["batch", scenario, "--runs", "2", "--workers", "0", "--out", out, "--quiet"]);
    expect(shrink.code).toBe(2);
    expect(shrink.stderr).toContain("a batch can grow, not shrink");
  });
});
