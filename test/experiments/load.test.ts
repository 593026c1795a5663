/** Loading experiment files: every problem with its file, line and JSON path, checked against the scenario; factors and outcomes resolved. */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadExperiment } from "../../src/batch/experiment/node/load.js";
import { formatProblem, ScenarioError } from "../../src/scenario/errors.js";
import { ROOT, exampleScenario, tempDir, writeExperiment } from "./helpers.js";

/** The problems loadExperiment throws for a file, as printed lines (file name relative to dir). */
async function problems(dir: string, data: unknown, changes: { path: string; value: unknown }[] = []): Promise<string[]> {
  const file = writeExperiment(dir, "e.json", data);
  try {
    await loadExperiment(file, { changes });
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems.map((p) => formatProblem(p).replace(`${dir}/`, ""));
    throw err;
  }
  return [];
}

const base = {
  name: "t",
  scenario: "small.json",
  factors: [{ name: "teams", path: "$.attraction.promotionTeams", apply: "scale", levels: [0.5, 1] }],
  design: { method: "grid" },
  outcomes: [{ target: "anchors-signed" }],
};

describe("experiment file problems", () => {
  it("names the file, line and column and the JSON path of schema problems, with did-you-mean", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    const lines = await problems(dir, { ...base, replication: 2, design: { method: "morris", trajectories: 1 } });
    expect(lines).toEqual([
      expect.stringMatching(/^e\.json:\d+:\d+: \$\.design\.trajectories: expected a whole number >= 2 \(found 1\)$/),
      expect.stringMatching(/^e\.json:\d+:3: \$\.replication: unknown key "replication"; did you mean "replications"\?$/),
    ]);
  });

  it("reports a factor path that is not in the scenario, with the closest key", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    const lines = await problems(dir, { ...base, factors: [{ path: "$.attraction.promotionTeam", apply: "scale", range: [1, 2] }] });
    expect(lines).toEqual([expect.stringMatching(/^e\.json:\d+:\d+: \$\.factors\[0\]\.path: \$\.attraction\.promotionTeam is not in the scenario; did you mean \$\.attraction\.promotionTeams\?$/)]);
  });

  it("refuses set on a schedule, scale on a distribution, and distribution \"scenario\" on a fixed number", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    const lines = await problems(dir, {
      ...base,
      factors: [
        { path: "$.attraction.promotionTeams", range: [1, 2] },
        { path: "$.dynamics.agglomerationElasticity", apply: "scale", range: [1, 2] },
        { path: "$.choice.incentive", distribution: "scenario" },
      ],
    });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('$.factors[0].path: $.attraction.promotionTeams holds an object (a schedule?), not a number: "set" puts a number there');
    expect(lines[1]).toContain('$.factors[1].path: $.dynamics.agglomerationElasticity is a distribution: "scale" moves plain numbers only');
    expect(lines[2]).toContain('$.factors[2].path: $.choice.incentive holds the fixed number');
  });

  it("reports a factor range that makes the scenario invalid, at the factor, before any run", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    const lines = await problems(dir, { ...base, factors: [{ name: "infra", path: "$.factors.infrastructure", apply: "scale", range: [0.5, 2] }] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^e\.json:\d+:\d+: \$\.factors\[0\]: infra = 2 \(its highest value in the design\) makes the scenario invalid: \$\.factors\.infrastructure\.biopark\["2018"\]: expected a number >= 0 and <= 1/);
  });

  it("checks outcomes against the scenario: target, metric, label, year, headline", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    const lines = await problems(dir, {
      ...base,
      outcomes: [{ target: "anchor-signed" }, { metric: "output/parks", year: 2020 }, { metric: "output/park", label: "bio-park", year: 2020 }, { metric: "output/park", label: "biopark", year: 2030 }, { headline: "cost" }, { output: "y" }],
    });
    expect(lines.map((l) => l.replace(/^e\.json:\d+:\d+: /, ""))).toEqual([
      '$.outcomes[0].target: the scenario has no target "anchor-signed"; did you mean "anchors-signed"?',
      '$.outcomes[1].metric: no metric "output/parks"; did you mean "output/park"?',
      '$.outcomes[2].label: metric output/park has no label "bio-park"; did you mean "biopark"?',
      "$.outcomes[3].year: the scenario simulates 2018-2020; 2030 is outside",
      expect.stringMatching(/^\$\.outcomes\[4\]\.headline: no headline "cost"; the headlines: leads, /),
      "$.outcomes[5].output: \"output\" is a test function's value; a scenario has targets, metrics and headlines",
    ]);
  });

  it("reports a missing scenario file at $.scenario, and the scenario's own problems in its file", async () => {
    const dir = tempDir();
    expect(await problems(dir, base)).toEqual([expect.stringMatching(/^e\.json:\d+:\d+: \$\.scenario: scenario file .*small\.json not found$/)]);
    writeFileSync(join(dir, "small.json"), JSON.stringify({ extends: join(ROOT, "scenarios", "example.json"), name: "small", horizon: { endYear: 2019 } }));
    const lines = await problems(dir, base);
    expect(lines[0]).toMatch(/\$\.scenario: the scenario .*small\.json is invalid \(4 problems below\)$/);
    expect(lines[1]).toMatch(/example\.json:\d+:\d+: \$\.targets\["anchors-signed"\]\.year: must lie within the horizon/);
  });

  it("attributes a problem a --set change made to --set, and applies changes before checking", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    expect(await problems(dir, base, [{ path: "$.replications", value: 0 }])).toEqual(["--set: $.replications: expected a whole number >= 1 (found 0)"]);
    const ex = await loadExperiment(writeExperiment(dir, "e.json", base), { changes: [{ path: "$.design.levels", value: 3 }], seed: 9 });
    expect(ex.design.points).toEqual([[0.5], [1]]); // a levels factor keeps its own levels on a grid
    expect(ex.seed).toBe(9);
    expect(ex.set).toEqual([{ path: "$.design.levels", value: 3 }]);
  });

  it("checks an explicit design's CSV against the factors, naming the row", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    writeFileSync(join(dir, "points.csv"), "teams\n0.5\n3\n");
    const lines = await problems(dir, { ...base, design: { method: "explicit", file: "points.csv" } });
    expect(lines).toEqual([expect.stringMatching(/\$\.design\.file: .*points\.csv: row 2, teams: 3 is outside the factor's domain$/)]);
    writeFileSync(join(dir, "points.csv"), "teams\n0.5\n1\n0.5\n");
    const ex = await loadExperiment(writeExperiment(dir, "e.json", { ...base, design: { method: "explicit", file: "points.csv" } }));
    expect(ex.design.points).toEqual([[0.5], [1], [0.5]]);
  });

  it("refuses an outcome name taken twice and a test function's wrong inputs", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    expect(await problems(dir, { ...base, outcomes: [{ target: "anchors-signed" }, { target: "anchors-signed" }] })).toEqual([expect.stringContaining('$.outcomes[1]: the name "anchors-signed" is taken twice')]);
    const lines = await problems(dir, { name: "g", model: { testFunction: "sobol-g", a: [0, 1] }, factors: [{ name: "x2", range: [0, 1] }], design: { method: "lhs", n: 4 } });
    expect(lines.map((l) => l.replace(/^e\.json:\d+:\d+: /, ""))).toEqual(['$.factors: the test function has 2 inputs (x1, x2): list them all, in order, or leave "factors" out', '$.factors[0].name: expected the name "x1" (the test function\'s inputs in order)']);
  });
});

describe("resolved experiments", () => {
  it("expands uncertain parameters, taking a calibrated parameter's posterior marginal", async () => {
    const dir = tempDir();
    const calibrated = "$.dynamics.agglomerationElasticity";
    writeFileSync(join(dir, "posterior.json"), JSON.stringify({
      extends: join(ROOT, "scenarios", "example.json"),
      posterior: { parameters: [calibrated, "$.choice.districtConstant"], draws: [[0.2, 0.1], [0.1, -0.2], [0.15, 0]], historySeeds: [11, 12, 13], source: "test" },
    }));
    const ex = await loadExperiment(writeExperiment(dir, "e.json", { name: "u", scenario: "posterior.json", factors: [{ uncertain: "posterior", exclude: ["$.choice.districtConstant"] }], design: { method: "morris", trajectories: 2 }, outcomes: [{ headline: "districtOutputFinalYear" }] }));
    expect(ex.factors).toHaveLength(1);
    const f = ex.factors[0];
    expect(f.paths).toEqual([calibrated]);
    expect(f.name).toBe("dynamics.agglomerationElasticity");
    expect(f.source).toBe("posterior");
    expect(f.domain).toEqual({ name: f.name, distribution: { dist: "choice", values: [0.1, 0.15, 0.2] } });
    expect(ex.design.points).toHaveLength(2 * 2);
  });

  it("gives a test function its inputs and the output y by default", async () => {
    const ex = await loadExperiment(writeExperiment(tempDir(), "e.json", { name: "i", model: { testFunction: "ishigami" }, design: { method: "lhs", n: 8 } }));
    expect(ex.factors.map((f) => f.name)).toEqual(["x1", "x2", "x3"]);
    expect(ex.outcomes.map((o) => [o.name, o.value.source.kind, o.binary])).toEqual([["y", "output", false]]);
    expect(ex.replications).toBe(1);
  });
});

describe("limits", () => {
  it("refuses a design too large to hold before building it", async () => {
    const dir = tempDir();
    const ishigami = { name: "i", model: { testFunction: "ishigami" } };
    expect(await problems(dir, { ...ishigami, design: { method: "saltelli", n: 1e9 } })).toEqual([expect.stringMatching(/\$\.design: the design would hold 5,000,000,000 points x 3 factors, more than the 20,000,000 values/)]);
    expect(await problems(dir, { ...ishigami, design: { method: "lhs", n: 1e6 }, replications: 1000 })).toEqual([expect.stringMatching(/\$\.design: 1,000,000 points x 1,000 replications is more than 100,000,000 runs$/)]);
    expect(await problems(dir, { ...ishigami, design: { method: "morris", trajectories: 4, candidates: 1e6 } })).toEqual([expect.stringMatching(/\$\.design: at most 5,000 candidate trajectories/)]);
  });
});
