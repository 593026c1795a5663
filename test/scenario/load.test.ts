import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadScenario } from "../../src/scenario/load.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { canonicalJson } from "../../src/scenario/canonical-json.js";
import { scenarioHash } from "../../src/scenario/hash.js";
import { ScenarioError } from "../../src/scenario/errors.js";
import { exampleData, problemAt, problemsOf, scenarioPath, tempDir, writeFixture } from "./fixtures.js";

describe("the example scenarios", () => {
  it("example.json validates, with its distributions kept as data", async () => {
    const loaded = await loadScenario(scenarioPath("example.json"));
    expect(loaded.files).toEqual([scenarioPath("example.json")]);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.scenario.horizon).toEqual({ startYear: 2018, endYear: 2020 });
    expect(Object.keys(loaded.scenario.competitors).length).toBeGreaterThanOrEqual(11);
    expect(loaded.scenario.industries.biopharma.marketTrend).toEqual({ dist: "normal", mean: 0.09, sd: 0.015, min: 0.03, max: 0.15 });
    expect(new Set(Object.values(loaded.scenario.targets).map((t) => t.kind))).toEqual(new Set(["attracted", "output", "cluster-order", "rank"]));
  });

  it("strips $schema, $comment (at any depth) and extends before validating and hashing", async () => {
    const loaded = await loadScenario(scenarioPath("example-overlay.json"));
    const text = JSON.stringify(loaded.raw);
    expect(text).not.toContain("$comment");
    expect(text).not.toContain("$schema");
    expect(loaded.raw).not.toHaveProperty("extends");
  });

  it("the overlay's resolved values reflect the patch", async () => {
    const base = await loadScenario(scenarioPath("example.json"));
    const over = await loadScenario(scenarioPath("example-overlay.json"));
    expect(over.files).toEqual([scenarioPath("example-overlay.json"), scenarioPath("example.json")]);
    expect(over.scenario.name).toBe("example-more-promotion");
    expect(over.scenario.attraction.promotionTeams).toEqual({ "2018": 6, "2019": 10 });
    expect(over.scenario.attraction.incentiveBudget).toEqual({ "2018": 3, "2019": 5 });
    // untouched sections come from the base
    expect(over.scenario.competitors).toEqual(base.scenario.competitors);
    expect(over.scenario.attraction.chainEffortScale).toEqual(base.scenario.attraction.chainEffortScale);
    expect(over.hash).not.toBe(base.hash);
  });

  it("a distribution in the patch replaces the base's whole (no leftover keys)", async () => {
    const over = await loadScenario(scenarioPath("example-overlay.json"));
    expect(exampleData().dynamics.agglomerationElasticity.dist).toBe("triangular");
    expect(over.scenario.dynamics.agglomerationElasticity).toEqual({ dist: "uniform", min: 0.2, max: 0.4 });
  });

  it("null in the patch deletes the key", async () => {
    const over = await loadScenario(scenarioPath("example-overlay.json"));
    expect(exampleData().factors.landQuotaMu.biopark).toHaveProperty("2020");
    expect(over.scenario.factors.landQuotaMu.biopark).toEqual({ "2018": 800 });
  });
});

describe("the scenario hash", () => {
  it("is the SHA-256 of the canonical JSON of the resolved scenario", async () => {
    const loaded = await loadScenario(scenarioPath("example.json"));
    expect(loaded.hash).toBe(scenarioHash(loaded.raw));
    expect(canonicalJson(loaded.raw)).not.toMatch(/\s"|":\s/);
  });

  it("is stable under key reordering and comments, and changes with a value", async () => {
    const dir = tempDir();
    const data = exampleData();
    const reversed = (o: unknown): unknown =>
      Array.isArray(o) ? o.map(reversed) : o && typeof o === "object" ? Object.fromEntries(Object.entries(o).reverse().map(([k, v]) => [k, reversed(v)])) : o;
    const a = await loadScenario(writeFixture(dir, "a.json", data));
    const shuffled = reversed(data) as Record<string, any>;
    shuffled.$comment = "a different comment";
    shuffled.costs.$comment = "another";
    const b = await loadScenario(writeFixture(dir, "b.json", shuffled));
    expect(Object.keys(shuffled)[0]).not.toBe(Object.keys(data)[0]);
    expect(b.hash).toBe(a.hash);
    data.costs.perTeamYear = 0.031;
    const c = await loadScenario(writeFixture(dir, "c.json", data));
    expect(c.hash).not.toBe(a.hash);
  });

  it("an overlay equal to its base's content hashes like the base", async () => {
    const dir = tempDir();
    const base = await loadScenario(writeFixture(dir, "base.json", exampleData()));
    const over = await loadScenario(writeFixture(dir, "over.json", { extends: "./base.json", $comment: "no change" }));
    expect(over.hash).toBe(base.hash);
  });
});

describe("extends", () => {
  it("follows chains of any depth, relative to each extending file", async () => {
    const dir = tempDir();
    writeFixture(dir, "base.json", exampleData());
    const mid = writeFixture(dir, "sub/mid.json", { extends: "../base.json", horizon: { endYear: 2022 }, attraction: { promotionTeams: { "2020": 8 } } });
    const leaf = writeFixture(dir, "sub/leaf.json", { extends: "./mid.json", name: "leaf", attraction: { promotionTeams: { "2021": 12 } } });
    const loaded = await loadScenario(leaf);
    expect(loaded.files).toEqual([leaf, mid, `${dir}/base.json`]);
    expect(loaded.scenario.horizon.endYear).toBe(2022);
    expect(loaded.scenario.attraction.promotionTeams).toEqual({ "2018": 6, "2020": 8, "2021": 12 });
    expect(loaded.scenario.name).toBe("leaf");
  });

  it("reports a cycle naming the files", async () => {
    const dir = tempDir();
    const a = writeFixture(dir, "a.json", { extends: "./b.json", name: "a" });
    writeFixture(dir, "b.json", { extends: "./a.json", name: "b" });
    const [p, ...rest] = await problemsOf(a);
    expect(rest).toEqual([]);
    expect(p.file).toBe(`${dir}/b.json`);
    expect(p.jsonPath).toBe("$.extends");
    expect(p.message).toBe(`extends cycle: ${dir}/a.json -> ${dir}/b.json -> ${dir}/a.json`);
  });

  it("reports a file that extends itself", async () => {
    const dir = tempDir();
    const a = writeFixture(dir, "a.json", { extends: "a.json" });
    const [p] = await problemsOf(a);
    expect(p.message).toMatch(/^extends cycle: .*a\.json -> .*a\.json$/);
  });

  it("reports a missing base file in the file that names it", async () => {
    const dir = tempDir();
    const over = writeFixture(dir, "over.json", { extends: "./nowhere/base.json", name: "x" });
    const [p, ...rest] = await problemsOf(over);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: over, jsonPath: "$.extends", line: 2, column: 3 });
    expect(p.message).toBe(`base file "${dir}/nowhere/base.json" not found`);
  });

  it("reports a missing leaf file", async () => {
    const missing = `${tempDir()}/missing.json`;
    const [p] = await problemsOf(missing);
    expect(p).toMatchObject({ file: missing, jsonPath: "$", message: "file not found" });
  });

  it("requires extends to be a string", async () => {
    const dir = tempDir();
    const file = writeFixture(dir, "x.json", { extends: 3 });
    const [p] = await problemsOf(file);
    expect(p).toMatchObject({ file, jsonPath: "$.extends" });
    expect(p.message).toContain("expected a relative path to the base file (found 3)");
  });

  it("names the overlay for an error the overlay makes, and the base for the base's errors", async () => {
    const dir = tempDir();
    const base = exampleData();
    base.industries["med-devices"].exitHazard = 1.5;
    const baseFile = writeFixture(dir, "base.json", base);
    const overFile = writeFixture(dir, "over.json", {
      extends: "./base.json",
      industries: { biopharma: { marketTrend: { dist: "uniform", min: 0.05, max: 1.5 } } },
      tiers: { anchor: { capacityMax: null } },
    });
    const problems = await problemsOf(overFile);
    expect(problems).toHaveLength(3);
    const trend = problemAt(problems, "$.industries.biopharma.marketTrend");
    expect(trend.file).toBe(overFile);
    expect(trend.message).toContain("must lie within the parameter's range (a number >= -0.5 and <= 1)");
    const deleted = problemAt(problems, "$.tiers.anchor.capacityMax");
    expect(deleted.file).toBe(overFile);
    expect(deleted.message).toContain('missing required key "capacityMax"');
    const hazard = problemAt(problems, '$.industries["med-devices"].exitHazard');
    expect(hazard.file).toBe(baseFile);
    expect(hazard.message).toBe("expected a number >= 0 and <= 1, or a distribution (found 1.5)");
    expect(hazard.line).toBeGreaterThan(1);
    // overlay problems come first (leaf first)
    expect(problems.map((p) => p.file)).toEqual([overFile, overFile, baseFile]);
  });
});

describe("problems inside a value that replaces the base's whole", () => {
  it("a distribution in an overlay missing a parameter is the overlay's problem, not the base's", async () => {
    const dir = tempDir();
    const baseFile = writeFixture(dir, "base.json", exampleData());
    const overFile = writeFixture(dir, "over.json", {
      extends: "./base.json",
      dynamics: { agglomerationElasticity: { dist: "triangular", min: 0.1 } },
      chain: { order: ["biopharma"] },
    });
    const problems = await problemsOf(overFile);
    for (const path of ["$.dynamics.agglomerationElasticity.mode", "$.dynamics.agglomerationElasticity.max"]) {
      const p = problemAt(problems, path);
      expect(p.file).toBe(overFile);
      expect(p.line).toBe(4);
    }
    expect(problems.every((p) => p.file === overFile), problems.map((p) => `${p.file}: ${p.jsonPath}`).join("\n")).toBe(true);
    expect(baseFile).not.toBe(overFile);
  });
});

describe("resolveScenario without a file system", () => {
  it("resolves from in-memory texts with the same result as loadScenario", async () => {
    const files: Record<string, string> = {
      "scenarios/example.json": readFileSync(scenarioPath("example.json"), "utf8"),
      "scenarios/example-overlay.json": readFileSync(scenarioPath("example-overlay.json"), "utf8"),
    };
    const mem = resolveScenario("scenarios/example-overlay.json", (f) => files[f]);
    const disk = await loadScenario(scenarioPath("example-overlay.json"));
    expect(mem.files).toEqual(["scenarios/example-overlay.json", "scenarios/example.json"]);
    expect(mem.hash).toBe(disk.hash);
    expect(mem.scenario).toEqual(disk.scenario);
  });

  it("throws a ScenarioError (an InputError) whose message has one line per problem", () => {
    let caught: unknown;
    try {
      resolveScenario("x.json", () => '{"name": 1, "horizon": 2}');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    const err = caught as ScenarioError;
    expect(err.message.split("\n")).toHaveLength(err.problems.length);
    expect(err.message).toContain("x.json:1:2: $.name: expected a string (found 1)");
  });
});
