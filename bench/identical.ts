/**
 * Bit-identity check for performance work: SHA-256 of the CLI's outputs for fixed seeds, to
 * record before an optimisation and compare after it. Not a test (pinned hashes would break on
 * any honest model change); run it by hand around a change that must not change results.
 *
 *   npx tsx bench/identical.ts --record FILE   # build dist/, hash, write FILE (JSON)
 *   npx tsx bench/identical.ts --check FILE    # build dist/, hash, compare with FILE; exit 1 on a difference
 *
 * Hashed: `node dist/cli.js run SCENARIO --seed S --json` for a few scenarios and seeds, and
 * runs.csv and yearly.csv of `node dist/cli.js batch SCENARIO --runs 200 --out DIR --quiet`
 * for the baseline, lever-promotion and no-plan scenarios; and, in this process from src/, every
 * metric of one run of the baseline scaled to 10x agents (bench/scale.ts), as the bench runs it.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenario } from "../src/scenario/load.js";
import { runScenario } from "../src/model/run.js";
import { scaleScenario } from "./scale.js";

/** Single runs hashed: scenario file and seeds. */
const RUNS: { scenario: string; seeds: number[] }[] = [
  { scenario: "scenarios/baseline.json", seeds: [1, 2, 42, 12345, 4000000000] },
  { scenario: "scenarios/lever-tight-land.json", seeds: [7] },
  { scenario: "scenarios/lever-anchor-chain.json", seeds: [7] },
];
/** Batches hashed (200 runs each, base seed 1). */
const BATCHES = ["scenarios/baseline.json", "scenarios/lever-promotion.json", "scenarios/no-plan.json"];
const BATCH_FILES = ["runs.csv", "yearly.csv"];

const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const cli = (args: string[]) => execFileSync("node", ["dist/cli.js", ...args], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });

/** Hash of every metric value (and the leads and fiscal totals) of one run of `scenario` at `scale` times the agents. */
async function scaledRunHash(scenario: string, scale: number, seed: number): Promise<string> {
  const { scenario: loaded } = await loadScenario(scenario);
  const run = runScenario(scaleScenario(loaded, scale), seed);
  const h = createHash("sha256");
  for (const m of run.metrics) h.update(new Uint8Array(m.values.buffer, m.values.byteOffset, m.values.byteLength));
  h.update(JSON.stringify([run.leads, run.leadsLost, run.fiscal, run.fiscalCost, run.targets]));
  return h.digest("hex");
}

/** Every hash, by a readable name. */
async function hashAll(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { scenario, seeds } of RUNS)
    for (const seed of seeds) {
      const name = `run ${scenario} --seed ${seed}`;
      out[name] = sha(cli(["run", scenario, "--seed", String(seed), "--json"]));
      process.stderr.write(`${name}\n`);
    }
  for (const scenario of BATCHES) {
    const dir = mkdtempSync(join(tmpdir(), "identical-"));
    try {
      cli(["batch", scenario, "--runs", "200", "--out", dir, "--quiet"]);
      for (const file of BATCH_FILES) out[`batch ${scenario} --runs 200: ${file}`] = sha(readFileSync(join(dir, file)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    process.stderr.write(`batch ${scenario}\n`);
  }
  out["in-process run scenarios/baseline.json x10 agents --seed 3"] = await scaledRunHash("scenarios/baseline.json", 10, 3);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const [mode, file] = argv;
  if ((mode !== "--record" && mode !== "--check") || !file) {
    process.stderr.write("usage: tsx bench/identical.ts --record FILE | --check FILE\n");
    return 2;
  }
  execFileSync("node", ["build.mjs"], { stdio: ["ignore", "ignore", "inherit"] });
  const hashes = await hashAll();
  if (mode === "--record") {
    writeFileSync(file, JSON.stringify(hashes, null, 2) + "\n");
    process.stdout.write(`recorded ${Object.keys(hashes).length} hashes in ${file}\n`);
    return 0;
  }
  const want = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  let bad = 0;
  for (const [name, h] of Object.entries(want)) {
    const ok = hashes[name] === h;
    if (!ok) bad++;
    process.stdout.write(`${ok ? "same     " : "DIFFERENT"} ${name}\n`);
  }
  process.stdout.write(bad === 0 ? `results unchanged (${Object.keys(want).length} hashes)\n` : `${bad} of ${Object.keys(want).length} differ\n`);
  return bad === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
