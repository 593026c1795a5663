/**
 * A small calibration for the calibrate tests (test/cli/calibrate.test.ts, test/queue/calibrate.test.ts):
 * a folder with the district prior and a calibration of it, and an in-memory CliIO.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIO } from "../../src/cli/command.js";
import { SCENARIOS } from "../model/fixtures.js";

/** A CliIO that collects stdout and stderr. */
export function fakeIO() {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color: false, stderrIsTTY: false };
  return { io, out };
}

/** A folder with the district prior and a small calibration of it: two parameters, firms by mid-2018 >= 270 (about half the prior), the anchor count. */
export function fixture(replicates = 5): { dir: string; calib: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), "clustersim-calibrate-"));
  for (const f of ["wenjiang-2017-prior.json", "scenario.schema.json"]) copyFileSync(join(SCENARIOS, f), join(dir, f));
  const calib = join(dir, "calib.json");
  writeFileSync(
    calib,
    JSON.stringify({
      extends: "./wenjiang-2017-prior.json",
      name: "calib",
      horizon: { endYear: 2018 },
      targets: null,
      calibration: {
        until: "2018Q2",
        replicates,
        parameters: ["$.choice.districtConstant", "$.dynamics.startupsPerTenThousandWorkers"],
        observations: {
          firms: { kind: "range", label: "firms mid-2018", metric: "firms/park", of: "medical-city", year: 2018, quarter: 2, min: 270, source: "test" },
          level: { kind: "range", label: "revenue 2017", metric: "output/park", of: "medical-city", year: 2017, min: 0, source: "test" },
          anchors: { kind: "poisson", label: "anchors", statistic: "anchorSignings", observed: 2, source: "test" },
        },
      },
    }),
  );
  return { dir, calib, base: join(dir, "wenjiang-2017-prior.json") };
}

/** Options of a small, quick calibration (4 particles, 4 predictive draws, no progress). */
export const SMALL = ["--particles", "4", "--predictive", "4", "--quiet"];
