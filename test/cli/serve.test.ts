/**
 * `clustersim serve`: the first stdout line is the page's URL on 127.0.0.1 (port 0 picks a free
 * one); the server serves the page's files with their content types, nothing outside its root,
 * GET and HEAD only; it stops when told (Ctrl-C in the CLI); bad options and a missing page are errors.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { EXIT, type CliIO } from "../../src/cli/command.js";
import { serveCommandWith } from "../../src/cli/serve.js";
import { fileFor } from "../../src/batch/node/http-static.js";

function fakeIO() {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), color: false, stderrIsTTY: false };
  return { io, out };
}

/** A raw request (no client-side path normalisation). */
function raw(url: string, path: string, method = "GET"): Promise<{ status: number; type: string | undefined; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function pageFolder(): string {
  const root = join(mkdtempSync(join(tmpdir(), "clustersim-serve-")), "web");
  mkdirSync(join(root, "scenarios"), { recursive: true });
  writeFileSync(join(root, "index.html"), "<!doctype html><title>page</title>");
  writeFileSync(join(root, "app.js"), "export {};");
  writeFileSync(join(root, "scenarios", "baseline.json"), "{}");
  writeFileSync(join(root, "..", "secret.txt"), "outside the root");
  return root;
}

describe("clustersim serve", () => {
  it("prints the URL first, serves the page's files and nothing outside its root, and stops when told", async () => {
    const root = pageFolder();
    const stop = new AbortController();
    const { io, out } = fakeIO();
    const done = main(["serve", "--port", "0", "--root", root], io, [serveCommandWith(stop.signal)]);
    await expect.poll(() => out.stdout).toMatch(/\n/);
    const url = out.stdout.split("\n")[0];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    const index = await raw(url, "/");
    expect(index).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(index.body).toContain("<title>page</title>");
    expect(await raw(url, "/app.js")).toMatchObject({ status: 200, type: "text/javascript; charset=utf-8" });
    expect(await raw(url, "/scenarios/baseline.json?v=1")).toMatchObject({ status: 200, type: "application/json; charset=utf-8" });
    expect((await raw(url, "/missing.js")).status).toBe(404);
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/scenarios/../../secret.txt"]) expect((await raw(url, path)).body).not.toContain("outside the root");
    expect((await raw(url, "/", "POST")).status).toBe(405);
    expect(await raw(url, "/index.html", "HEAD")).toMatchObject({ status: 200, body: "" });
    stop.abort();
    expect(await done).toBe(EXIT.ok);
    await expect(raw(url, "/")).rejects.toThrow();
  });

  it("maps request paths into the root only", () => {
    expect(fileFor("/srv/web", "/")).toBe("/srv/web/index.html");
    expect(fileFor("/srv/web", "/a/b.js?x#y")).toBe("/srv/web/a/b.js");
    expect(fileFor("/srv/web", "/%E4%B8%AD.json")).toBe("/srv/web/中.json");
    expect(fileFor("/srv/web", "/%zz")).toBeNull();
    expect(fileFor("/srv/web", "/..%2f..%2fetc/passwd")).toBe("/srv/web/etc/passwd");
  });

  it("refuses bad options and a folder without a built page", async () => {
    const { io, out } = fakeIO();
    expect(await main(["serve", "--port", "70000"], io)).toBe(EXIT.usage);
    expect(out.stderr).toContain("--port must be at most 65535");
    const empty = fakeIO();
    expect(await main(["serve", "--port", "0", "--root", mkdtempSync(join(tmpdir(), "clustersim-empty-"))], empty.io)).toBe(EXIT.usage);
    expect(empty.out.stderr).toContain("npm run build");
  });

  it("is listed in the top-level help", async () => {
    const { io, out } = fakeIO();
    await main(["--help"], io);
    expect(out.stdout).toMatch(/serve\s+the planner's page/);
  });
});
