/**
 * Indices of an outcome that is mostly replication noise are withheld with the reason (a rare
 * target met in a handful of runs gave ST near 2 with intervals to 1e31); an outcome with a
 * clear signal keeps its indices.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, readCsv, tempDir, writeExperiment } from "./helpers.js";

describe("indices and replication noise", () => {
  it("are withheld when 80% or more of the variance of the point means is noise, and kept otherwise", async () => {
    for (const [noise, withheld] of [[1000, true], [0.1, false]] as const) {
      const dir = tempDir();
      const file = writeExperiment(dir, "e.json", { name: "e", model: { testFunction: "ishigami", noise }, design: { method: "saltelli", n: 64 }, replications: 2, seed: 3 });
      const out = join(dir, "o");
      const r = await cli(["experiment", file, "--workers", "0", "--out", out, "--quiet", "--json"]);
      expect(r.code, r.stderr).toBe(0);
      const outcome = JSON.parse(readFileSync(join(out, "experiment.json"), "utf8")).outcomes[0];
      const noiseShare = Number(readCsv(out, "noise.csv")[0].noise_share);
      if (withheld) {
        expect(noiseShare).toBeGreaterThanOrEqual(0.8);
        expect(outcome.indicesNote).toMatch(/^\d+\.\d% of the variance of the point means is replication noise \(indices are withheld from 80%\)/);
        expect(readCsv(out, "indices.csv")).toEqual([]);
      } else {
        expect(noiseShare).toBeLessThan(0.1);
        expect(outcome.indicesNote).toBeNull();
        expect(readCsv(out, "indices.csv").length).toBe(3);
      }
    }
  }, 60_000);
});
