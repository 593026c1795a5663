// Bundles the CLI, the library and the worker entries with esbuild into dist/.
import { build } from "esbuild";

const banner = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

await build({
  entryPoints: {
    cli: "src/cli.ts",
    index: "src/index.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  banner,
  logLevel: "warning",
});
