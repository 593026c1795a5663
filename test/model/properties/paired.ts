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

/** Per year: the mean relative change, its 95% lower bound, and the share of pairs falling by more than `drop`. */
export function changeSummary(changes: number[][], drop: number) {
  const n = changes.length;
  return changes[0].map((_, y) => {
    const xs = changes.map((row) => row[y]);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1));
    return { mean, low: mean - (1.96 * sd) / Math.sqrt(n), fallShare: xs.filter((x) => x < -drop).length / n };
  });
}
