/**
 * Paired A/B of two source trees of the core, for performance work on a shared machine: loads
 * the model from tree A (the old) and tree B (the new) in one process, warms both, then runs
 * blocks of one run of the baseline scenario at an agent scale in ABBA order and prints the
 * median over quartets of (fastest B block / fastest A block). Blocks a few hundred ms apart see
 * the same machine, so other work mostly cancels in the ratio; times are the main thread's
 * on-CPU time (/proc/thread-self/schedstat, Linux; wall time elsewhere or with --wall).
 *
 *   mkdir -p /tmp/old && git archive COMMIT src bench scenarios package.json tsconfig.json | tar -x -C /tmp/old
 *   ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   npx tsx bench/ab.ts /tmp/old . [--scale 100] [--quartets 10] [--seed 1] [--wall]
 *
 * Both trees share this process's heap (and @stdlib, from the same node_modules), so a tree that
 * allocates more can leave collections to the other: compare the ratio, not the absolute times.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** Value of option `name` in argv, or `fallback`. */
function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
}

/** Median of a non-empty list. */
function median(xs: readonly number[]): number {
  const y = [...xs].sort((a, b) => a - b);
  const n = y.length;
  return n % 2 ? y[(n - 1) / 2] : (y[n / 2 - 1] + y[n / 2]) / 2;
}

/** ms of on-CPU time of this thread (Linux), or of wall time. */
function clock(wall: boolean): () => number {
  if (!wall && existsSync("/proc/thread-self/schedstat"))
    return () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  return () => performance.now();
}

/** A function running one run of tree `root`'s baseline scenario at `scale` times the agents, returning its ms. */
async function runner(root: string, scale: number, seed: number, now: () => number): Promise<() => number> {
  const at = (path: string) => pathToFileURL(resolve(root, path)).href;
  const { loadScenario } = await import(at("src/scenario/load.ts"));
  const { runScenario } = await import(at("src/model/run.ts"));
  const { scaleScenario } = await import(at("bench/scale.ts"));
  const { scenario } = await loadScenario(resolve(root, "scenarios/baseline.json"));
  const scaled = scaleScenario(scenario, scale);
  return () => {
    const t0 = now();
    runScenario(scaled, seed);
    return now() - t0;
  };
}

async function main(argv: string[]): Promise<void> {
  const [dirA, dirB] = argv;
  if (!dirA || !dirB || dirA.startsWith("--") || dirB.startsWith("--")) {
    process.stderr.write("usage: tsx bench/ab.ts OLD_TREE NEW_TREE [--scale 100] [--quartets 10] [--seed 1] [--wall]\n");
    process.exitCode = 2;
    return;
  }
  const scale = option(argv, "--scale", 100);
  const quartets = option(argv, "--quartets", 10);
  const seed = option(argv, "--seed", 1);
  const now = clock(argv.includes("--wall"));
  const a = await runner(dirA, scale, seed, now);
  const b = await runner(dirB, scale, seed, now);
  for (let i = 0; i < 3; i++) {
    a();
    b();
  }
  const msA: number[] = [];
  const msB: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < quartets; r++) {
    const a1 = a(), b1 = b(), b2 = b(), a2 = a();
    msA.push(a1, a2);
    msB.push(b1, b2);
    ratios.push(Math.min(b1, b2) / Math.min(a1, a2));
  }
  const list = ratios.map((x) => x.toFixed(3)).join(" ");
  process.stdout.write(`A ${median(msA).toFixed(1)} ms/run, B ${median(msB).toFixed(1)} ms/run (medians); B/A per quartet: median ${median(ratios).toFixed(3)} [${list}]\n`);
}

await main(process.argv.slice(2));
