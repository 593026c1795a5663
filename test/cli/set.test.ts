/** `--set '$.json.path=value'` on run, batch and compare: validated like a file, recorded in the scenario hash and manifest.json. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyChanges, parseChange } from "../../src/scenario/changes.js";
import { InputError } from "../../src/scenario/input-error.js";
import { cli, smallScenario, tempDir } from "../batch/helpers.js";

const example = fileURLToPath(new URL("../../scenarios/example.json", import.meta.url));

describe("--set", () => {
  it("parses a path and a JSON value, and says how to write a bad one", () => {
    expect(parseChange('$.industries["health-management"].marketTrend=0.1')).toEqual({ path: '$.industries["health-management"].marketTrend', value: 0.1 });
    expect(parseChange('$.x["a=b"]={"k":[1]}')).toEqual({ path: '$.x["a=b"]', value: { k: [1] } });
    expect(() => parseChange("$.name=baseline")).toThrow(/not JSON.*--set '\$\.name="baseline"'/);
    expect(() => parseChange("$.industries.health-management.marketTrend=1")).toThrow(/write \$\.industries\["health-management"\]\.marketTrend/);
    expect(() => parseChange("dynamics")).toThrow(InputError);
  });

  it("puts values at paths (objects made where missing, null removes a key), leaving the input unchanged", () => {
    const raw = { a: { b: 1, c: [1, 2] }, d: 2 };
    const out = applyChanges(raw, [parseChange("$.a.c[1]=5"), parseChange("$.e.f=true"), parseChange("$.d=null")]);
    expect(out).toEqual({ a: { b: 1, c: [1, 5] }, e: { f: true } });
    expect(raw).toEqual({ a: { b: 1, c: [1, 2] }, d: 2 });
    expect(() => applyChanges(raw, [parseChange("$.a.b[0]=1")])).toThrow(/no array/);
  });

  it("run: changes the scenario and its hash; a change the schema refuses exits 2 naming --set and the path", async () => {
    const plain = JSON.parse((await cli(["run", example, "--json"])).stdout);
    const r = await cli(["run", example, "--json", "--set", "$.dynamics.agglomerationElasticity=0.05", "--set", '$.name="renamed"']);
    expect(r.code, r.stderr).toBe(0);
    const changed = JSON.parse(r.stdout);
    expect(changed.scenario).toBe("renamed");
    expect(changed.scenarioHash).not.toBe(plain.scenarioHash);
    expect(changed.set).toEqual([{ path: "$.dynamics.agglomerationElasticity", value: 0.05 }, { path: "$.name", value: "renamed" }]);
    const bad = await cli(["run", example, "--set", "$.dynamics.agglomerationElasticity=-1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--set: $.dynamics.agglomerationElasticity:");
    const typo = await cli(["run", example, "--set", "$.dynamics.agglomerationElastcity=0.1"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("agglomerationElastcity");
  });

  it("batch: records the change in manifest.json and datapackage.json; the same command again continues the batch", async () => {
    const dir = tempDir();
    const scenario = smallScenario(dir);
    const out = join(dir, "o");
    const args = ["batch", scenario, "--runs", "3", "--workers", "0", "--out", out, "--quiet", "--set", "$.dynamics.chainGrowthPremium=0.01"];
    expect((await cli(args)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.scenarios[0].set).toEqual([{ path: "$.dynamics.chainGrowthPremium", value: 0.01 }]);
    const pkg = JSON.parse(readFileSync(join(out, "datapackage.json"), "utf8"));
    expect(pkg.clustersim.scenarios[0].set).toEqual(manifest.scenarios[0].set);
    expect((await cli(args)).stderr).toContain("nothing left to do");
    const without = await cli(["batch", scenario, "--runs", "3", "--workers", "0", "--out", out, "--quiet"]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("hashes) differ");
  });
});
