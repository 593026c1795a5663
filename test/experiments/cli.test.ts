/** `clustersim experiment`'s conventions (help, usage errors, exit codes, --json, progress on stderr), `validate` on experiment files, and `report` on an experiment folder. */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseExperimentFiles } from "../../src/batch/experiment/read.js";
import { ResultsFolderError } from "../../src/batch/files/read.js";
import { cli, exampleScenario, tempDir, writeExperiment } from "./helpers.js";

/** A small grid over two levers of the example scenario, with a target, a metric and the cost. */
function leverGrid(dir: string): string {
  exampleScenario(dir);
  return writeExperiment(dir, "grid.json", {
    name: "grid",
    scenario: "small.json",
    factors: [
      { name: "teams", path: "$.attraction.promotionTeams", apply: "scale", levels: [0.5, 1, 2] },
      { name: "land", path: "$.factors.landQuotaMu", apply: "scale", levels: [0.5, 1] },
    ],
    design: { method: "grid" },
    replications: 3,
    outcomes: [{ target: "anchors-signed" }, { name: "big", metric: "output/park", label: "biopark", year: 2020, atLeast: 122 }, { name: "cost", headline: "fiscalCostTotal" }],
    seed: 2,
  });
}

describe("clustersim experiment", () => {
  it("prints its usage with --help and exits 2 on a missing file argument", async () => {
    const help = await cli(["experiment", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: clustersim experiment <experiment\.json> \[--seed S\]/);
    const none = await cli(["experiment"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("expected an experiment file");
    const bad = await cli(["experiment", "x.json", "--workers", "two"]);
    expect(bad.code).toBe(2);
  });

  it("exits 2 with one line per problem (file:line:column: path: message) for a bad file, writing nothing", async () => {
    const dir = tempDir();
    exampleScenario(dir);
    const file = writeExperiment(dir, "bad.json", { name: "b", scenario: "small.json", factors: [{ path: "$.nope", range: [0, 1] }], design: { method: "grid" }, outcomes: [{ target: "clusters" }] });
    const out = join(dir, "o");
    const r = await cli(["experiment", file, "--out", out, "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^clustersim experiment: .*bad\.json:\d+:\d+: \$\.factors\[0\]\.path: \$\.nope is not in the scenario\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it("runs a lever grid: the summary on stdout, the folder's files, --json with the folder, the same files on a re-run", async () => {
    const dir = tempDir();
    const file = leverGrid(dir);
    const out = join(dir, "o");
    const r = await cli(["experiment", file, "--workers", "0", "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("grid · scenario small · grid design: 6 points x 3 replications = 18 runs (0 failed) · seed 2");
    expect(r.stdout).toContain("anchors-signed: probability over the point's runs that target anchors-signed met");
    expect(r.stderr).toBe(`results in ${out}\n`);
    for (const f of ["design.csv", "points.csv", "runs.csv", "noise.csv", "boxes.csv", "experiment.json", "datapackage.json", "manifest.json", "checkpoint.bin"]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(existsSync(join(out, "indices.csv"))).toBe(false); // a grid has no index estimator
    expect(readFileSync(join(out, "design.csv"), "utf8")).toBe("point,teams,land\n0,0.5,0.5\n1,0.5,1\n2,1,0.5\n3,1,1\n4,2,0.5\n5,2,1\n");
    const json = await cli(["experiment", file, "--workers", "0", "--out", out, "--quiet", "--json"]);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ out, kind: "clustersim-experiment", name: "grid", runs: 18, failed: 0 });
    expect(json.stderr).toContain("nothing left to run");
    const read = parseExperimentFiles({ where: out, read: (n) => (existsSync(join(out, n)) ? readFileSync(join(out, n), "utf8") : undefined) });
    expect(read.design).toHaveLength(6);
    expect(read.summary.outcomes.map((o) => o.name)).toEqual(["anchors-signed", "big", "cost"]);
    const pkg = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8"));
    expect(pkg.resources.map((x: { path: string }) => x.path)).toEqual(["design.csv", "points.csv", "runs.csv", "noise.csv", "boxes.csv", "experiment.json", "manifest.json"]);
    expect(pkg.clustersim).toMatchObject({ kind: "experiment", points: 6, replications: 3 });
  }, 60_000);

  it("exits 1 when runs fail, with the failures in runs.csv and experiment.json", async () => {
    const dir = tempDir();
    const file = writeExperiment(dir, "f.json", { name: "f", model: { testFunction: "sobol-g", a: [0, 1] }, design: { method: "lhs", n: 4 }, replications: 2 });
    const out = join(dir, "o");
    process.env.CLUSTERSIM_FAULT = "throw:0:3";
    try {
      const r = await cli(["experiment", file, "--workers", "0", "--out", out, "--quiet", "--json"]);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).failures).toEqual([expect.objectContaining({ run: 3, point: 1, replication: 1, message: "injected fault at run 3" })]);
    } finally {
      delete process.env.CLUSTERSIM_FAULT;
    }
    expect(readFileSync(join(out, "runs.csv"), "utf8").split("\n")[4]).toMatch(/^1,1,\d+,1,injected fault at run 3,$/);
  });
});

describe("clustersim validate on experiment files", () => {
  it("says ok with the design and runs, and reports an experiment's problems like a scenario's", async () => {
    const dir = tempDir();
    const good = leverGrid(dir);
    const bad = writeExperiment(dir, "bad.json", { name: "b", model: { testFunction: "ishigami" }, design: { method: "saltelli", n: 1 } });
    const r = await cli(["validate", good, bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`ok    ${good}  experiment: grid design, 6 points x 3 replications = 18 runs`);
    expect(r.stdout).toContain(`FAIL  ${bad}  1 problem`);
    expect(r.stderr).toMatch(/bad\.json:\d+:\d+: \$\.design\.n: expected a whole number >= 2/);
  });
});

describe("clustersim report on an experiment folder", () => {
  it("renders the grid's heat maps, main effects and PRIM box, self-contained", async () => {
    const dir = tempDir();
    const out = join(dir, "o");
    expect((await cli(["experiment", leverGrid(dir), "--workers", "0", "--out", out, "--quiet"])).code).toBe(0);
    const r = await cli(["report", out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("<title>clustersim experiment: grid</title>");
    for (const id of ["noise", "grid", "effects", "boxes"]) expect(html).toContain(`<h2 id="${id}">`);
    expect(html).not.toContain('<h2 id="indices">');
    expect(html).not.toMatch(/<script\b|<link\b|@import/i);
    expect(r.stderr).toMatch(/^report with (\d+) charts in /);
    const summary = JSON.parse(readFileSync(join(out, "experiment.json"), "utf8"));
    expect(summary.outcomes[1].prim.met).toBeGreaterThan(0); // "big" is met in some runs: it has a box
    const boxes = summary.outcomes.filter((o: { prim: unknown }) => o.prim !== null).length;
    expect(Number(/with (\d+) charts/.exec(r.stderr)![1])).toBe(3 + 3 + boxes); // 3 heat maps, 3 main-effect charts, a PRIM trajectory per box
  }, 60_000);

  it("renders Sobol' bars for a Saltelli design and Morris bars for a Morris design", async () => {
    for (const [method, design, label] of [["saltelli", { method: "saltelli", n: 64 }, "Sensitivity: Sobol' indices"], ["morris", { method: "morris", trajectories: 6 }, "Screening: Morris measures"]] as const) {
      const dir = tempDir();
      const out = join(dir, "o");
      const file = writeExperiment(dir, "i.json", { name: method, model: { testFunction: "ishigami" }, design, analysis: { resamples: 50 } });
      expect((await cli(["experiment", file, "--workers", "0", "--out", out, "--quiet"])).code).toBe(0);
      const r = await cli(["report", out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(out, "report.html"), "utf8")).toContain(`<h2 id="indices">${label}</h2>`);
    }
  }, 60_000);

  it("refuses an experiment folder with a damaged file, naming it", async () => {
    const dir = tempDir();
    const out = join(dir, "o");
    expect((await cli(["experiment", writeExperiment(dir, "i.json", { name: "i", model: { testFunction: "ishigami" }, design: { method: "lhs", n: 4 } }), "--workers", "0", "--out", out, "--quiet"])).code).toBe(0);
    const texts = (n: string) => (n === "points.csv" ? "point,completed\n" : existsSync(join(out, n)) ? readFileSync(join(out, n), "utf8") : undefined);
    expect(() => parseExperimentFiles({ where: out, read: texts })).toThrow(ResultsFolderError);
    expect(() => parseExperimentFiles({ where: out, read: texts })).toThrow(/points\.csv: line 1: expected the header point,completed,failed,y,y_low,y_high/);
  }, 60_000);
});
