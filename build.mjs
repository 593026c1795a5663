// Bundles the CLI, the library and the Node batch worker with esbuild into dist/. Every bundle
// gets the same build id (a hash of the sources), which the worker pool checks.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}
const hash = createHash("sha256");
for (const f of [...files("src"), ...files("workers"), "package-lock.json"]) hash.update(f).update(readFileSync(f));
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
