import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { accessSync, constants, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { build } from "esbuild";
import { runScenario } from "../../src/model/run.js";
import { stringifyResult } from "../../src/report/json.js";
import { sha256Hex } from "../../src/scenario/sha256.js";
import { scenario } from "../model/fixtures.js";

/** Chromium on PATH (chromium, chromium-browser), else /usr/bin/chromium, or null when there is none. */
function findChromium(): string | null {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter((d) => d !== "");
  const candidates = [...dirs.flatMap((d) => ["chromium", "chromium-browser"].map((n) => join(d, n))), "/usr/bin/chromium"];
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // not there
    }
  }
  return null;
}

const CHROMIUM = findChromium();
const WHY = "no chromium on PATH nor at /usr/bin/chromium (install Debian's chromium, as .ci/run does)";
if (CHROMIUM === null && process.env.CI !== "true") console.warn(`test/browser/determinism.test.ts: skipped: ${WHY}`);

describe("a browser to test in", () => {
  it.runIf(process.env.CI === "true")("is there under CI (CI=true): a missing chromium fails instead of skipping", () => {
    expect(CHROMIUM, WHY).not.toBeNull();
  });
});
const SEEDS = [7, 123456];

/** Serves the page and the bundle on 127.0.0.1 (module workers and scripts need http, not file://). */
async function serve(files: Record<string, string>) {
  const server = createServer((req, res) => {
    const body = files[(req.url ?? "/").slice(1) || "index.html"];
    res.writeHead(body === undefined ? 404 : 200, { "content-type": req.url?.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8" });
    res.end(body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Loads the page headless (without blocking this process, which serves it) and returns the text of <pre id="out">. */
async function chromiumOutput(url: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), "clustersim-chromium-"));
  const r = await promisify(execFile)(CHROMIUM!, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", `--user-data-dir=${profile}`, "--virtual-time-budget=60000", "--dump-dom", url], { encoding: "utf8", timeout: 120_000, maxBuffer: 1 << 26 });
  const m = /<pre id="out">([^<]*)<\/pre>/.exec(r.stdout);
  if (!m) throw new Error(`no output from chromium: ${r.stderr.slice(0, 500)}`);
  return m[1];
}

describe.skipIf(CHROMIUM === null)("cross-runtime determinism", () => {
  it.each([["baseline.json"], ["example.json"]])("%s gives bit-identical results in Node and in Chromium", async (file) => {
    const sc = await scenario(file);
    const dir = mkdtempSync(join(tmpdir(), "clustersim-browser-"));
    await build({ entryPoints: [join(import.meta.dirname, "page-entry.ts")], bundle: true, format: "esm", platform: "browser", outfile: join(dir, "entry.js"), logLevel: "warning" });
    const page = `<!doctype html><html><head><meta charset="utf-8"></head><body data-seeds="${SEEDS.join(",")}"><script type="application/json" id="scenario">${JSON.stringify(sc).replace(/</g, "\\u003c")}</script><pre id="out">pending</pre><script type="module" src="entry.js"></script></body></html>`;
    const server = await serve({ "index.html": page, "entry.js": readFileSync(join(dir, "entry.js"), "utf8") });
    try {
      const browser = (await chromiumOutput(server.url)).split(",");
      const node = SEEDS.map((seed) => sha256Hex(stringifyResult(runScenario(sc, seed))));
      expect(browser).toEqual(node);
    } finally {
      await server.close();
    }
  }, 180_000);
});
