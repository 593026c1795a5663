// Bundles the CLI, the Node library and the Node batch worker with esbuild into dist/, the
// browser-ready core (src/core.ts) for browsers into dist/core.js, and the planner's page with
// its browser worker into dist/web/ (web/build.mjs). Every bundle gets the same build id (a hash
// of the sources), which the worker pools check. Type declarations come from
// tsc -p tsconfig.types.json (npm run build runs both).
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildWeb } from "./web/build.mjs";

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}
const hash = createHash("sha256");
for (const f of [...files("src"), ...files("workers"), ...files("web"), "package-lock.json"]) hash.update(f).update(readFileSync(f));
const buildId = hash.digest("hex").slice(0, 16);

await build({
  entryPoints: { cli: "src/cli.ts", index: "src/index.ts", worker: "workers/node-worker.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  define: { __CLUSTERSIM_BUILD_ID__: JSON.stringify(buildId) },
  // the queue's libraries stay optional: imported at run time only with --queue (src/batch/node/queue/libs.ts)
  external: ["bullmq", "ioredis"],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});

await build({
  entryPoints: { core: "src/core.ts" },
  outdir: "dist",
  bundle: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  sourcemap: true,
  define: { __CLUSTERSIM_BUILD_ID__: JSON.stringify(buildId) },
  logLevel: "warning",
});

await buildWeb(join("dist", "web"), buildId);
