/**
 * `clustersim calibrate` (ABC-SMC on model v2): refused arguments, a small real calibration that
 * writes a posterior whose rows replay their histories, the same JSON with 0 and 2 workers, and
 * the refusals to write (not at the observations' own intervals, over 8 MiB).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compactJson } from "../../src/cli/calibrate.js";
import { EXIT } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { runHistory } from "../../src/model/history.js";
import { runScenario } from "../../src/model/run.js";
import { yearlyMeans } from "../../src/model/yearly.js";
import { loadScenario } from "../../src/scenario/load.js";
import { SMALL, fakeIO, fixture } from "./calibrate-fixture.js";

describe("clustersim calibrate: refused arguments", () => {
  it("refuses fewer than 5 replicates, from --replicates or from the scenario (exit 2)", async () => {
    const { calib } = fixture();
    const a = fakeIO();
    expect(await main(["calibrate", calib, "--replicates", "4"], a.io)).toBe(EXIT.usage);
    expect(a.out.stderr).toContain("--replicates must be at least 5");
    const few = fixture(3);
    const b = fakeIO();
    expect(await main(["calibrate", few.calib], b.io)).toBe(EXIT.usage);
    expect(b.out.stderr).toContain("$.calibration.replicates: at least 5");
  });

  it("refuses an --out that is the calibration scenario or one of its bases, before running (exit 2)", async () => {
    const { calib, base } = fixture();
    const before = readFileSync(base, "utf8");
    for (const [out, words] of [[calib, "the input scenario"], [base, "a base file the input extends"]]) {
      const { io, out: o } = fakeIO();
      expect(await main(["calibrate", calib, "--out", out, ...SMALL], io)).toBe(EXIT.usage);
      expect(o.stderr).toContain(words);
      expect(o.stdout).toBe("");
    }
    expect(readFileSync(base, "utf8")).toBe(before);
  });

  it("refuses a seed beyond 32 bits and --json with --markdown (exit 2)", async () => {
    const { calib } = fixture();
    for (const extra of [["--seed", "4294967296"], ["--json", "--markdown"]]) {
      const { io } = fakeIO();
      expect(await main(["calibrate", calib, ...extra], io)).toBe(EXIT.usage);
    }
  });
});

describe("clustersim calibrate: a small calibration", () => {
  it("writes a posterior scenario whose rows are accepted replicates that a run replays", async () => {
    const { dir, calib } = fixture();
    const file = join(dir, "posterior.json");
    const { io, out } = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--workers", "0", "--rows", "12", "--out", file], io)).toBe(EXIT.ok);
    expect(out.stdout).toContain("reached the observations' own intervals");
    const loaded = await loadScenario(file);
    const post = loaded.scenario.posterior!;
    expect(loaded.scenario.calibration).toBeUndefined();
    expect(post.parameters).toEqual(["$.choice.districtConstant", "$.dynamics.startupsPerTenThousandWorkers"]);
    expect(post.draws).toHaveLength(12);
    expect(post.historySeeds).toHaveLength(12);
    expect(post.source).toContain("--particles 4 --replicates 5 --seed 2017");
    const cal = (await loadScenario(calib)).scenario;
    for (let r = 0; r < 12; r++) {
      const values = new Map(post.parameters.map((p, c) => [p, post.draws[r][c]]));
      const firms = runHistory(cal, values, post.historySeeds[r]).find((s) => s.id === "firms")!;
      expect(firms.value).toBeGreaterThanOrEqual(270);
    }
    const run = runScenario(loaded.scenario, 77);
    const row = run.drawn.find((d) => d.path === "$.posterior.row")!.value;
    expect(run.historySeed).toBe(post.historySeeds[row]);
    const values = new Map(post.parameters.map((p, c) => [p, post.draws[row][c]]));
    const level = runHistory(cal, values, post.historySeeds[row]).find((s) => s.id === "level")!.value;
    const y = yearlyMeans(run, "output/park");
    expect(y.values[y.labels.indexOf("medical-city")][2017 - run.startYear]).toBe(level);
  }, 300_000);

  it("prints the same JSON with 0 and 2 workers: acceptance per generation, ESS, prior vs posterior, predictive coverage", async () => {
    const { calib } = fixture();
    const a = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--workers", "0", "--json"], a.io)).toBe(EXIT.ok);
    const b = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--workers", "2", "--json"], b.io)).toBe(EXIT.ok);
    expect(b.out.stdout).toBe(a.out.stdout);
    const doc = JSON.parse(a.out.stdout);
    expect(doc.stopReason).toBe("done");
    expect(doc.generations.length).toBeGreaterThanOrEqual(2);
    for (const g of doc.generations) expect(g.acceptanceRate).toBeCloseTo(g.particles / g.proposals, 12);
    expect(doc.ess).toBeGreaterThan(0);
    expect(doc.ess).toBeLessThanOrEqual(4 + 1e-9);
    expect(doc.parameters.map((p: { path: string }) => p.path)).toEqual(["$.choice.districtConstant", "$.dynamics.startupsPerTenThousandWorkers"]);
    for (const p of doc.parameters) for (const k of ["mean", "p5", "p95"]) expect(Number.isFinite(p.prior[k]) && Number.isFinite(p.posterior[k])).toBe(true);
    expect(doc.posteriorPredictive.map((c: { observation: string }) => c.observation)).toEqual(["anchors", "firms", "level"]);
    for (const c of doc.posteriorPredictive) expect(c.coverage).toBeGreaterThanOrEqual(0);
    expect(doc.posteriorPredictive.find((c: { observation: string }) => c.observation === "level").coverage).toBe(1);
  }, 300_000);

  it("writes nothing when the sequence stops before the observations' own intervals (exit 1) or the file would pass 8 MiB (exit 2)", async () => {
    const { dir, calib } = fixture();
    const file = join(dir, "posterior.json");
    const a = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--workers", "0", "--generations", "1", "--out", file], a.io)).toBe(EXIT.failure);
    expect(a.out.stderr).toContain("nothing written");
    const b = fakeIO();
    expect(await main(["calibrate", calib, ...SMALL, "--workers", "0", "--rows", "200000", "--out", file], b.io)).toBe(EXIT.usage);
    expect(b.out.stderr).toMatch(/over the 8 MiB a scenario file may have; nothing written/);
    expect(existsSync(file)).toBe(false);
  }, 300_000);
});

describe("compactJson", () => {
  it("puts each array of numbers on one line and leaves strings alone", () => {
    const value = { draws: [[1, -2.5e-7], [3, 4]], seeds: [5, 6], note: "a [1,\\n2] b", empty: [] };
    const text = compactJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toContain("[1, -2.5e-7],\n");
    expect(text).toContain('"seeds": [5, 6]');
  });
});
