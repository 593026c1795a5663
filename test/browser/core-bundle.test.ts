/**
 * The browser-ready core (src/core.ts) bundles with esbuild for platform "browser" with no node:
 * import, and the shared code it is made of uses no Node-only global (setImmediate, Buffer,
 * process other than guarded). Node's own modules (files, worker threads, processes) stay out of it.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { ROOT, sourceFiles } from "../seams/source-files.js";

/** Bundles src/core.ts for the browser in memory; returns esbuild's metafile and the bundle's text. */
async function bundle(entry = "src/core.ts"): Promise<{ metafile: Metafile; text: string }> {
  const r = await build({ entryPoints: [join(ROOT, entry)], bundle: true, format: "esm", platform: "browser", write: false, metafile: true, logLevel: "silent", outfile: "core.js" });
  return { metafile: r.metafile!, text: r.outputFiles!.find((f) => f.path.endsWith(".js"))!.text };
}

describe("the browser-ready core", () => {
  it("bundles for platform browser without any node: import", async () => {
    const { metafile, text } = await bundle();
    const imports = Object.values(metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    expect(imports.filter((p) => p.startsWith("node:"))).toEqual([]);
    expect(text).not.toMatch(/from\s*["']node:|require\(["']node:/);
    const ours = Object.keys(metafile.inputs).filter((p) => p.startsWith("src/"));
    expect(ours).toContain("src/batch/run-batch.ts");
    expect(ours).toContain("src/batch/worker-pool.ts");
    expect(ours).toContain("src/report/html/render-report.ts");
    expect(ours).toContain("src/batch/files/read.ts");
  }, 120_000);

  it("refuses a Node module: bundling the Node library entry fails on its node: imports", async () => {
    await expect(bundle("src/index.ts")).rejects.toThrow(/node:/);
  }, 120_000);

  it("its source files use no Node-only global", async () => {
    const { metafile } = await bundle();
    const inBundle = new Set(Object.keys(metafile.inputs));
    const shared = sourceFiles().filter((f) => inBundle.has(f.file));
    expect(shared.length).toBeGreaterThan(50);
    const offenders = shared.filter((f) => /\bsetImmediate\b|\bBuffer\.|(?<!typeof |\.)\bprocess\.(?!env\b)/.test(f.text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "")));
    expect(offenders.map((f) => f.file)).toEqual([]);
  }, 120_000);
});
