// Builds the planner's page into a folder (dist/web by default): app.js (the page), worker.js
// (the browser Web Worker entry), index.html, style.css, and the shipped scenarios with an index.
// Called by build.mjs; `node web/build.mjs <outdir>` builds only the page (the end-to-end test).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles the page and its worker into `outdir` with build id `buildId`, and copies the static files and scenarios. */
export async function buildWeb(outdir = join(ROOT, "dist", "web"), buildId = "web") {
  mkdirSync(join(outdir, "scenarios"), { recursive: true });
  await build({
    entryPoints: { app: join(ROOT, "web", "main.ts"), worker: join(ROOT, "workers", "browser-worker.ts") },
    outdir,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: true,
    define: { __CLUSTERSIM_BUILD_ID__: JSON.stringify(buildId) },
    logLevel: "warning",
  });
  for (const f of ["index.html", "style.css"]) copyFileSync(join(ROOT, "web", f), join(outdir, f));
  const files = readdirSync(join(ROOT, "scenarios")).filter((f) => f.endsWith(".json") && f !== "scenario.schema.json").sort();
  for (const f of [...files, "scenario.schema.json"]) copyFileSync(join(ROOT, "scenarios", f), join(outdir, "scenarios", f));
  writeFileSync(join(outdir, "scenarios", "index.json"), `${JSON.stringify({ files }, null, 2)}\n`);
  return outdir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildWeb(process.argv[2], process.argv[3]);
