/**
 * Growing a batch, explicit seed lists and per-run series: more runs on a finished folder extend
 * it to exactly a fresh batch's files; --seeds runs the listed seeds; series.csv.gz holds every
 * run's yearly values in run order and agrees with runs.csv and yearly.csv.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseCsv } from "../../src/batch/files/read.js";
import { cli, smallScenario, tempDir } from "./helpers.js";

/** Every deterministic file of a result folder (series decompressed too). */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ["summary.json", "runs.csv", "yearly.csv", "datapackage.json", "series.csv.gz"]) out[f] = readFileSync(join(dir, f)).toString("base64");
  out["series.csv"] = gunzipSync(readFileSync(join(dir, "series.csv.gz"))).toString("utf8");
  return out;
}

describe("growing a batch", () => {
  it("more runs on a finished folder run only the new ones and give a fresh batch's files byte for byte", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const args = (runs: number, out: string) => ["batch", scenario, "--runs", String(runs), "--seed", "9", "--workers", "0", "--series", "--out", join(dir, out), "--quiet"];
    expect((await cli(args(5, "grown"))).code).toBe(0);
    const grow = await cli(args(11, "grown"));
    expect(grow.code, grow.stderr).toBe(0);
    expect(grow.stderr).toContain("5 runs already stored, 6 to run");
    expect((await cli(args(11, "fresh"))).code).toBe(0);
    expect(files(join(dir, "grown"))).toEqual(files(join(dir, "fresh")));
    const manifest = JSON.parse(readFileSync(join(dir, "grown", "manifest.json"), "utf8"));
    expect(manifest.runs).toBe(11);
  }, 120_000);
});

describe("--seeds FILE", () => {
  it("runs the listed seeds in order; a longer list with the same start extends the batch", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const list = join(dir, "seeds.txt");
    writeFileSync(list, "# five seeds\n17\n4000000000\n3\n\n99 # a comment\n5\n");
    const out = join(dir, "o");
    const r = await cli(["batch", scenario, "--seeds", list, "--runs", "4", "--workers", "0", "--out", out, "--quiet", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const runs = parseCsv(readFileSync(join(out, "runs.csv"), "utf8"));
    expect(runs.slice(1).map((row) => row[2])).toEqual(["17", "4000000000", "3", "99"]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.seeds).toEqual({ kind: "list", file: list, count: 5 });
    expect(manifest.baseSeed).toBeNull();
    const all = await cli(["batch", scenario, "--seeds", list, "--workers", "0", "--out", out, "--quiet"]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toContain("4 runs already stored, 1 to run");
    writeFileSync(list, "17\n4000000001\n");
    const other = await cli(["batch", scenario, "--seeds", list, "--workers", "0", "--out", out, "--quiet"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("its run 1 has seed 4000000000, the seed list gives 4000000001");
  }, 60_000);

  it("refuses a bad list, too few seeds, and --seed with --seeds", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const list = join(dir, "seeds.txt");
    writeFileSync(list, "1\n2\nx3\n");
    const bad = await cli(["batch", scenario, "--seeds", list, "--out", join(dir, "a")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${list}:3: expected a whole number`);
    writeFileSync(list, "[1, 2]");
    const few = await cli(["batch", scenario, "--seeds", list, "--runs", "3", "--out", join(dir, "b")]);
    expect(few.code).toBe(2);
    expect(few.stderr).toContain("2 seeds, fewer than the 3 runs");
    const both = await cli(["batch", scenario, "--seeds", list, "--seed", "2", "--out", join(dir, "c")]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--seed or --seeds");
  });
});

describe("series.csv.gz", () => {
  it("has one row per run, year and yearly value in run order, agreeing with runs.csv's seeds and yearly.csv's means", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    expect((await cli(["batch", scenario, "--runs", "3", "--seed", "2", "--workers", "0", "--series", "--out", out, "--quiet"])).code).toBe(0);
    const [header, ...rows] = parseCsv(gunzipSync(readFileSync(join(out, "series.csv.gz"))).toString("utf8"));
    expect(header).toEqual(["scenario", "run", "seed", "year", "breakdown", "label", "metric", "value"]);
    const runs = parseCsv(readFileSync(join(out, "runs.csv"), "utf8")).slice(1);
    const [, ...yearly] = parseCsv(readFileSync(join(out, "yearly.csv"), "utf8"));
    expect(rows.length).toBe(3 * yearly.length);
    expect([...new Set(rows.map((r) => `${r[1]}:${r[2]}`))]).toEqual(runs.map((r) => `${r[1]}:${r[2]}`));
    for (const y of yearly.slice(0, 20)) {
      const values = rows.filter((r) => r[3] === y[1] && r[4] === y[2] && r[5] === y[3] && r[6] === y[4]).map((r) => Number(r[7]));
      expect(values).toHaveLength(3);
      expect((values[0] + values[1] + values[2]) / 3).toBeCloseTo(Number(y[6]), 9);
    }
  });
});
