import { describe, expect, it } from "vitest";
import { quantileSorted } from "simple-statistics";
import {
  meanInterval,
  newcombePairedInterval,
  pairedMeanDifference,
  quantilesType7,
  quantileType7,
  RunningMoments,
  T_EXACT_MAX_DF,
  tQuantile,
  varianceReduction,
  wilsonInterval,
} from "../../src/analysis/statistics.js";
import { keyedUniform, normalQuantile, streamId } from "../../src/random/index.js";

/** n uniforms (0, 1) from keyed draws of a named stream. */
function uniforms(n: number, stream: string, seed = 7): number[] {
  const id = streamId(stream);
  return Array.from({ length: n }, (_, i) => keyedUniform(seed, id, 0, 0, i));
}

/** Relative difference |x - ref| / |ref|. */
function rel(x: number, ref: number): number {
  return Math.abs(x - ref) / Math.abs(ref);
}

describe("quantileType7", () => {
  it("matches numpy.quantile (method 'linear') bit for bit", () => {
    // [1,2,3,4], p = 0.25: h = 3 * 0.25 = 0.75, 1 + 0.75 * (2 - 1) = 1.75; p = 0.75: h = 2.25 -> 3.25.
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileType7([1, 2, 3, 4], p))).toEqual([1, 1.75, 2.5, 3.25, 4]);
    // numpy.quantile([3,6,7,8,8,9,10,13,15,16,20], [0.05,0.1,0.33,0.9,0.95]):
    // p = 0.05: h = 0.5 -> 3 + 0.5 * 3 = 4.5; p = 0.33: h = 3.3 -> 8 + 0.3 * 0 = 8; p = 0.95: h = 9.5 -> 18.
    const x = [3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20];
    expect([0.05, 0.1, 0.33, 0.9, 0.95].map((p) => quantileType7(x, p))).toEqual([4.5, 6, 8, 16, 18]);
    // numpy.quantile([0.1,0.7,-2.5,3.3,1e-3,42.0,0.25], [0.05,0.25,0.5,0.75,0.95,0.999]) printed with repr():
    // sorted [-2.5, 0.001, 0.1, 0.25, 0.7, 3.3, 42]; p = 0.95: h = 5.7, t >= 0.5 so numpy computes
    // 42 - (42 - 3.3) * (1 - 0.7) = 30.389999999999972 (a + t (b - a) would round differently).
    const y = [0.1, 0.7, -2.5, 3.3, 1e-3, 42.0, 0.25];
    expect(quantilesType7(y, [0.05, 0.25, 0.5, 0.75, 0.95, 0.999])).toEqual([
      -1.7496999999999998, 0.0505, 0.25, 2.0, 30.389999999999972, 41.767799999999994,
    ]);
  });

  it("agrees with the textbook formula and with simple-statistics' quantileSorted (also type 7)", () => {
    const xs = Float64Array.from(uniforms(101, "q7"), (u) => normalQuantile(u) * 3).sort();
    for (let k = 0; k <= 200; k++) {
      const p = k / 200;
      const h = (xs.length - 1) * p;
      const j = Math.floor(h);
      const naive = j + 1 < xs.length ? xs[j] + (h - j) * (xs[j + 1] - xs[j]) : xs[j];
      expect(Math.abs(quantileType7(xs, p) - naive)).toBeLessThanOrEqual(1e-14);
      expect(Math.abs(quantileType7(xs, p) - quantileSorted(Array.from(xs), p))).toBeLessThanOrEqual(1e-14);
    }
  });

  it("handles one value, sorts a copy and rejects bad input", () => {
    expect(quantileType7([5], 0.3)).toBe(5);
    const v = [3, 1, 2];
    expect(quantilesType7(v, [0.5])).toEqual([2]);
    expect(v).toEqual([3, 1, 2]);
    expect(() => quantileType7([], 0.5)).toThrow(/no values/);
    expect(() => quantileType7([1, 2], 1.5)).toThrow(/p must lie/);
    expect(() => quantileType7([1, 2], NaN)).toThrow(/p must lie/);
    expect(() => quantilesType7([1, NaN], [0.5])).toThrow(/NaN/);
  });
});

describe("wilsonInterval", () => {
  it("reproduces published 95% intervals", () => {
    // 8/10: 0.4902 to 0.9433 (Wilson score interval without continuity correction).
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
    // Newcombe (1998, Statistics in Medicine 17:857-872) example 81/263: 0.2553 to 0.3662.
    const [lo2, hi2] = wilsonInterval(81, 263);
    expect(lo2).toBeCloseTo(0.2553, 4);
    expect(hi2).toBeCloseTo(0.3662, 4);
    // 0/10: 0 to 0.2775; 10/10: 0.7225 to 1.
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(10, 10)[0]).toBeCloseTo(0.7225, 4);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
  });

  it("matches the closed form at full precision and handles n = 0 and bad input", () => {
    // (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), computed with Python floats: 0.4901624715366418, 0.9433178485456248
    const [lo, hi] = wilsonInterval(8, 10);
    expect(rel(lo, 0.4901624715366418)).toBeLessThan(1e-14);
    expect(rel(hi, 0.9433178485456248)).toBeLessThan(1e-14);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    // z = 1 narrows the interval.
    expect(wilsonInterval(8, 10, 1)[0]).toBeGreaterThan(lo);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });
});

describe("tQuantile", () => {
  it("gives the textbook two-sided 95% values and closed forms for df = 1 and 2", () => {
    // Table values 12.706, 2.571, 2.042; scipy.stats.t.ppf(0.975, df) to full precision.
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.571, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(rel(tQuantile(0.975, 1), 12.706204736174694)).toBeLessThan(1e-12);
    expect(rel(tQuantile(0.975, 5), 2.5705818356363146)).toBeLessThan(1e-12);
    expect(rel(tQuantile(0.975, 30), 2.0422724563012378)).toBeLessThan(1e-12);
    // df = 1 is Cauchy: t_p = tan(pi (p - 1/2)); df = 2: t_p = (2p - 1) / sqrt(2 p (1 - p)).
    for (const p of [0.6, 0.9, 0.99, 0.9999999, 0.025]) {
      expect(rel(tQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-9);
      expect(rel(tQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-12);
    }
  });

  it("is symmetric, continuous at the switch to Cornish-Fisher and matches scipy for large df", () => {
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(0.025, 7)).toBe(-tQuantile(0.975, 7));
    // scipy.stats.t.ppf: (0.995, 4) 4.604094871349992, (0.95, 9) 1.833112932656237, (0.6, 1000) 0.25341451583949876,
    // (0.975, 99999) 1.9599877077718442, (0.9999, 5000) 3.721776168336806
    expect(rel(tQuantile(0.995, 4), 4.604094871349992)).toBeLessThan(1e-12);
    expect(rel(tQuantile(0.95, 9), 1.833112932656237)).toBeLessThan(1e-12);
    expect(rel(tQuantile(0.6, 1000), 0.25341451583949876)).toBeLessThan(1e-11);
    expect(rel(tQuantile(0.975, 99999), 1.9599877077718442)).toBeLessThan(1e-13);
    expect(rel(tQuantile(0.9999, 5000), 3.721776168336806)).toBeLessThan(1e-13);
    const exact = tQuantile(0.975, T_EXACT_MAX_DF);
    const cf = tQuantile(0.975, T_EXACT_MAX_DF + 1e-9);
    expect(rel(cf, exact)).toBeLessThan(1e-12);
    expect(tQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(() => tQuantile(1, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe("RunningMoments and meanInterval", () => {
  it("matches the two-pass mean and variance", () => {
    // Values with a large offset, where the naive sum-of-squares formula loses digits.
    const xs = uniforms(5000, "welford").map((u) => 1e6 + normalQuantile(u) * 2);
    const m = new RunningMoments();
    for (const x of xs) m.add(x);
    let mean = 0;
    for (const x of xs) mean += x;
    mean /= xs.length;
    let ss = 0;
    for (const x of xs) ss += (x - mean) * (x - mean);
    expect(m.n).toBe(5000);
    expect(rel(m.mean, mean)).toBeLessThan(1e-14);
    expect(rel(m.variance, ss / (xs.length - 1))).toBeLessThan(1e-9);
    expect(m.sd).toBe(Math.sqrt(m.variance));
  });

  it("gives scipy's t interval and null below two values", () => {
    // [1..5]: mean 3, sd sqrt(2.5), t_0.975(4) = 2.7764451051977934; scipy.stats.t.interval:
    // (1.0367568385224428, 4.963243161477557).
    const m = new RunningMoments();
    [1, 2, 3, 4, 5].forEach((x) => m.add(x));
    expect(m.mean).toBe(3);
    expect(m.variance).toBe(2.5);
    const ci = meanInterval(m);
    expect(ci).not.toBeNull();
    expect(rel(ci![0], 1.0367568385224428)).toBeLessThan(1e-12);
    expect(rel(ci![1], 4.963243161477557)).toBeLessThan(1e-12);
    const wider = meanInterval(m, 0.99)!;
    expect(wider[0]).toBeLessThan(ci![0]);
    const one = new RunningMoments().add(4);
    expect(one.mean).toBe(4);
    expect(one.variance).toBeNaN();
    expect(meanInterval(one)).toBeNull();
    expect(new RunningMoments().mean).toBeNaN();
    expect(() => new RunningMoments().add(NaN)).toThrow(/finite/);
    expect(() => new RunningMoments().add(Infinity)).toThrow(/finite/);
  });
});

describe("pairedMeanDifference", () => {
  it("is the t-interval of the differences", () => {
    // d = a - b = [1.1, -0.1, 1.3, 0.8, 1.2, -0.1]; numpy/scipy: mean 0.6999999999999998,
    // sd 0.6418722614352488, 95% t interval (0.0263963725892169, 1.3736036274107828).
    const a = [12.1, 9.8, 11.4, 10.0, 13.2, 8.7];
    const b = [11.0, 9.9, 10.1, 9.2, 12.0, 8.8];
    const r = pairedMeanDifference(a, b);
    expect(r.n).toBe(6);
    expect(rel(r.mean, 0.7)).toBeLessThan(1e-14);
    expect(rel(r.sdDiff!, 0.6418722614352488)).toBeLessThan(1e-12);
    expect(rel(r.lo!, 0.0263963725892169)).toBeLessThan(1e-10);
    expect(rel(r.hi!, 1.3736036274107828)).toBeLessThan(1e-12);
    expect(pairedMeanDifference([3], [1])).toEqual({ mean: 2, lo: null, hi: null, sdDiff: null, n: 1 });
    expect(() => pairedMeanDifference([1, 2], [1])).toThrow(/length/);
    expect(() => pairedMeanDifference([], [])).toThrow(/no pairs/);
  });
});

/** Paired boolean arrays holding a 2x2 table: both true, only a, only b, neither. */
function pairs(both: number, onlyA: number, onlyB: number, neither: number): [boolean[], boolean[]] {
  const a: boolean[] = [];
  const b: boolean[] = [];
  const push = (k: number, x: boolean, y: boolean) => {
    for (let i = 0; i < k; i++) {
      a.push(x);
      b.push(y);
    }
  };
  push(both, true, true);
  push(onlyA, true, false);
  push(onlyB, false, true);
  push(neither, false, false);
  return [a, b];
}

describe("newcombePairedInterval (Newcombe 1998, method 10)", () => {
  it("reproduces the Fagerland-Lydersen-Laake worked example", () => {
    // Cavo et al. (2012), complete response before/after consolidation therapy: table
    // [[59, 6], [16, 80]], N = 161. Fagerland, Lydersen & Laake, Statistical Analysis of
    // Contingency Tables (2017), ch. 8, Newcombe square-and-add: -0.0621 (95% CI -0.1186 to -0.0046).
    const [a, b] = pairs(59, 6, 16, 80);
    const r = newcombePairedInterval(a, b);
    expect(r.diff).toBeCloseTo(-0.0621, 4);
    expect(r.lo).toBeCloseTo(-0.1186, 4);
    expect(r.hi).toBeCloseTo(-0.0046, 4);
    // Independent Python computation of the same formula: -0.11862119563870992, -0.004625113933050047.
    expect(r.lo).toBeCloseTo(-0.11862119563870992, 13);
    expect(r.hi).toBeCloseTo(-0.004625113933050047, 13);
  });

  it("recomputes independently from Wilson intervals: phi corrected to 0 and a negative phi", () => {
    const check = (both: number, onlyA: number, onlyB: number, neither: number) => {
      const n = both + onlyA + onlyB + neither;
      const x1 = both + onlyA;
      const x2 = both + onlyB;
      const [l1, u1] = wilsonInterval(x1, n);
      const [l2, u2] = wilsonInterval(x2, n);
      const p1 = x1 / n;
      const p2 = x2 / n;
      const cross = both * neither - onlyA * onlyB;
      const c = cross > n / 2 ? cross - n / 2 : cross < 0 ? cross : 0;
      const phi = c / Math.sqrt(x1 * (n - x1) * x2 * (n - x2));
      const lo = p1 - p2 - Math.sqrt((p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2);
      const hi = p1 - p2 + Math.sqrt((p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2);
      const r = newcombePairedInterval(...pairs(both, onlyA, onlyB, neither));
      expect(r.diff).toBeCloseTo(p1 - p2, 14);
      expect(r.lo).toBeCloseTo(lo, 14);
      expect(r.hi).toBeCloseTo(hi, 14);
      return { r, phi };
    };
    // Bentur et al. (2009): [[1, 1], [7, 12]]: AD - BC = 5 <= N/2 = 10.5, so the corrected phi is 0
    // and the interval is the square-and-add of independent Wilson intervals (Python: -0.506920226686141, -0.02555912416485978).
    const bentur = check(1, 1, 7, 12);
    expect(bentur.phi).toBe(0);
    expect(bentur.r.lo).toBeCloseTo(-0.506920226686141, 13);
    expect(bentur.r.hi).toBeCloseTo(-0.02555912416485978, 13);
    expect(check(2, 20, 15, 3).phi).toBeLessThan(0);
    expect(check(40, 3, 1, 30).phi).toBeGreaterThan(0);
  });

  it("is antisymmetric in its arguments, narrows with correlation and handles edge cases", () => {
    const [a, b] = pairs(59, 6, 16, 80);
    const r = newcombePairedInterval(a, b);
    const s = newcombePairedInterval(b, a);
    expect(s.diff).toBe(-r.diff);
    expect(s.lo).toBeCloseTo(-r.hi, 15);
    expect(s.hi).toBeCloseTo(-r.lo, 15);
    // Same margins, more concordance -> narrower interval (positive correlation).
    const loose = newcombePairedInterval(...pairs(30, 35, 45, 51));
    expect(r.hi - r.lo).toBeLessThan(loose.hi - loose.lo);
    // Identical outcomes: diff 0 inside the interval; all true: margin empty, phi = 0.
    const same = newcombePairedInterval(...pairs(10, 0, 0, 10));
    expect(same.diff).toBe(0);
    expect(same.lo).toBeLessThan(0);
    expect(same.hi).toBeGreaterThan(0);
    const allTrue = newcombePairedInterval(...pairs(5, 0, 0, 0));
    expect(allTrue.lo).toBeGreaterThanOrEqual(-1);
    expect(allTrue.hi).toBeLessThanOrEqual(1);
    expect(newcombePairedInterval([], [])).toEqual({ diff: 0, lo: -1, hi: 1 });
    expect(() => newcombePairedInterval([true], [])).toThrow(/length/);
  });
});

describe("varianceReduction", () => {
  it("is 1 for identical arrays, about 0 for independent ones and -1 for antithetic ones", () => {
    const a = uniforms(20000, "vr-a").map(normalQuantile);
    const b = uniforms(20000, "vr-b").map(normalQuantile);
    expect(varianceReduction(a, a)).toBe(1);
    // Independent: Var(a-b) = Var a + Var b up to sampling error (sd of the estimate ~ 1/sqrt(n) = 0.007).
    expect(Math.abs(varianceReduction(a, b)!)).toBeLessThan(0.03);
    expect(varianceReduction(a, a.map((x) => -x))).toBeCloseTo(-1, 12);
    // Common random numbers with a small scenario effect: most of the variance cancels.
    const c = a.map((x, i) => x + 0.1 * b[i]);
    expect(varianceReduction(a, c)!).toBeGreaterThan(0.99);
    expect(varianceReduction([1, 1], [2, 2])).toBeNull();
    expect(varianceReduction([1], [2])).toBeNull();
    expect(() => varianceReduction([1, 2], [1])).toThrow(/length/);
  });
});
