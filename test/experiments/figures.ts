/**
 * Prints the figures docs/experiments.md quotes for experiments run through the command:
 * Sobol' indices of Ishigami and three Sobol' G problems at n = 4096 (design and bootstrap seed
 * 2017, 1000 resamples) against their analytic values, Morris mu* on G, and the planted PRIM box.
 * Run: npx tsx test/experiments/figures.ts
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ishigamiIndices, sobolGIndices, type AnalyticIndices } from "../../src/analysis/experiments/index.js";
import { parseCsv } from "../../src/batch/files/read.js";
import { main } from "../../src/cli/main.js";

const io = { stdout: () => {}, stderr: (t: string) => void process.stderr.write(t), color: false, stderrIsTTY: false };
const f3 = (v: string) => Number(v).toFixed(3);
const f4 = (v: string | number) => Number(v).toFixed(4);

/** Runs an experiment file through the CLI; returns a CSV of its folder as records. */
async function run(data: unknown): Promise<(file: string) => Record<string, string>[]> {
  const dir = mkdtempSync(join(tmpdir(), "clustersim-figures-"));
  writeFileSync(join(dir, "e.json"), JSON.stringify(data));
  const code = await main(["experiment", join(dir, "e.json"), "--workers", "0", "--out", join(dir, "o"), "--quiet"], io);
  if (code !== 0) throw new Error(`exit ${code}`);
  return (file) => {
    const [h, ...rows] = parseCsv(readFileSync(join(dir, "o", file), "utf8"));
    return rows.map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
  };
}

const problems: [string, Record<string, unknown>, AnalyticIndices][] = [
  ["Ishigami (a = 7, b = 0.1)", { testFunction: "ishigami" }, ishigamiIndices()],
  ...[[0, 1, 4.5, 9, 99, 99, 99, 99], [0, 0, 0, 0], [0, 0.5, 3, 9, 99, 99]].map((a): [string, Record<string, unknown>, AnalyticIndices] => [`Sobol' G, a = [${a.join(", ")}]`, { testFunction: "sobol-g", a }, sobolGIndices(a)]),
];

for (const [name, model, exact] of problems) {
  const csv = await run({ name: "fig", model, design: { method: "saltelli", n: 4096 }, seed: 2017 });
  const rows = csv("indices.csv");
  const err = Math.max(...rows.flatMap((r, i) => [Math.abs(Number(r.S1) - exact.S1[i]), Math.abs(Number(r.ST) - exact.ST[i])]));
  console.log(`\n${name}: largest |estimate - exact| ${f4(err)}`);
  console.log("| factor | S1 exact | S1 [95%] | ST exact | ST [95%] |\n| --- | --- | --- | --- | --- |");
  rows.forEach((r, i) => console.log(`| ${r.factor} | ${f4(exact.S1[i])} | ${f4(r.S1)} [${f3(r.S1_low)}, ${f3(r.S1_high)}] | ${f4(exact.ST[i])} | ${f4(r.ST)} [${f3(r.ST_low)}, ${f3(r.ST_high)}] |`));
}

const morris = (await run({ name: "fig", model: { testFunction: "sobol-g", a: [0, 1, 4.5, 9, 99, 99, 99, 99] }, design: { method: "morris", trajectories: 20 }, seed: 2017 }))("indices.csv");
console.log(`\nMorris on G (r = 20, p = 4): mu* ${morris.map((r) => `${r.factor} ${f3(r.mu_star)} [${f3(r.mu_star_low)}, ${f3(r.mu_star_high)}]`).join("; ")}`);

const box = await run({ name: "fig", model: { testFunction: "box", dimensions: 5, box: [[0.2, 0.5], [0.6, 0.9]], noise: 0.3 }, design: { method: "lhs", n: 2000 }, replications: 2, outcomes: [{ name: "inside", output: "y", atLeast: 0.5 }], seed: 3, analysis: { prim: { threshold: 0.9 } } });
const b = box("boxes.csv");
console.log(`\nPlanted box [0.2, 0.5] x [0.6, 0.9] in [0, 1]^5, 2000 LHS points x 2 replications, noise sd 0.3: restricted ${b.filter((r) => r.restricted === "1").map((r) => `${r.factor} [${f3(r.low)}, ${f3(r.high)}]`).join(", ")}; density ${f3(b[0].density)}, coverage ${f3(b[0].coverage)}, mass ${f3(b[0].mass)}`);
