/**
 * Property 4 (docs/model.md, "Properties"): in one quarter, added capacity in any industry raises
 * the wage weakly and never lowers district value added or output; interior marginal revenue
 * products per efficiency unit equal the wage (1e-9); every quarter |demand - supply| <= 1e-9
 * x supply.
 */
import { describe, expect, it } from "vitest";
import { clearLabour } from "../../../src/model/labour.js";
import { runScenario } from "../../../src/model/run.js";
import type { ModelParams } from "../../../src/model/params.js";
import type { ModelState } from "../../../src/model/model-state.js";
import { scenario, stepped } from "../fixtures.js";

/** Clears the market with the given potential output per industry; returns wage, output and value added. */
function clearWith(p: ModelParams, s: ModelState, potential: Float64Array) {
  s.industryPotential.set(potential);
  clearLabour(p, s, new Float64Array(potential.length));
  let output = 0;
  let va = 0;
  for (let i = 0; i < potential.length; i++) {
    output += potential[i] * s.utilisation[i];
    va += potential[i] * s.utilisation[i] * p.industry.valueAddedRatio[i];
  }
  return { wage: s.wage[0], output, va, u: Float64Array.from(s.utilisation) };
}

describe("property 4: the clearing wage", () => {
  it.each([[1, 6], [2, 12], [3, 20], [4, 27]])("seed %i, quarter %i: added capacity raises w weakly, never lowers output or value added", async (seed, quarters) => {
    const sim = stepped(await scenario("baseline.json"), seed, quarters);
    const { p, s } = sim;
    const base = Float64Array.from(s.industryPotential);
    const before = clearWith(p, s, base);
    for (let i = 0; i < base.length; i++) {
      for (const add of [0.01, 0.1, 1]) {
        const more = Float64Array.from(base);
        more[i] += add * (base[i] + 1);
        const after = clearWith(p, s, more);
        expect(after.wage).toBeGreaterThanOrEqual(before.wage * (1 - 1e-12));
        expect(after.output).toBeGreaterThanOrEqual(before.output * (1 - 1e-12));
        expect(after.va).toBeGreaterThanOrEqual(before.va * (1 - 1e-12));
      }
    }
  });

  it("interior marginal revenue products per efficiency unit equal the wage", async () => {
    const sim = stepped(await scenario("baseline.json"), 5, 16);
    const { p, s } = sim;
    let interior = 0;
    for (let i = 0; i < p.industries.ids.length; i++) {
      const u = s.utilisation[i];
      if (u >= 1 || s.fullEfficiency[i] <= 0) continue;
      interior += 1;
      const beta = p.industry.beta[i];
      const q = s.industryPotential[i] * u;
      const efficiencyUnits = s.fullEfficiency[i] * Math.pow(u, 1 / beta);
      const mrp = ((beta * q) / efficiencyUnits) * 1e4; // 亿元 to 万元 per efficiency unit-year, the wage's unit
      expect(Math.abs(mrp / s.wage[p.industry.market[i]] - 1)).toBeLessThan(1e-9);
    }
    expect(interior).toBeGreaterThan(0);
  });

  it("every quarter of every shipped district scenario clears within 1e-9 of supply", async () => {
    for (const file of ["no-plan.json", "baseline.json", "lever-talent.json", "lever-promotion.json"]) {
      for (const seed of [1, 2, 3]) {
        let quarters = 0;
        runScenario(await scenario(file), seed, {
          afterStep: (_p, s) => {
            quarters += 1;
            expect(s.clearingResidual).toBeLessThanOrEqual(1e-9);
            for (let m = 0; m < s.wage.length; m++) expect(Math.abs(s.labourDemand[m] - s.labourSupply[m])).toBeLessThanOrEqual(1e-9 * s.labourSupply[m]);
          },
        });
        expect(quarters).toBe(28);
      }
    }
  });
});
