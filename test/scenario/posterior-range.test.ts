/**
 * Posterior rows are drawn values: each must lie in its parameter's range from the schema
 * (issue 11, item 9: a firm count of -7.5, an elasticity of 50 or a market trend of 900 ran).
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, ROOT, tempDir } from "../batch/helpers.js";

/** An overlay of the prior with the shipped posterior's first rows, `edit` applied to them. */
function posteriorOverlay(edit: (rows: number[][], parameters: string[]) => void): string {
  const shipped = JSON.parse(readFileSync(join(ROOT, "scenarios", "wenjiang-2017.json"), "utf8"));
  const { parameters, draws, historySeeds } = shipped.posterior as { parameters: string[]; draws: number[][]; historySeeds: number[] };
  const rows = draws.slice(0, 3).map((r) => [...r]);
  edit(rows, parameters);
  const file = join(tempDir(), "posterior.json");
  writeFileSync(file, JSON.stringify({ extends: join(ROOT, "scenarios", "wenjiang-2017-prior.json"), name: "p", posterior: { source: "test", parameters, draws: rows, historySeeds: historySeeds.slice(0, 3) } }, null, 1));
  return file;
}

describe("posterior values", () => {
  it("are accepted within their parameters' ranges (the shipped rows)", async () => {
    const r = await cli(["validate", posteriorOverlay(() => {})]);
    expect(r.code, r.stderr).toBe(0);
  });

  it("out of range are bad input naming the row, the parameter and its range, and nothing runs", async () => {
    const file = posteriorOverlay((rows, parameters) => {
      rows[0][parameters.findIndex((p) => p.endsWith(".count"))] = -7.5;
      rows[1][parameters.indexOf("$.industries.biopharma.marketTrend")] = 900;
    });
    const v = await cli(["validate", file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/\$\.posterior\.draws\[0\]\[\d+\]: \$\.initialState\.firms\[\d+\]\.count: expected a number >= 0 and <= \d+, found -7\.5/);
    expect(v.stderr).toMatch(/\$\.posterior\.draws\[1\]\[\d+\]: \$\.industries\.biopharma\.marketTrend: expected a number >= -0\.5 and <= 1, found 900/);
    const b = await cli(["batch", file, "--runs", "2", "--workers", "0", "--out", join(tempDir(), "o")]);
    expect(b.code).toBe(2);
    expect(b.stdout).toBe("");
  });
});
