import { describe, expect, it } from "vitest";
import { keyedUniform } from "../../src/random/keyed.js";
import { poisson, POISSON_SEQUENTIAL_MAX_RATE } from "../../src/random/poisson.js";
import { runStream } from "../../src/random/streams.js";
import { fraction, moments, sample, seProportion } from "./helpers.js";

/** Independent reference: CDF F[k] and survival S[k] = P(X > k) from log-space pmf terms. */
function reference(rate: number): { F: number[]; S: number[] } {
  const kMax = Math.ceil(rate + 12 * Math.sqrt(rate) + 40);
  const pmf: number[] = [];
  let logFact = 0;
  for (let k = 0; k <= kMax; k++) {
    if (k > 0) logFact += Math.log(k);
    pmf.push(Math.exp(k * Math.log(rate) - rate - logFact));
  }
  const F: number[] = [];
  let c = 0;
  for (const p of pmf) F.push((c += p));
  const S: number[] = new Array(pmf.length).fill(0);
  let s = 0;
  for (let k = kMax; k >= 0; k--) {
    S[k] = s;
    s += pmf[k];
  }
  return { F, S };
}

/** Reference inverse CDF, or undefined when u is within `tol` of a CDF step (ambiguous in floating point). */
function referenceQuantile(ref: { F: number[]; S: number[] }, u: number, tol = 1e-9): number | undefined {
  const { F, S } = ref;
  for (let k = 0; k < F.length; k++) {
    const hit = u <= 0.5 ? F[k] >= u : S[k] <= 1 - u;
    if (hit) {
      // Compare in the tail where the reference is accurate: F below the median, S above.
      const [lo, hi, t] = u <= 0.5 ? [F[k - 1], F[k], u] : [S[k - 1], S[k], 1 - u];
      const near = (k > 0 && Math.abs(lo - t) < tol * t) || Math.abs(hi - t) < tol * t;
      return near ? undefined : k;
    }
  }
  return undefined;
}

const EXTREME_U = [2 ** -53, 1e-15, 1e-9, 1 - 1e-9, 1 - 2 ** -33, 1 - 2 ** -32, 1 - 1e-15, 1 - 2 ** -53];

describe("poisson moments and probabilities", () => {
  for (const [rate, n] of [[0.3, 100_000], [4, 100_000], [50, 100_000], [2000, 30_000]] as const) {
    it(`rate ${rate}: mean and variance equal the rate`, () => {
      const s = runStream(11, `poisson${rate}`);
      const m = moments(sample(n, () => poisson(rate, s.next())));
      expect(Math.abs(m.mean - rate)).toBeLessThan(5 * Math.sqrt(rate / n));
      expect(Math.abs(m.variance - rate)).toBeLessThan(5 * Math.sqrt((rate + 2 * rate * rate) / n));
    });
  }

  it("P(X = k) matches the pmf for small rates", () => {
    for (const [rate, kMax] of [[0.3, 3], [4, 10]] as const) {
      const n = 100_000;
      const s = runStream(12, `pmf${rate}`);
      const xs = sample(n, () => poisson(rate, s.next()));
      let logFact = 0;
      for (let k = 0; k <= kMax; k++) {
        if (k > 0) logFact += Math.log(k);
        const p = Math.exp(k * Math.log(rate) - rate - logFact);
        expect(Math.abs(fraction(xs, (x) => x === k) - p), `rate ${rate}, k ${k}`).toBeLessThan(5 * seProportion(p, n) + 1e-12);
      }
    }
  });
});

describe("poisson is the exact inverse CDF", () => {
  it("agrees with an independent reference on a grid of u, including extreme u", () => {
    const rates = [0.3, 1, 4, 29.9, 50, 99.9, POISSON_SEQUENTIAL_MAX_RATE, 150.5, 2000];
    for (const rate of rates) {
      const ref = reference(rate);
      const us = [...EXTREME_U];
      for (let i = 0; i < 500; i++) us.push((i + 0.5) / 500);
      let compared = 0;
      for (const u of us) {
        const want = referenceQuantile(ref, u);
        if (want === undefined) continue;
        compared++;
        expect(poisson(rate, u), `rate ${rate}, u ${u}`).toBe(want);
      }
      expect(compared).toBeGreaterThan(us.length - 5);
    }
  });

  it("gives the median λ and sensible tails at rate 1e5 without O(rate) work", () => {
    expect(poisson(1e5, 0.5)).toBe(100_000);
    const sd = Math.sqrt(1e5);
    // Φ(±3); Poisson skewness shifts these by about (z² − 1)/6 ≈ 1.3 counts.
    expect(Math.abs(poisson(1e5, 0.9986501019683699) - (1e5 + 3 * sd + 4 / 3))).toBeLessThan(2);
    expect(Math.abs(poisson(1e5, 0.0013498980316301035) - (1e5 - 3 * sd + 4 / 3))).toBeLessThan(2);
    expect(poisson(1e5, 2 ** -53)).toBeGreaterThan(1e5 - 10 * sd);
    expect(poisson(1e5, 1 - 2 ** -53)).toBeLessThan(1e5 + 10 * sd);
  });

  it("handles zero and rejects invalid rates", () => {
    expect(poisson(0, 0.999)).toBe(0);
    expect(poisson(1e-300, 1 - 2 ** -53)).toBe(0);
    for (const bad of [-1, NaN, Infinity]) expect(() => poisson(bad, 0.5)).toThrow(RangeError);
  });
});

describe("poisson monotonicity (common random numbers)", () => {
  const rates: number[] = [];
  for (let r = 0.01; r < 3000; r *= 1.07) rates.push(r);
  rates.push(POISSON_SEQUENTIAL_MAX_RATE - 1e-9, POISSON_SEQUENTIAL_MAX_RATE, POISSON_SEQUENTIAL_MAX_RATE + 1e-9, 99.5, 100.5);
  rates.sort((a, b) => a - b);
  const us = [...EXTREME_U];
  for (let i = 0; i < 1500; i++) us.push(keyedUniform(3, 4, i, 0, 0));

  it("never gives fewer events for a larger rate at the same u", () => {
    const violations: string[] = [];
    for (const u of us) {
      let prev = 0;
      let prevRate = 0;
      for (const rate of rates) {
        const k = poisson(rate, u);
        if (k < prev) violations.push(`u=${u}: rate ${prevRate} -> ${prev}, rate ${rate} -> ${k}`);
        prev = k;
        prevRate = rate;
      }
    }
    expect(violations).toEqual([]);
  });

  it("is non-decreasing in u for a fixed rate", () => {
    for (const rate of [0.3, 7, 99.99, 100, 640]) {
      let prev = 0;
      for (let u = 1e-6; u < 1; u += 0.0007) {
        const k = poisson(rate, u);
        expect(k).toBeGreaterThanOrEqual(prev);
        prev = k;
      }
    }
  });
});
