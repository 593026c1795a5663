import { describe, expect, it } from "vitest";
import { mkdtempSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { posteriorPredictive, runAbc } from "../../src/analysis/abc.js";
import { observe, poissonProbability, runHistory, type RangeObservation } from "../../src/analysis/observations.js";
import { runScenario } from "../../src/model/run.js";
import { yearlyMeans } from "../../src/model/yearly.js";
import { main } from "../../src/cli/main.js";
import type { CliIO } from "../../src/cli/command.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { clone, scenario, SCENARIOS, stepped } from "../model/fixtures.js";
import { deriveSeed } from "../../src/random/index.js";

const level: RangeObservation = { kind: "range", label: "output", metric: "output/park", of: "", year: 2019, min: 0, max: 1e9 };

/** The example with a calibration section observing one park's 2019 output. */
async function calibrated(min = 0): Promise<Scenario> {
  const sc = clone(await scenario("example.json"));
  const park = Object.keys(sc.parks).sort()[0];
  sc.calibration = { until: "2019Q4", replicates: 2, exclude: [], observations: { out: { kind: "range", label: "output", metric: "output/park", of: park, year: 2019, min, source: "test" } } };
  return sc;
}

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

  it("scores a count by its Poisson probability", () => {
    expect(poissonProbability(2, 2)).toBeCloseTo(2 * Math.exp(-2), 14);
    expect(poissonProbability(0, 0)).toBe(1);
    expect(poissonProbability(2, 0)).toBe(0);
  });

  it("runs only the history up to the calibration's last quarter, with the given values and history seed", async () => {
    const cal = await scenario("calibration-2016.json");
    const values = new Map([["$.dynamics.accelerator", 1.2]]);
    const a = runHistory(cal, values, 99);
    expect(runHistory(cal, values, 99)).toEqual(a);
    expect(a.map((s) => s.id)).toEqual(Object.keys(cal.calibration!.observations).sort());
    const level2017 = a.find((s) => s.id === "sanyi-level-2017")!;
    const full = stepped(cal, 0, 8, { fixed: { values, historySeed: 99 } });
    const mc = full.p.parks.index.get("medical-city")!;
    const series = full.series.find((m) => m.name === "output" && m.by === "park")!;
    let sum = 0;
    for (let q = 4; q < 8; q++) sum += series.values[q * series.labels.length + mc];
    expect(level2017.value).toBeCloseTo(sum / 4, 9);
    expect(a.find((s) => s.id === "anchors-2016-2018")!.value).toBeGreaterThan(0);
  });
});

describe("rejection ABC over history replicates", () => {
  it("accepts every replicate for an observation that always holds and none for one that never does", async () => {
    const all = runAbc(await calibrated(0), ["$.dynamics.agglomerationElasticity"], 6, 1, 2);
    expect(all.accepted).toBe(12);
    expect(all.historySeeds).toHaveLength(12);
    const none = runAbc(await calibrated(1e12), ["$.dynamics.agglomerationElasticity"], 6, 1, 2);
    expect(none.accepted).toBe(0);
  });

  it("keeps exactly the replicates whose histories fall within the observation, with their history seeds", async () => {
    const sc = await calibrated(0);
    const param = "$.dynamics.agglomerationElasticity";
    const draws = 8;
    const stats: { value: number; seed: number }[] = [];
    const rows: number[] = [];
    for (let i = 0; i < draws; i++) {
      const drawSeed = deriveSeed(9, i);
      const r = runScenario(sc, drawSeed);
      const v = r.drawn.find((d) => d.path === param)!.value;
      rows.push(v);
      for (let k = 0; k < 2; k++) stats.push({ value: runHistory(sc, new Map([[param, v]]), deriveSeed(drawSeed, k))[0].value, seed: deriveSeed(drawSeed, k) });
    }
    const median = [...stats].map((s) => s.value).sort((a, b) => a - b)[8];
    const result = runAbc(await calibrated(median), [param], draws, 9, 2);
    const expected = stats.filter((s) => s.value >= median);
    expect(result.accepted).toBe(expected.length);
    expect(result.historySeeds).toEqual(expected.map((s) => s.seed));
    expect(result.accepted).toBeGreaterThan(0);
    expect(result.accepted).toBeLessThan(16);
  });
});

describe("posterior predictive coverage", () => {
  it("is the share of fresh-seed replicates of accepted rows that reproduce each observation", async () => {
    const sc = await calibrated(0);
    const result = runAbc(sc, ["$.dynamics.agglomerationElasticity"], 3, 4, 1);
    expect(posteriorPredictive(sc, result, 5, 4)).toEqual([{ observation: "out", coverage: 1 }]);
    const strict = await calibrated(0);
    const out = strict.calibration!.observations.out;
    if (out.kind === "range") out.min = 1e12;
    expect(posteriorPredictive(strict, result, 5, 4)).toEqual([{ observation: "out", coverage: 0 }]);
  });
});

describe("clustersim calibrate", () => {
  it("writes a posterior scenario that validates, whose runs use accepted rows and replay their history seeds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clustersim-calibrate-"));
    for (const f of ["example.json", "scenario.schema.json"]) copyFileSync(join(SCENARIOS, f), join(dir, f));
    const base = JSON.parse(readFileSync(join(SCENARIOS, "example.json"), "utf8"));
    const park = Object.keys(base.parks).sort()[0];
    writeFileSync(join(dir, "calib.json"), JSON.stringify({
      extends: "./example.json",
      name: "calib",
      calibration: { until: "2018Q4", replicates: 2, parameters: ["$.dynamics.agglomerationElasticity"], observations: { any: { kind: "range", label: "output", metric: "output/park", of: park, year: 2018, min: 0, source: "test" } } },
    }));
    const out = { stdout: "", stderr: "" };
    const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color: false, stderrIsTTY: false };
    const posteriorFile = join(dir, "posterior.json");
    expect(await main(["calibrate", join(dir, "calib.json"), "--draws", "6", "--out", posteriorFile], io)).toBe(0);
    expect(out.stdout).toContain("Accepted 12 of 12");
    const loaded = await loadScenario(posteriorFile);
    const post = loaded.scenario.posterior!;
    expect(post.draws).toHaveLength(12);
    expect(post.historySeeds).toHaveLength(12);
    const r = runScenario(loaded.scenario, 5);
    const row = r.drawn.find((d) => d.path === "$.posterior.row")!.value;
    expect(r.historySeed).toBe(post.historySeeds[row]);
    post.parameters.forEach((path, c) => expect(r.drawn.find((d) => d.path === path)!.value).toBe(post.draws[row][c]));
  });
});
