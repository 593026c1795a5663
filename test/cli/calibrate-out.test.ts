/**
 * `calibrate --out` never overwrites its own input or a base the input extends (which would then
 * extend itself): exit 2 naming --out and the file, the file unchanged, before any draw is run.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { cli, ROOT, tempDir } from "../batch/helpers.js";

describe("calibrate --out", () => {
  it.each([
    ["the input itself", "cal.json", "the input scenario"],
    ["its base", "wenjiang-2017-prior.json", "a base file the input extends"],
    ["its base by another path", "sub/../wenjiang-2017-prior.json", "a base file the input extends"],
    ["its base through a symlink", "link.json", "a base file the input extends"],
  ])("refuses %s", async (_, out, what) => {
    const dir = tempDir();
    copyFileSync(join(ROOT, "scenarios", "calibration-2016.json"), join(dir, "cal.json"));
    copyFileSync(join(ROOT, "scenarios", "wenjiang-2017-prior.json"), join(dir, "wenjiang-2017-prior.json"));
    mkdirSync(join(dir, "sub"));
    symlinkSync(join(dir, "wenjiang-2017-prior.json"), join(dir, "link.json"));
    const before = [readFileSync(join(dir, "cal.json")), readFileSync(join(dir, "wenjiang-2017-prior.json"))];
    const r = await cli(["calibrate", join(dir, "cal.json"), "--particles", "10", "--quiet", "--out", `${dir}/${out}`]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`--out ${dir}/${out}: it is`);
    expect(r.stderr).toContain(what);
    expect([readFileSync(join(dir, "cal.json")), readFileSync(join(dir, "wenjiang-2017-prior.json"))]).toEqual(before);
  });
});
