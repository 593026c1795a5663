import { describe, expect, it } from "vitest";
import { allocateKernel, initKernel, kernelAgentSteps, runKernel } from "../../bench/kernel.js";
import {
  allocateNativeKernel,
  initNativeKernel,
  nativeKernelAgentSteps,
  nativeNormalQuantile,
  nativeStartState,
  runNativeKernel,
  stepNativeKernel,
  xorshift32,
} from "../../bench/kernel-native.js";
import { normalQuantile } from "../../src/random/math.js";

type Store = ReturnType<typeof allocateNativeKernel>;

const totalLand = (st: Store): number => {
  let sum = 0;
  for (let p = 0; p < st.landFree.length; p++) sum += st.landFree[p];
  for (let k = 0; k < st.agents; k++) sum += st.landMu[k];
  return sum;
};

/** Mean and standard error of xs. */
const meanSe = (xs: number[]): [number, number] => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - m) * (x - m), 0) / (xs.length - 1);
  return [m, Math.sqrt(v / xs.length)];
};

describe("xorshift32 and the native normal quantile", () => {
  it("xorshift32 is Marsaglia's 13/17/5 step (checked against BigInt arithmetic) and never reaches 0", () => {
    let x = nativeStartState(7);
    let ref = BigInt.asUintN(32, BigInt(x));
    for (let i = 0; i < 10_000; i++) {
      x = xorshift32(x);
      ref ^= (ref << 13n) & 0xffffffffn;
      ref ^= ref >> 17n;
      ref ^= (ref << 5n) & 0xffffffffn;
      expect(x >>> 0).toBe(Number(ref));
      expect(x).not.toBe(0);
    }
    for (let s = 0; s < 1000; s++) expect(nativeStartState(s)).not.toBe(0);
  });

  it("nativeNormalQuantile is AS 241 like src/random's normalQuantile (native log: within 1e-14)", () => {
    for (let i = 1; i < 2000; i++) {
      const p = i / 2000;
      expect(Math.abs(nativeNormalQuantile(p) - normalQuantile(p))).toBeLessThan(1e-14 * Math.max(1, Math.abs(normalQuantile(p))));
    }
    for (const p of [1e-300, 1e-20, 2.3e-10, 1 - 2 ** -32]) expect(nativeNormalQuantile(p)).toBeCloseTo(normalQuantile(p), 12);
  });
});

describe("native reference kernel", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const st = allocateNativeKernel(500);
    const a = runNativeKernel(st, 1, 20);
    expect(runNativeKernel(st, 1, 20)).toBe(a);
    expect(runNativeKernel(allocateNativeKernel(500), 1, 20)).toBe(a);
    expect(runNativeKernel(st, 2, 20)).not.toBe(a);
    expect(Number.isFinite(a) && a > 0).toBe(true);
  });

  it("lays out the same agents as the frozen kernel and counts the same agent-steps", () => {
    const n = 1000;
    const frozen = allocateKernel(n);
    const native = allocateNativeKernel(n);
    initKernel(frozen, 4);
    initNativeKernel(native, 4);
    for (const field of ["key", "industry", "park", "tier", "entryQuarter"] as const) expect(native[field]).toEqual(frozen[field]);
    expect(native.agents).toBe(frozen.agents);
    expect(nativeKernelAgentSteps(3000, 20)).toBe(kernelAgentSteps(3000, 20));
    expect(nativeKernelAgentSteps(2.7, 20)).toBe(kernelAgentSteps(2.7, 20));
  });

  it("conserves land (grants and exits only move it between parks and agents)", () => {
    const st = allocateNativeKernel(2000);
    initNativeKernel(st, 5);
    const before = totalLand(st);
    for (let q = 0; q < 20; q++) stepNativeKernel(st, q);
    expect(totalLand(st)).toBeCloseTo(before, 6);
  });

  it("refills exited slots, so every slot is updated every quarter", () => {
    const st = allocateNativeKernel(3000);
    initNativeKernel(st, 9);
    for (let q = 0; q < 20; q++) stepNativeKernel(st, q);
    expect(st.born).toBeGreaterThan(3000);
    for (let k = 0; k < st.agents; k++) expect(st.capacity[k]).toBeGreaterThan(0);
  });

  it("keeps output within the market caps", () => {
    const st = allocateNativeKernel(1000);
    initNativeKernel(st, 3);
    for (let q = 0; q < 20; q++) {
      stepNativeKernel(st, q);
      for (let i = 0; i < st.industryOutput.length; i++) {
        let out = 0;
        for (let k = 0; k < st.agents; k++) if (st.industry[k] === i) out += st.output[k];
        expect(out).toBeLessThanOrEqual(st.marketCap0[i] * st.marketIndex[i] * (1 + 1e-9));
      }
    }
  });

  it("does the frozen kernel's work: over 8 seeds the same mean output, exits and capacity (within 5 standard errors)", () => {
    const n = 10_000;
    const frozen = allocateKernel(n);
    const native = allocateNativeKernel(n);
    const figures = { output: [[], []], exits: [[], []], capacity: [[], []] } as Record<string, [number[], number[]]>;
    for (let seed = 1; seed <= 8; seed++) {
      const outs = [runKernel(frozen, seed, 20), runNativeKernel(native, seed, 20)];
      [frozen, native].forEach((st, side) => {
        figures.output[side].push(outs[side]);
        figures.exits[side].push(st.born - n);
        figures.capacity[side].push(st.capacity.reduce((s, c) => s + c, 0));
      });
    }
    for (const [name, [a, b]] of Object.entries(figures)) {
      const [ma, sa] = meanSe(a);
      const [mb, sb] = meanSe(b);
      expect(Math.abs(ma - mb), `${name}: frozen ${ma}, native ${mb}`).toBeLessThan(5 * Math.sqrt(sa * sa + sb * sb));
      expect(ma).toBeGreaterThan(0);
    }
  });
});
