/**
 * A results folder is trusted only whole: `report` refuses a folder whose files do not match
 * manifest.json (edited, cut, missing, or listed outside the folder), naming the file; a new
 * batch removes an earlier batch's results before its first run, so a stopped batch leaves no
 * stale results to report; and the report depends on the folder alone (its stored scenarios),
 * not on the current folder or on the scenario files still being there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { buildCli, crashLines, disposeCli, runCli } from "../cli/child-cli.js";
import { cli, cliSpawn, ROOT, smallScenario, tempDir } from "./helpers.js";

let bundle: string;
beforeAll(async () => {
  bundle = await buildCli();
}, 120_000);
afterAll(() => disposeCli(bundle));

/** A finished 4-run batch folder of a small scenario. */
async function finished(): Promise<{ dir: string; out: string; scenario: string }> {
  const dir = tempDir();
  const scenario = smallScenario(dir);
  const out = join(dir, "o");
  const r = await cli(["batch", scenario, "--runs", "4", "--workers", "0", "--out", out, "--quiet"]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, out, scenario };
}

describe("report refuses a folder that does not match its manifest", () => {
  it.each([
    ["runs.csv", "a run marked failed", (t: string) => t.replace(",0,", ",1,")],
    ["runs.csv", "a row removed", (t: string) => t.split("\n").slice(0, -2).join("\n") + "\n"],
    ["yearly.csv", "cut mid-row", (t: string) => t.slice(0, Math.floor(t.length / 2))],
    ["summary.json", "an edited probability, resaved", (t: string) => t.replace('"completed": 4', '"completed": 3')],
    ["datapackage.json", "emptied", () => ""],
  ])("%s with %s: exit 2 naming the file", async (file, _, edit) => {
    const { out } = await finished();
    writeFileSync(join(out, file), edit(readFileSync(join(out, file), "utf8")));
    const r = await cli(["report", out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${file} does not match manifest.json`);
    expect(existsSync(join(out, "report.html"))).toBe(false);
  });

  it("a missing manifest (a batch that did not finish), a listed file missing, a path outside the folder", async () => {
    const { out } = await finished();
    const manifest = readFileSync(join(out, "manifest.json"), "utf8");
    rmSync(join(out, "runs.csv"));
    let r = await cli(["report", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("runs.csv is missing, but manifest.json lists it");
    const outside = JSON.parse(manifest);
    outside.files[0].path = "../../etc/passwd";
    writeFileSync(join(out, "manifest.json"), JSON.stringify(outside));
    r = await cli(["report", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lists "../../etc/passwd", which is not a file of a results folder');
    rmSync(join(out, "manifest.json"));
    r = await cli(["report", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("manifest.json is missing");
  });

  it("an intact folder is read", async () => {
    const { out } = await finished();
    const r = await cli(["report", out]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(["runs.csv", "yearly.csv", "summary.json", "scenarios/small.json", "datapackage.json"]);
  });
});

describe("stale results", () => {
  it("a new batch in a folder of another batch's results removes them before its first run", async () => {
    const { dir, out, scenario } = await finished();
    rmSync(join(out, CHECKPOINT_FILE));
    // another seed, killed once it has stored a run: the old seed's results must be gone
    const child = cliSpawn(["batch", scenario, "--runs", "400", "--seed", "99", "--workers", "0", "--out", out, "--quiet"]);
    let running = true;
    const exited = new Promise((resolve) => child.once("exit", () => resolve((running = false))));
    while (running && inspectCheckpoint(join(out, CHECKPOINT_FILE)).runs < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill("SIGKILL");
    await exited;
    for (const f of ["manifest.json", "summary.json", "runs.csv", "yearly.csv", "datapackage.json"]) expect(existsSync(join(out, f)), f).toBe(false);
    const r = await cli(["report", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("manifest.json is missing");
    expect(dir).toBeTruthy();
  }, 60_000);
});

describe("a self-contained folder", () => {
  it("gives the same report from any current folder, also once the scenario files are gone", async () => {
    const dir = tempDir();
    const work = join(dir, "work");
    mkdirSync(join(work, "deeper"), { recursive: true });
    writeFileSync(join(work, "s.json"), JSON.stringify({ extends: join(ROOT, "scenarios", "example.json"), name: "s", horizon: { endYear: 2019 }, targets: null }));
    const made = await runCli(bundle, ["batch", "s.json", "--runs", "3", "--workers", "0", "--out", "out", "--quiet"], { cwd: work });
    expect(made.code, made.stderr).toBe(0);
    const report = async (cwd: string, folder: string, name: string) => {
      const r = await runCli(bundle, ["report", folder, "-o", join(dir, name)], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(crashLines(r.stderr)).toEqual([]);
      return readFileSync(join(dir, name), "utf8");
    };
    const here = await report(work, "out", "a.html");
    const elsewhere = await report(join(work, "deeper"), "../out", "b.html");
    rmSync(join(work, "s.json"));
    const gone = await report(dir, join(work, "out"), "c.html");
    expect(here).toContain("医学城（示例）");
    expect(elsewhere).toBe(here);
    expect(gone).toBe(here);
  }, 60_000);
});
