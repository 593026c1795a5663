/**
 * The library is usable from code: a small consumer outside the repository imports "clustersim"
 * (the Node library) and "clustersim/core" (the browser-ready core) through package.json's
 * exports and type-checks against the emitted declarations (dist/types, built here with
 * tsc -p tsconfig.types.json), including lines that must not compile.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./source-files.js";

const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

const CONSUMER = `
import { loadScenario, runScenario, runBatchFolder, readResultsFolder, derivedPlan, type RunResult, type Summary } from "clustersim";
import { MemorySink, MemoryStore, inProcessExecutor, runBatch, writeBatchFiles, renderReport, type ResultObjects } from "clustersim/core";

export async function use(file: string, out: string): Promise<number> {
  const loaded = await loadScenario(file);
  const run: RunResult = runScenario(loaded.scenario, 1);
  const plan = derivedPlan([{ name: loaded.scenario.name, file, hash: loaded.hash, scenario: loaded.scenario }], 1, 10);
  const store = new MemoryStore(plan);
  await runBatch(plan, inProcessExecutor(plan), store, { onProgress: (p) => void p.done });
  const inMemory = await writeBatchFiles(plan, store, new MemorySink());
  const done = await runBatchFolder(plan, { out, workers: 0 });
  const summary: Summary | undefined = done.files?.summary;
  const folder: ResultObjects = readResultsFolder(out);
  const html: string = (await renderReport(folder)).html;
  // @ts-expect-error an unknown option does not compile
  await runBatchFolder(plan, { outt: out, workers: 0 });
  // @ts-expect-error a probability may be missing (null)
  const p: number = folder.summary.scenarios[0].targets[0].probability;
  return run.years + (summary?.runs ?? 0) + inMemory.summary.runs + html.length + p;
}
`;

describe("the library's types", () => {
  it("a consumer type-checks against package.json's exports and dist/types", () => {
    execFileSync(process.execPath, [TSC, "-p", join(ROOT, "tsconfig.types.json")], { cwd: ROOT, stdio: "pipe" });
    const dir = mkdtempSync(join(tmpdir(), "clustersim-consumer-"));
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(ROOT, join(dir, "node_modules", "clustersim"), "dir");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
    writeFileSync(join(dir, "use.ts"), CONSUMER);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, typeRoots: [join(ROOT, "node_modules", "@types")], types: ["node"] }, files: ["use.ts"] }),
    );
    let output = "";
    try {
      execFileSync(process.execPath, [TSC, "-p", dir], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout ?? err);
    }
    expect(output).toBe("");
  }, 120_000);
});
