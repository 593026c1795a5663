import { describe, expect, it } from "vitest";
import { mkdtempSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAbc } from "../../src/analysis/abc.js";
import { observe, type Observation } from "../../src/analysis/observations.js";
import { distributionPaths } from "../../src/model/draw.js";
import { runScenario } from "../../src/model/run.js";
import { yearlyMeans } from "../../src/model/yearly.js";
import { main } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/command.js";
import { loadScenario } from "../../src/scenario/load.js";
import { scenario, SCENARIOS } from "../model/fixtures.js";
import { deriveSeed } from "../../src/random/index.js";

const level: Observation = { label: "output", metric: "output/park", of: "", year: 2019, min: 0, max: 1e9 };

describe("observations", () => {
  it("reads a yearly level and its growth from a run", async () => {
    const sc = await scenario("example.json");
    const park = Object.keys(sc.parks).sort()[0];
    const r = runScenario(sc, 3);
    const y = yearlyMeans(r, "output/park");
    const row = y.values[y.labels.indexOf(park)];
    expect(observe(r, { ...level, of: park })).toBeCloseTo(row[1], 12);
    expect(observe(r, { ...level, of: park, measure: "growth" })).toBeCloseTo(row[1] / row[0] - 1, 12);
  });
});

describe("rejection ABC", () => {
  it("accepts every draw for an observation that always holds and none for one that never does", async () => {
    const sc = await scenario("example.json");
    const park = Object.keys(sc.parks).sort()[0];
    const params = distributionPaths(sc);
    const all = runAbc(sc, [{ ...level, of: park }], params, 20, 1);
    expect(all.accepted).toBe(20);
    expect(all.posteriorRows).toEqual(all.priorRows);
    const none = runAbc(sc, [{ ...level, of: park, min: 1e12 }], params, 20, 1);
    expect(none.accepted).toBe(0);
  });

  it("keeps exactly the draws whose runs fall within the observation, in run order", async () => {
    const sc = await scenario("example.json");
    const park = Object.keys(sc.parks).sort()[0];
    const params = distributionPaths(sc);
    const levels = Array.from({ length: 30 }, (_, i) => observe(runScenario(sc, deriveSeed(9, i)), { ...level, of: park }));
    const median = [...levels].sort((a, b) => a - b)[15];
    const result = runAbc(sc, [{ ...level, of: park, min: median }], params, 30, 9);
    const expected = result.priorRows.filter((_, i) => levels[i] >= median);
    expect(result.accepted).toBe(expected.length);
    expect(result.accepted).toBeGreaterThan(0);
    expect(result.accepted).toBeLessThan(30);
    expect(result.posteriorRows).toEqual(expected);
  });
});

describe("clustersim calibrate", () => {
  it("writes a posterior scenario that validates and whose runs use accepted rows", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clustersim-calibrate-"));
    for (const f of ["example.json", "scenario.schema.json"]) copyFileSync(join(SCENARIOS, f), join(dir, f));
    const base = JSON.parse(readFileSync(join(SCENARIOS, "example.json"), "utf8"));
    const park = Object.keys(base.parks).sort()[0];
    writeFileSync(join(dir, "calib.json"), JSON.stringify({
      extends: "./example.json",
      name: "calib",
      calibration: { observations: { any: { label: "output", metric: "output/park", of: park, year: base.horizon.startYear, min: 0, source: "test" } } },
    }));
    const out = { stdout: "", stderr: "" };
    const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color: false, stderrIsTTY: false };
    const posteriorFile = join(dir, "posterior.json");
    expect(await main(["calibrate", join(dir, "calib.json"), "--draws", "12", "--out", posteriorFile], io)).toBe(0);
    expect(out.stdout).toContain("Accepted 12 of 12");
    const loaded = await loadScenario(posteriorFile);
    const post = loaded.scenario.posterior!;
    expect(post.draws).toHaveLength(12);
    const r = runScenario(loaded.scenario, 5);
    const row = r.drawn.find((d) => d.path === "$.posterior.row")!.value;
    post.parameters.forEach((path, c) => expect(r.drawn.find((d) => d.path === path)!.value).toBe(post.draws[row][c]));
  });
});
