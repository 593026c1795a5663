/**
 * A full disk: on a small tmpfs filled to leave a little space, a batch either finishes with every
 * file whole and listed in manifest.json, or fails (exit 1, "no space left on the device") with
 * no manifest.json, no temporary file and the checkpoint intact, so `report` refuses the folder;
 * once space is freed the same command finishes with the files of a batch that never ran short.
 * Needs root to mount the tmpfs: otherwise it is skipped, saying why.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { cli, smallScenario, tempDir } from "./helpers.js";

/** Mounts a tmpfs of `bytes`; returns its folder, or why it could not. */
function mountTmpfs(bytes: number): { dir: string } | { why: string } {
  if (process.getuid?.() !== 0) return { why: "not running as root (mounting a tmpfs needs it)" };
  const dir = mkdtempSync(join(tmpdir(), "clustersim-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${bytes}`, "tmpfs", dir], { stdio: "pipe" });
    return { dir };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { why: `mount -t tmpfs failed (${(err as Error).message.split("\n")[0]})` };
  }
}

const mounted = mountTmpfs(8 * 1024 * 1024);
if ("why" in mounted) console.warn(`test/batch/disk-full.test.ts: skipped: ${mounted.why}`);
afterAll(() => {
  if ("dir" in mounted) {
    execFileSync("umount", ["-l", mounted.dir]); // lazy: a descriptor a failed case left open cannot keep it mounted
    rmSync(mounted.dir, { recursive: true, force: true });
  }
});

/** Bytes free on the file system of `dir`. */
const free = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** Every file of a finished folder but the checkpoint, manifest.json and report.html, by name. */
function resultBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ["summary.json", "runs.csv", "yearly.csv", "series.csv.gz", "datapackage.json", "scenarios/small.json"]) out[f] = readFileSync(join(dir, f)).toString("base64");
  return out;
}

describe.skipIf("why" in mounted)("a full disk", () => {
  it("never leaves a cut file under its real name or a manifest beside missing files; freed, the batch finishes", async () => {
    const fs = (mounted as { dir: string }).dir;
    const ref = join(tempDir(), "ref");
    const scenario = smallScenario(tempDir());
    const args = (out: string) => ["batch", scenario, "--runs", "60", "--seed", "5", "--series", "--workers", "0", "--out", out, "--quiet"];
    expect((await cli(args(ref))).code).toBe(0);
    const expected = resultBytes(ref);
    const total = Object.values(expected).reduce((n, b) => n + Buffer.from(b, "base64").length, 0);
    const outcomes: string[] = [];
    // free space left when the files are written: none, a page, and fractions of what they need
    for (const left of [0, 4096, total * 0.25, total * 0.5, total * 0.75, total * 0.97, total + 64 * 1024]) {
      const out = join(fs, "o");
      mkdirSync(out);
      copyFileSync(join(ref, CHECKPOINT_FILE), join(out, CHECKPOINT_FILE));
      const filler = join(fs, "filler");
      writeFileSync(filler, Buffer.alloc(Math.max(0, free(fs) - Math.floor(left))));
      let r;
      try {
        r = await cli(args(out));
      } finally {
        rmSync(filler);
      }
      // the folder as the batch left it, read once space is back

      const report = await cli(["report", out, "-o", join(tempDir(), "r.html")]);
      const names = readdirSync(out);
      expect(names.filter((n) => n.endsWith(".tmp")), `left ${left}`).toEqual([]);
      if (r.code === 0) {
        expect(report.code, report.stderr).toBe(0);
        expect(resultBytes(out)).toEqual(expected);
        outcomes.push("finished");
      } else {
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toContain("no space left on the device (ENOSPC)");
        expect(names).not.toContain("manifest.json");
        expect(report.code).toBe(2);
        expect(report.stderr).toContain("manifest.json is missing");
        outcomes.push("refused");
      }
      const again = await cli(args(out));
      expect(again.code, again.stderr).toBe(0);
      expect(resultBytes(out)).toEqual(expected);
      rmSync(out, { recursive: true });
    }
    expect(outcomes[0]).toBe("refused");
    expect(outcomes.at(-1)).toBe("finished");
  }, 300_000);

  it("a checkpoint that cannot be written stops the batch (exit 1) with its stored runs intact", async () => {
    const fs = (mounted as { dir: string }).dir;
    const scenario = smallScenario(tempDir());
    const out = join(fs, "c");
    const args = ["batch", scenario, "--runs", "30", "--workers", "0", "--out", out, "--quiet"];
    const filler = join(fs, "filler");
    writeFileSync(filler, Buffer.alloc(Math.max(0, free(fs) - 8192)));
    let r;
    try {
      r = await cli(args);
    } finally {
      rmSync(filler);
    }
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`${CHECKPOINT_FILE}: no space left on the device (ENOSPC)`);
    expect(existsSync(join(out, "manifest.json"))).toBe(false);
    const again = await cli(args);
    expect(again.code, again.stderr).toBe(0);
    const whole = join(tempDir(), "whole");
    expect((await cli([...args.slice(0, -3), "--out", whole, "--quiet"])).code).toBe(0);
    expect(readFileSync(join(out, "runs.csv"), "utf8")).toBe(readFileSync(join(whole, "runs.csv"), "utf8"));
    rmSync(out, { recursive: true });
  }, 120_000);
});
