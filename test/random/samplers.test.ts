import { describe, expect, it } from "vitest";
import { keyedStream } from "../../src/random/keyed.js";
import { exp, normalCdf } from "../../src/random/math.js";
import {
  bernoulli,
  beta,
  choice,
  exponential,
  gammaVariate,
  lognormal,
  normal,
  triangular,
  truncatedLognormal,
  truncatedNormal,
  uniform,
} from "../../src/random/samplers.js";
import { runStream, type RandomStream } from "../../src/random/streams.js";
import { fraction, moments, sample, seProportion, type Moments, range } from "./helpers.js";

const N = 100_000;

/** Asserts sample moments against theory within 5 standard errors. */
function expectMoments(m: Moments, mean: number, variance: number): void {
  expect(Math.abs(m.mean - mean), `mean ${m.mean} vs ${mean}`).toBeLessThan(5 * m.seMean);
  expect(Math.abs(m.variance - variance), `variance ${m.variance} vs ${variance}`).toBeLessThan(5 * m.seVariance);
}

/** Asserts that the fraction of xs below x is p within 5 standard errors. */
function expectQuantile(xs: Float64Array, x: number, p: number): void {
  expect(Math.abs(fraction(xs, (v) => v <= x) - p), `P(X <= ${x})`).toBeLessThan(5 * seProportion(p, xs.length));
}

/** n draws of f(u) with u from a fixed named stream. */
function draws(name: string, f: (u: number) => number, n = N): Float64Array {
  const s = runStream(2024, name);
  return sample(n, () => f(s.next()));
}

describe("continuous inverse-CDF samplers", () => {
  it("uniform", () => {
    const xs = draws("uniform", (u) => uniform(2, 5, u));
    expectMoments(moments(xs), 3.5, 0.75);
    expectQuantile(xs, 2.3, 0.1);
  });

  it("normal", () => {
    const xs = draws("normal", (u) => normal(1.5, 2, u));
    expectMoments(moments(xs), 1.5, 4);
    expectQuantile(xs, 1.5 - 2 * 1.6448536269514722, 0.05);
    expectQuantile(xs, 1.5, 0.5);
    expectQuantile(xs, 1.5 + 2, 0.8413447460685429);
  });

  it("lognormal", () => {
    const mu = 0.2;
    const s = 0.5;
    const xs = draws("lognormal", (u) => lognormal(mu, s, u));
    const mean = Math.exp(mu + (s * s) / 2);
    expectMoments(moments(xs), mean, (Math.exp(s * s) - 1) * mean * mean);
    expectQuantile(xs, Math.exp(mu), 0.5);
  });

  it("exponential and bernoulli", () => {
    expectMoments(moments(draws("exp", (u) => exponential(2, u))), 0.5, 0.25);
    const bs = draws("bern", (u) => (bernoulli(0.3, u) ? 1 : 0));
    expect(Math.abs(moments(bs).mean - 0.3)).toBeLessThan(5 * seProportion(0.3, N));
  });

  it("triangular", () => {
    const xs = draws("tri", (u) => triangular(1, 2, 5, u));
    expectMoments(moments(xs), 8 / 3, 13 / 18);
    expectQuantile(xs, 2, 0.25);
    expect(range(xs)[0]).toBeGreaterThanOrEqual(1);
    expect(range(xs)[1]).toBeLessThanOrEqual(5);
    expect(triangular(3, 3, 3, 0.4)).toBe(3);
  });

  it("are non-decreasing in u", () => {
    const fs: ((u: number) => number)[] = [
      (u) => normal(0, 1, u),
      (u) => lognormal(0, 1, u),
      (u) => triangular(0, 0.2, 1, u),
      (u) => truncatedNormal(0, 1, -0.5, 3, u),
      (u) => truncatedNormal(0, 1, 6, 9, u),
      (u) => truncatedLognormal(0, 1, 0.5, 4, u),
    ];
    for (const f of fs) {
      let prev = -Infinity;
      for (let u = 1e-9; u < 1; u += 0.0013) {
        const x = f(u);
        expect(x).toBeGreaterThanOrEqual(prev);
        prev = x;
      }
    }
  });
});

describe("truncated samplers", () => {
  /** Mean of Normal(mean, sd) truncated to [lo, hi], by the textbook formula. */
  function truncMean(mean: number, sd: number, lo: number, hi: number): number {
    const a = (lo - mean) / sd;
    const b = (hi - mean) / sd;
    const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    // Mass computed in the lower tail (mirrored when a > 0) to avoid cancellation.
    const mass = a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
    return mean + (sd * (phi(a) - phi(b))) / mass;
  }

  it("truncated normal stays in bounds and has the truncated mean", () => {
    const xs = draws("tn", (u) => truncatedNormal(1, 2, 0, 2.5, u));
    expect(range(xs)[0]).toBeGreaterThanOrEqual(0);
    expect(range(xs)[1]).toBeLessThanOrEqual(2.5);
    const m = moments(xs);
    expect(Math.abs(m.mean - truncMean(1, 2, 0, 2.5))).toBeLessThan(5 * m.seMean);
  });

  it("stays in bounds for many random parameters, including far tails and one-sided bounds", () => {
    const s = runStream(5, "params");
    let outside = 0;
    for (let i = 0; i < 20_000; i++) {
      const mean = (s.next() - 0.5) * 20;
      const sd = s.next() * 3;
      const lo = s.next() < 0.1 ? -Infinity : mean + (s.next() - 0.3) * 40;
      const hi = s.next() < 0.1 ? Infinity : lo + s.next() * 5;
      const x = truncatedNormal(mean, sd, lo, hi, s.next());
      if (!(x >= lo && x <= hi)) outside++;
    }
    expect(outside).toBe(0);
    // 30 and 45 standard deviations out: nearest bound.
    expect(truncatedNormal(0, 1, 30, 31, 0.5)).toBeGreaterThanOrEqual(30);
    expect(truncatedNormal(0, 1, 45, 46, 0.5)).toBe(45);
    expect(truncatedNormal(0, 1, -46, -45, 0.5)).toBe(-45);
  });

  it("far-tail truncated normal matches its mean (mirror-tail path)", () => {
    const xs = draws("tail", (u) => truncatedNormal(0, 1, 8, Infinity, u), 20_000);
    const m = moments(xs);
    expect(range(xs)[0]).toBeGreaterThanOrEqual(8);
    expect(Math.abs(m.mean - truncMean(0, 1, 8, Infinity))).toBeLessThan(5 * m.seMean);
    expect(truncMean(0, 1, 8, Infinity)).toBeCloseTo(8.121368112236113, 12);
  });

  it("truncated lognormal stays in bounds with the right median", () => {
    const xs = draws("tln", (u) => truncatedLognormal(0, 1, 0.5, 3, u));
    expect(range(xs)[0]).toBeGreaterThanOrEqual(0.5);
    expect(range(xs)[1]).toBeLessThanOrEqual(3);
    // Median of the truncated law: exp(Φ⁻¹((Φ(ln 0.5) + Φ(ln 3)) / 2)), checked through the CDF.
    const pLo = normalCdf(Math.log(0.5));
    const pHi = normalCdf(Math.log(3));
    expectQuantile(xs, 1, (normalCdf(0) - pLo) / (pHi - pLo));
    expect(truncatedLognormal(0, 1, 0, Infinity, 0.5)).toBeCloseTo(1, 14);
  });

  it("rejects inverted bounds and negative sd", () => {
    expect(() => truncatedNormal(0, 1, 2, 1, 0.5)).toThrow(RangeError);
    expect(() => truncatedNormal(0, -1, 0, 1, 0.5)).toThrow(RangeError);
    expect(() => truncatedLognormal(0, 1, -1, 1, 0.5)).toThrow(RangeError);
    expect(truncatedNormal(0, 0, 1, 2, 0.5)).toBe(1);
  });
});

describe("choice", () => {
  it("picks with the given weights and never a zero-weight value", () => {
    const values = [10, 20, 30, 40];
    const weights = [1, 2, 0, 7];
    const xs = draws("choice", (u) => choice(values, weights, u));
    for (const [v, p] of [[10, 0.1], [20, 0.2], [40, 0.7]] as const) {
      expect(Math.abs(fraction(xs, (x) => x === v) - p)).toBeLessThan(5 * seProportion(p, N));
    }
    expect(fraction(xs, (x) => x === 30)).toBe(0);
  });
  it("is uniform without weights", () => {
    const xs = draws("choice-eq", (u) => choice([1, 2, 3], undefined, u));
    for (const v of [1, 2, 3]) expect(Math.abs(fraction(xs, (x) => x === v) - 1 / 3)).toBeLessThan(5 * seProportion(1 / 3, N));
    expect(choice(["a", "b"], undefined, 1 - 2 ** -53)).toBe("b");
  });
  it("rejects bad inputs", () => {
    expect(() => choice([], undefined, 0.5)).toThrow(RangeError);
    expect(() => choice([1, 2], [1], 0.5)).toThrow(RangeError);
    expect(() => choice([1, 2], [0, 0], 0.5)).toThrow(RangeError);
    expect(() => choice([1, 2], [1, -1], 0.5)).toThrow(RangeError);
  });
});

describe("gamma and beta from a stream", () => {
  const stream = (name: string): RandomStream => runStream(99, name);

  it("gamma has mean shape·scale and variance shape·scale², for shape above and below 1", () => {
    for (const [shape, scale] of [[3, 2], [0.4, 1.5], [1, 1]] as const) {
      const s = stream(`gamma${shape}`);
      expectMoments(moments(sample(N, () => gammaVariate(shape, scale, s))), shape * scale, shape * scale * scale);
    }
  });

  it("beta has the theoretical mean and variance", () => {
    for (const [a, b] of [[2, 5], [0.5, 0.5], [0.3, 3], [40, 60]] as const) {
      const s = stream(`beta${a}-${b}`);
      const xs = sample(N, () => beta(a, b, s));
      expect(range(xs)[0]).toBeGreaterThanOrEqual(0);
      expect(range(xs)[1]).toBeLessThanOrEqual(1);
      const mean = a / (a + b);
      expectMoments(moments(xs), mean, (a * b) / ((a + b) * (a + b) * (a + b + 1)));
    }
  });

  it("works on keyed streams and tiny shapes without NaN", () => {
    const s = keyedStream(1, 2, 3, 4);
    for (let i = 0; i < 1000; i++) {
      const x = beta(0.01, 0.02, s);
      expect(x >= 0 && x <= 1).toBe(true);
    }
    expect(exp(0)).toBe(1);
    expect(() => gammaVariate(0, 1, s)).toThrow(RangeError);
  });
});
