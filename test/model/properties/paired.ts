/** Paired runs with common random numbers for the slow property tests: district output by year and its paired changes. */
import { runScenario } from "../../../src/model/run.js";
import type { Scenario } from "../../../src/scenario/schema.js";
import { districtOutput } from "../fixtures.js";

/** Per pair and year (projection years only): the relative change of district output, alternative over base. */
export function pairedOutputChanges(base: Scenario, alt: Scenario, pairs: number, firstSeed: number): { years: number[]; changes: number[][] } {
  const changes: number[][] = [];
  let years: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const a = runScenario(base, firstSeed + i);
    const b = runScenario(alt, firstSeed + i);
    const first = a.projectionStartYear - a.startYear;
    const oa = districtOutput(a).slice(first);
    const ob = districtOutput(b).slice(first);
    years = oa.map((_, k) => a.projectionStartYear + k);
    changes.push(ob.map((x, k) => (x - oa[k]) / oa[k]));
  }
  return { years, changes };
}

/**
 * Per year: the mean relative change with its 95% interval, and the share of pairs falling by more
 * than `drop`. Property 3's "not below 0 (95% interval)" is read as: the interval reaches 0 or
 * above (the mean change is not significantly negative), as the v1 monotonicity tests did.
 */
export function changeSummary(changes: number[][], drop: number) {
  const n = changes.length;
  return changes[0].map((_, y) => {
    const xs = changes.map((row) => row[y]);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1));
    const half = (1.96 * sd) / Math.sqrt(n);
    return { mean, low: mean - half, high: mean + half, fallShare: xs.filter((x) => x < -drop).length / n };
  });
}
