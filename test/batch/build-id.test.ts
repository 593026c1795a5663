import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, smallScenario, tempDir } from "./helpers.js";

describe("the worker pool and the bundle", () => {
  it("runs the bundled worker, and refuses one whose build id differs from the main thread's", () => {
    if (!existsSync(join(ROOT, "dist", "worker.js"))) spawnSync(process.execPath, ["build.mjs"], { cwd: ROOT });
    const dir = tempDir();
    const dist = join(dir, "dist");
    cpSync(join(ROOT, "dist"), dist, { recursive: true });
    const scenario = smallScenario(dir);
    const run = (out: string) =>
      spawnSync(process.execPath, [join(dist, "cli.js"), "batch", scenario, "--runs", "4", "--workers", "1", "--out", join(dir, out), "--quiet"], { encoding: "utf8" });
    const ok = run("ok");
    expect(ok.status, ok.stderr).toBe(0);
    const worker = join(dist, "worker.js");
    const text = readFileSync(worker, "utf8");
    const id = /var BUILD_ID = [^"]*"([0-9a-f]{16})"/.exec(text)![1];
    writeFileSync(worker, text.replace(`"${id}"`, '"0000000000000000"'));
    const stale = run("stale");
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("differs from this build");
  }, 60_000);
});
