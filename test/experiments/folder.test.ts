/**
 * An experiment folder is handled as a batch's: the files of an earlier batch are removed before
 * the first run, manifest.json lists every file with its size and SHA-256 and `report` refuses a
 * folder whose files do not match it, a folder held by another process is refused, and an
 * aborted experiment leaves its checkpoint and no manifest.json.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { loadExperiment } from "../../src/batch/experiment/node/load.js";
import { runExperimentFolder } from "../../src/batch/experiment/node/folder.js";
import { inspectCheckpoint } from "../../src/batch/node/checkpoint-scan.js";
import { CHECKPOINT_FILE } from "../../src/batch/node/file-store.js";
import { LOCK_FILE } from "../../src/batch/node/folder-lock.js";
import { cli, tempDir, writeExperiment } from "./helpers.js";

/** A small Ishigami experiment file in `dir`. */
const ishigami = (dir: string) => writeExperiment(dir, "i.json", { name: "i", model: { testFunction: "ishigami" }, design: { method: "lhs", n: 6 }, replications: 2 });

describe("an experiment folder", () => {
  it("removes an earlier batch's files, lists every file with its SHA-256, and report refuses a changed or missing one", async () => {
    const dir = tempDir();
    const out = join(dir, "o");
    mkdirSync(out);
    writeFileSync(join(out, "summary.json"), "{}\n"); // an earlier batch's results
    writeFileSync(join(out, "manifest.json"), '{"kind":"batch"}\n');
    const r = await cli(["experiment", ishigami(dir), "--workers", "0", "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, "summary.json"))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.kind).toBe("experiment");
    const listed = manifest.files.map((f: { path: string }) => f.path);
    for (const f of ["design.csv", "runs.csv", "points.csv", "experiment.json", "datapackage.json"]) expect(listed).toContain(f);
    expect(listed).not.toContain("manifest.json");
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.path));
      expect(bytes.length, f.path).toBe(f.bytes);
      expect(createHash("sha256").update(bytes).digest("hex"), f.path).toBe(f.sha256);
    }
    expect((await cli(["report", out, "-o", join(dir, "ok.html")])).code).toBe(0);

    const points = join(out, "points.csv");
    const text = readFileSync(points, "utf8");
    writeFileSync(points, text.replace(/,0,/, ",9,")); // same size, another count
    expect(readFileSync(points, "utf8")).not.toBe(text);
    const changed = await cli(["report", out, "-o", join(dir, "changed.html")]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain("points.csv does not match manifest.json");
    expect(changed.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(points, text);
    rmSync(join(out, "runs.csv"));
    const missing = await cli(["report", out, "-o", join(dir, "missing.html")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("runs.csv is missing");
    expect(existsSync(join(dir, "changed.html")) || existsSync(join(dir, "missing.html"))).toBe(false);
  }, 120_000);

  it("is refused while another process holds its lock", async () => {
    const dir = tempDir();
    const out = join(dir, "o");
    mkdirSync(out);
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }));
    const r = await cli(["experiment", ishigami(dir), "--workers", "0", "--out", out, "--quiet"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`pid ${process.pid}`);
    expect(existsSync(join(out, CHECKPOINT_FILE))).toBe(false);
  }, 60_000);

  it("stopped by its signal leaves the checkpoint and no manifest.json; run again it finishes", async () => {
    const dir = tempDir();
    const out = join(dir, "o");
    const ex = await loadExperiment(ishigami(dir));
    const stopped = await runExperimentFolder(ex, { out, workers: 0, signal: AbortSignal.abort() });
    expect(stopped.outcome).toBe("aborted");
    expect(stopped.summary).toBeNull();
    expect(existsSync(join(out, "manifest.json"))).toBe(false);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    expect(inspectCheckpoint(join(out, CHECKPOINT_FILE)).header).not.toBeNull();
    const done = await runExperimentFolder(ex, { out, workers: 0 });
    expect(done.outcome).not.toBe("aborted");
    expect(existsSync(join(out, "manifest.json"))).toBe(true);
  }, 60_000);
});
