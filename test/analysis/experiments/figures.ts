/**
 * Prints the accuracy figures quoted in docs/experiments.md: analytic versus estimated Sobol'
 * indices (with 95% bootstrap intervals) for Ishigami and Sobol' G at n = 4096, and the largest
 * error over ten design seeds. Run: npx tsx test/analysis/experiments/figures.ts
 */
import {
  type AnalyticIndices,
  type Factor,
  ishigami,
  ishigamiFactors,
  ishigamiIndices,
  saltelliDesign,
  sobolG,
  sobolGFactors,
  sobolGIndices,
  sobolIndices,
} from "../../../src/analysis/experiments/index.js";

/** A test problem: factors, function and analytic indices. */
interface Problem {
  name: string;
  factors: Factor[];
  f: (x: number[]) => number;
  exact: AnalyticIndices;
}

const N = 4096;
const SEED = 2017;
const f3 = (v: number) => v.toFixed(3);
const f4 = (v: number) => v.toFixed(4);

const G_VECTORS = [[0, 1, 4.5, 9, 99, 99, 99, 99], [0, 0, 0, 0], [0, 0.5, 3, 9, 99, 99], [1, 2, 5, 10, 20, 50, 100, 500], [0, 0, 0, 0, 0, 0, 0, 0]];
const problems: Problem[] = [
  { name: "Ishigami (a = 7, b = 0.1)", factors: ishigamiFactors(), f: (x) => ishigami(x), exact: ishigamiIndices() },
  ...G_VECTORS.map((a) => ({ name: `Sobol' G, a = [${a.join(", ")}]`, factors: sobolGFactors(a.length), f: (x: number[]) => sobolG(x, a), exact: sobolGIndices(a) })),
];

for (const p of problems) {
  const d = saltelliDesign(p.factors, N, SEED);
  const r = sobolIndices(d, d.points.map(p.f), { resamples: 1000, seed: 1 });
  console.log(`\n${p.name}: n = ${N}, ${d.points.length} runs, design seed ${SEED}, 1000 bootstrap resamples`);
  console.log("| factor | S1 exact | S1 estimate [95% interval] | ST exact | ST estimate [95% interval] |");
  console.log("| --- | --- | --- | --- | --- |");
  r.indices.forEach((row, i) =>
    console.log(`| ${row.factor} | ${f4(p.exact.S1[i])} | ${f4(row.S1)} [${f3(row.S1_low)}, ${f3(row.S1_high)}] | ${f4(p.exact.ST[i])} | ${f4(row.ST)} [${f3(row.ST_low)}, ${f3(row.ST_high)}] |`),
  );
  const errors = Array.from({ length: 10 }, (_, seed) => {
    const ds = saltelliDesign(p.factors, N, seed);
    const rs = sobolIndices(ds, ds.points.map(p.f), { resamples: 0 });
    return Math.max(...rs.indices.flatMap((row, i) => [Math.abs(row.S1 - p.exact.S1[i]), Math.abs(row.ST - p.exact.ST[i])]));
  });
  console.log(`largest |estimate - exact| over design seeds 0..9: ${f4(Math.max(...errors))} (median ${f4(errors.sort((a, b) => a - b)[5])})`);
}
