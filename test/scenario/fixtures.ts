/** Shared helpers for scenario tests: temp dirs, the example scenario as data, problem capture. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { loadScenario, type LoadOptions } from "../../src/scenario/load.js";
import { ScenarioError, type Problem } from "../../src/scenario/errors.js";

/** Absolute path of a file in scenarios/. */
export const scenarioPath = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));

/** A fresh copy of scenarios/example.json as plain data. */
export function exampleData(): Record<string, any> {
  return JSON.parse(readFileSync(scenarioPath("example.json"), "utf8"));
}

/** A new empty temp directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "clustersim-scenario-"));
}

/** Writes `data` (JSON-serialised unless it is a string) to `dir/name` and returns the path. */
export function writeFixture(dir: string, name: string, data: unknown): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return file;
}

/** The problems loading `file` reports (fails the test when it loads). */
export async function problemsOf(file: string, options?: LoadOptions): Promise<Problem[]> {
  try {
    await loadScenario(file, options);
  } catch (err) {
    if (err instanceof ScenarioError) return [...err.problems];
    throw err;
  }
  expect.fail(`${file} loaded without problems`);
}

/** Writes a modified example to a temp file and returns its problems. */
export async function problemsOfExample(change: (s: Record<string, any>) => void, name = "bad.json"): Promise<Problem[]> {
  const s = exampleData();
  delete s.$schema;
  change(s);
  return problemsOf(writeFixture(tempDir(), name, s));
}

/** The one problem at `jsonPath` (fails when there is none or several). */
export function problemAt(problems: Problem[], jsonPath: string): Problem {
  const hits = problems.filter((p) => p.jsonPath === jsonPath);
  expect(hits, `problems at ${jsonPath} among:\n${problems.map((p) => `${p.jsonPath}: ${p.message}`).join("\n")}`).toHaveLength(1);
  return hits[0];
}
