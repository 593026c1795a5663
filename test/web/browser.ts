/**
 * Helpers of the page's browser tests and of bench/page.ts: build the page into a temporary
 * folder, serve it on 127.0.0.1, and start Debian's Chromium through playwright-core (never a
 * downloaded browser) with the flags this machine needs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { serveStatic, type StaticServer } from "../../src/batch/node/http-static.js";

/** The repository's root. */
export const ROOT = join(import.meta.dirname, "..", "..");
/** Debian's Chromium. */
export const CHROMIUM = "/usr/bin/chromium";
/** Whether the browser tests can run here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Builds the page (web/build.mjs) into a fresh temporary folder; returns the folder. */
export function buildPage(): string {
  const out = join(mkdtempSync(join(tmpdir(), "clustersim-web-")), "web");
  const r = spawnSync(process.execPath, [join(ROOT, "web", "build.mjs"), out, "web-test"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`web build failed: ${r.stderr}`);
  return out;
}

/** Serves a built page on 127.0.0.1 at a free port. */
export function servePage(dir: string): Promise<StaticServer> {
  return serveStatic(dir, "127.0.0.1", 0);
}

/** Starts headless Chromium with the flags that keep it off the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}
