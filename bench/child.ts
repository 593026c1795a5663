/**
 * Child-process entry: measures one case in a fresh process and prints one JSON line (a
 * CaseResult) on stdout; progress goes to stderr. Started by bench/harness.ts as
 * `node --import tsx bench/child.ts '<ChildSpec JSON>'`.
 */
import { join, resolve } from "node:path";
import { loadScenario } from "../src/scenario/load.js";
import { measureCore, type ChildSpec } from "./measure.js";

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "null") as ChildSpec | null;
  if (!spec || spec.case.kind !== "core") throw new Error(`bench/child.ts: expected a core case spec, got ${process.argv[2]}`);
  const root = join(import.meta.dirname, "..");
  const { scenario } = await loadScenario(resolve(root, spec.case.scenario));
  const result = measureCore(spec, scenario, (line) => process.stderr.write(line));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench child failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
