import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, ROOT, tempDir } from "../batch/helpers.js";

/** A baseline (the example) and overlays of it, in a temp folder. */
function scenarios(dir: string) {
  const example = join(ROOT, "scenarios", "example.json");
  const write = (name: string, patch: object) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ extends: example, name, ...patch }));
    return file;
  };
  return {
    base: write("base", {}),
    same: write("same", {}),
    promotion: write("more-teams", { attraction: { promotionTeams: { "2018": 40 } } }),
  };
}

describe("clustersim compare", () => {
  it("gives exactly zero difference for a scenario compared with itself", async () => {
    const dir = tempDir();
    const s = scenarios(dir);
    const out = join(dir, "o");
    const r = await cli(["compare", s.base, s.same, "--runs", "20", "--workers", "0", "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8"));
    const alt = c.alternatives[0];
    expect(alt.pairedRuns).toBe(20);
    for (const y of alt.yearly) expect([y.difference, y.low, y.high]).toEqual([0, 0, 0]);
    for (const t of alt.targets) expect(t.difference).toBe(0);
    expect(alt.fiscalCost.difference).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).kind).toBe("comparison");
  });

  it("pairing narrows the interval of a lever's effect, and the table ranks alternatives", async () => {
    const dir = tempDir();
    const s = scenarios(dir);
    const out = join(dir, "o");
    const r = await cli(["compare", s.base, s.promotion, "--runs", "60", "--workers", "0", "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("more-teams");
    const alt = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8")).alternatives[0];
    const signed = alt.headlines.find((h: { name: string }) => h.name === "signed");
    expect(signed.difference).toBeGreaterThan(0);
    const output = alt.headlines.find((h: { name: string }) => h.name === "districtOutputFinalYear");
    expect(output.varianceReduction).toBeGreaterThan(0.5);
    expect(output.high - output.low).toBeLessThan(output.unpaired.high - output.unpaired.low);
    const csv = readFileSync(join(out, "comparison.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("alternative,kind,name,breakdown,label,year,unit,baseline_value,alternative_value,difference,low,high");
    expect(csv.some((l) => l.startsWith("more-teams,metric,output,park,"))).toBe(true);
  });
});
