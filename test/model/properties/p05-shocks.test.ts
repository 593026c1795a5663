/**
 * Property 5 (docs/model.md, "Properties"): with every other growth term off and rho = 0, 0.5,
 * 0.9, the sd of annual log capacity growth over 10,000 firm-years of one age cohort is sigma
 * within 10%, and mean capacity after 20 quarters is the sigma = 0 path within 1% (the j(age)
 * correction removes the drift that a zero-mean log shock would add).
 */
import { describe, expect, it } from "vitest";
import { invest } from "../../../src/model/investment.js";
import { FirmStore, Stage } from "../../../src/model/state.js";
import { shockSumVariance, shockTable } from "../../../src/model/shocks.js";
import { clone, model, scenario } from "../fixtures.js";

const FIRMS = 10_000;

/** ln capacity of a cohort of FIRMS firms at quarters 0, 4, ..., 20 with no growth but the shock. */
async function cohort(rho: number, sigma: number, seed: number): Promise<Float64Array[]> {
  const sc = clone(await scenario("wenjiang-2017-prior.json"));
  sc.dynamics.shockPersistence = rho;
  sc.dynamics.shockVolatility = sigma;
  const { p, s } = model(sc, seed);
  s.firms = new FirmStore(FIRMS);
  s.passes.reset(seed, 0);
  for (let k = 0; k < FIRMS; k++) {
    const i = s.firms.add(0, 0, 0, Stage.producing, k + 1, 0);
    s.firms.capacity[i] = s.firms.desired[i] = 1;
    s.firms.landMu[i] = 1e12;
    s.firms.prodQ[i] = 0;
    s.firms.shock[i] = p.dynamics.shockSd * s.passes.shockEntry.normal(k + 1, 1);
  }
  const snapshots = [Float64Array.from({ length: FIRMS }, () => 0)];
  for (let q = 1; q <= 20; q++) {
    s.quarter = q;
    s.passes.reset(seed, q);
    for (let k = 0; k < FIRMS; k++) invest(p, s, k, 0);
    if (q % 4 === 0) snapshots.push(Float64Array.from(s.firms.desired.subarray(0, FIRMS), Math.log));
  }
  return snapshots;
}

const sd = (xs: Float64Array) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / (xs.length - 1));
};

describe("property 5: the firm shock has the stated annual sd and no drift", () => {
  it.each([0, 0.5, 0.9])("rho = %s: sd of annual log growth = sigma (10%), mean capacity after 20 quarters = 1 (1%)", async (rho) => {
    const sigma = 0.1;
    const lnK = await cohort(rho, sigma, 17);
    for (let year = 1; year <= 5; year++) {
      const growth = lnK[year].map((x, k) => x - lnK[year - 1][k]);
      expect(Math.abs(sd(growth) / sigma - 1)).toBeLessThan(0.1);
    }
    const mean = lnK[5].reduce((a, x) => a + Math.exp(x), 0) / FIRMS;
    expect(Math.abs(mean - 1)).toBeLessThan(0.01);
  });

  it("with sigma = 0 capacity stays exactly on its path", async () => {
    const lnK = await cohort(0.7, 0, 3);
    for (const x of lnK[5]) expect(x).toBe(0);
  });

  it("j(a) sums to half the variance of the first a shocks", () => {
    const rho = 0.6;
    const sEta = 0.05;
    const j = shockTable(rho, sEta, 30);
    let sum = 0;
    let rhoPow = 1;
    for (let a = 1; a < 30; a++) {
      sum += j[a];
      rhoPow *= rho;
      expect(sum).toBeCloseTo(shockSumVariance(rho, sEta, a, rhoPow) / 2, 15);
    }
    // V(2) = 2 v (1 + rho) with v the stationary variance
    const v = (sEta * sEta) / (1 - rho * rho);
    expect(shockSumVariance(rho, sEta, 2, rho * rho)).toBeCloseTo(2 * v * (1 + rho), 15);
  });
});
