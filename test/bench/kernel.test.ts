import { describe, expect, it } from "vitest";
import { allocateKernel, initKernel, kernelAgentSteps, runKernel, stepKernel } from "../../bench/kernel.js";

const totalLand = (st: ReturnType<typeof allocateKernel>): number => {
  let sum = 0;
  for (let p = 0; p < st.landFree.length; p++) sum += st.landFree[p];
  for (let k = 0; k < st.agents; k++) sum += st.landMu[k];
  return sum;
};

describe("reference kernel", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const st = allocateKernel(500);
    const a = runKernel(st, 1, 20);
    expect(runKernel(st, 1, 20)).toBe(a);
    expect(runKernel(allocateKernel(500), 1, 20)).toBe(a);
    expect(runKernel(st, 2, 20)).not.toBe(a);
    expect(Number.isFinite(a) && a > 0).toBe(true);
  });

  it("conserves land (grants and exits only move it between parks and agents)", () => {
    const st = allocateKernel(2000);
    initKernel(st, 5);
    const before = totalLand(st);
    for (let q = 0; q < 20; q++) stepKernel(st, 5, q);
    expect(totalLand(st)).toBeCloseTo(before, 6);
  });

  it("refills exited slots, so every slot is updated every quarter", () => {
    const st = allocateKernel(3000);
    initKernel(st, 9);
    for (let q = 0; q < 20; q++) stepKernel(st, 9, q);
    expect(st.born).toBeGreaterThan(3000); // some exits happened and were replaced
    for (let k = 0; k < st.agents; k++) expect(st.capacity[k]).toBeGreaterThan(0);
    expect(kernelAgentSteps(3000, 20)).toBe(60_000);
  });

  it("keeps output within the market caps and the talent pools", () => {
    const st = allocateKernel(1000);
    initKernel(st, 3);
    for (let q = 0; q < 20; q++) {
      stepKernel(st, 3, q);
      for (let i = 0; i < st.industryOutput.length; i++) {
        let out = 0;
        for (let k = 0; k < st.agents; k++) if (st.industry[k] === i) out += st.output[k];
        expect(out).toBeLessThanOrEqual(st.marketCap0[i] * st.marketIndex[i] * (1 + 1e-9));
      }
    }
  });
});
