/**
 * Child-process entry: measures one case in a fresh process and prints one JSON line (a
 * CaseResult for a core case, a BatchResult for a batch case) on stdout; progress goes to stderr.
 * Started by bench/harness.ts as `node --import tsx bench/child.ts '<ChildSpec JSON>'`.
 */
import { join, resolve } from "node:path";
import { loadScenario } from "../src/scenario/load.js";
import type { BenchCase, ProfileName } from "./cases.js";
import { measureBatch } from "./batch-measure.js";
import { measureCore } from "./measure.js";

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "null") as { case: BenchCase; profile: ProfileName; slowdown: number } | null;
  const root = join(import.meta.dirname, "..");
  const log = (line: string) => void process.stderr.write(line);
  if (spec?.case.kind === "core") {
    const { scenario } = await loadScenario(resolve(root, spec.case.scenario));
    const result = measureCore({ case: spec.case, profile: spec.profile, slowdown: spec.slowdown }, scenario, log);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else if (spec?.case.kind === "batch") {
    const result = await measureBatch({ case: spec.case, profile: spec.profile }, root, log);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    throw new Error(`bench/child.ts: expected a core or batch case spec, got ${process.argv[2]}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
