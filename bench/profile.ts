/**
 * Profiling aid for the core: runs the baseline scenario at an agent scale a few times, so that
 * `node --cpu-prof` records the model's hot loop, and summarises a .cpuprofile by self time.
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir=DIR bench/profile.ts run [--scale 100] [--runs 4] [--seed 1] [--scenario FILE]
 *   npx tsx bench/profile.ts top DIR/FILE.cpuprofile [--n 30] [--callers NAME]
 *
 * `run` prints the wall and CPU time of each run (CPU time includes V8's GC and compiler threads) (the first warms the JIT). `top` prints the functions
 * with the largest self time (samples attributed to the function itself, not its callees) and
 * their share of all samples, with the program's idle and GC time as their own rows, then the
 * inclusive share of each mechanism of a step; `--callers NAME` splits NAME's self time by caller.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadScenario } from "../src/scenario/load.js";
import { runScenario } from "../src/model/run.js";
import { scaleScenario } from "./scale.js";

/** A node of a V8 CPU profile (the fields used here). */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Value of option `name` in argv, or `fallback`. */
function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
}

/** Runs the scaled baseline `runs` times, printing each run's ms. */
async function runMany(argv: string[]): Promise<void> {
  const scale = option(argv, "--scale", 100);
  const runs = option(argv, "--runs", 4);
  const seed = option(argv, "--seed", 1);
  const at = argv.indexOf("--scenario");
  const { scenario } = await loadScenario(at >= 0 ? argv[at + 1] : join(import.meta.dirname, "..", "scenarios", "baseline.json"));
  const scaled = scaleScenario(scenario, scale);
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = runScenario(scaled, seed);
    const cpu = process.cpuUsage(c0);
    const wall = performance.now() - t0;
    process.stdout.write(`run ${r + 1}: ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (leads ${result.leads})\n`);
  }
}

/** Self-time shares of a .cpuprofile's functions, largest first. */
export function topFunctions(profile: { nodes: ProfileNode[] }, n: number): { name: string; share: number }[] {
  const byName = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const cf = node.callFrame;
    const file = cf.url.replace(/^.*\/(src|bench|node_modules)\//, "$1/");
    const name = cf.url ? `${cf.functionName || "(anonymous)"} ${file}:${cf.lineNumber + 1}` : cf.functionName;
    byName.set(name, (byName.get(name) ?? 0) + hits);
    total += hits;
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, hits]) => ({ name, share: hits / total }));
}

/** Inclusive shares (the function and its callees) of the functions named in `names`, by name. */
export function inclusiveShares(profile: { nodes: ProfileNode[] }, names: readonly string[]): { name: string; share: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const sums = new Map<string, number>(names.map((n) => [n, 0]));
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    total += hits;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id)!.callFrame.functionName;
      if (sums.has(name) && !seen.has(name)) {
        seen.add(name);
        sums.set(name, sums.get(name)! + hits);
      }
    }
  }
  return names.map((name) => ({ name, share: sums.get(name)! / total }));
}

/** Where the self time of functions named `name` comes from: shares of all samples by caller name. */
export function callers(profile: { nodes: ProfileNode[] }, name: string): { name: string; share: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const sums = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    if (hits === 0 || node.callFrame.functionName !== name) continue;
    const up = parent.get(node.id);
    const caller = up === undefined ? "(root)" : byId.get(up)!.callFrame.functionName || "(anonymous)";
    sums.set(caller, (sums.get(caller) ?? 0) + hits);
  }
  return [...sums.entries()].sort((a, b) => b[1] - a[1]).map(([n, hits]) => ({ name: n, share: hits / total }));
}

/** The step's mechanisms and the run's phases, for inclusive shares. */
const PHASES = [
  "runScenario", "startRun", "step", "stepWorld", "stepFactors", "stepInstitutions", "refreshChoice", "stepEvents", "stepLeads", "stepStartups",
  "serveLandQueues", "pipelinePass", "clearLabour", "productionPass", "refreshAggregates", "recordMetrics", "finishRun",
];

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "run") return runMany(argv.slice(1));
  if (argv[0] === "top" && argv[1]) {
    const profile = JSON.parse(readFileSync(argv[1], "utf8")) as { nodes: ProfileNode[] };
    const of = argv.indexOf("--callers");
    if (of >= 0) {
      for (const { name, share } of callers(profile, argv[of + 1])) process.stdout.write(`${(100 * share).toFixed(1).padStart(5)}%  ${name}\n`);
      return;
    }
    for (const { name, share } of topFunctions(profile, option(argv, "--n", 30)))
      process.stdout.write(`${(100 * share).toFixed(1).padStart(5)}%  ${name}\n`);
    process.stdout.write("\ninclusive (the function and its callees):\n");
    for (const { name, share } of inclusiveShares(profile, PHASES)) process.stdout.write(`${(100 * share).toFixed(1).padStart(5)}%  ${name}\n`);
    return;
  }
  process.stderr.write("usage: bench/profile.ts run [--scale N] [--runs N] [--seed N] | top FILE.cpuprofile [--n N]\n");
  process.exitCode = 2;
}

await main(process.argv.slice(2));
