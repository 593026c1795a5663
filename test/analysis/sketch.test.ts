import { describe, expect, it } from "vitest";
import { DEFAULT_SKETCH_ALPHA, mergeSketches, QuantileSketch } from "../../src/analysis/sketch.js";
import { quantileType7 } from "../../src/analysis/statistics.js";
import { exp, keyedUniform, normalQuantile, streamId } from "../../src/random/index.js";

const PS = [0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

/** Lognormal-ish values exp(mu + sigma z) from keyed draws (the shape of yearly output fans). */
function lognormals(n: number, stream: string, mu = 3, sigma = 1.2): number[] {
  const id = streamId(stream);
  return Array.from({ length: n }, (_, i) => exp(mu + sigma * normalQuantile(keyedUniform(11, id, 0, 0, i))));
}

/** A sketch holding values, added in order. */
function sketchOf(values: readonly number[], alpha = DEFAULT_SKETCH_ALPHA): QuantileSketch {
  const s = new QuantileSketch(alpha);
  for (const v of values) s.add(v);
  return s;
}

/** The sketch's JSON without the order-dependent sum. */
function countsOnly(s: QuantileSketch): object {
  const { sum: _sum, ...rest } = s.toJSON();
  return rest;
}

/** Checks every quantile in PS against the exact type-7 quantile: relative alpha, or absolute across a sign change. */
function expectWithinAlpha(s: QuantileSketch, values: readonly number[]): void {
  const sorted = Float64Array.from(values).sort();
  const tol = s.alpha * (1 + 1e-9); // a few ulps of slack for ln and pow at bucket boundaries
  for (const p of PS) {
    const exact = quantileType7(sorted, p);
    const got = s.quantile(p);
    const h = (sorted.length - 1) * p;
    const j = Math.floor(h);
    const lo = sorted[j];
    const hi = sorted[Math.min(j + 1, sorted.length - 1)];
    const bound = lo < 0 && hi > 0 ? tol * Math.max(-lo, hi) : tol * Math.abs(exact);
    expect(Math.abs(got - exact), `p = ${p}: sketch ${got} vs exact ${exact}`).toBeLessThanOrEqual(bound);
  }
}

describe("QuantileSketch accuracy", () => {
  it("is within relative alpha of the exact type-7 quantiles on lognormal data", () => {
    const xs = lognormals(20000, "sketch-lognormal");
    const s = sketchOf(xs);
    expect(s.count).toBe(20000);
    expectWithinAlpha(s, xs);
    // Rank 0 and rank n-1 are exact.
    expect(s.quantile(0)).toBe(Math.min(...xs));
    expect(s.quantile(1)).toBe(Math.max(...xs));
    // The error is real (the sketch is not storing the values) but bounded.
    const sorted = Float64Array.from(xs).sort();
    expect(s.quantile(0.5)).not.toBe(quantileType7(sorted, 0.5));
  });

  it("holds for a coarse alpha and few values, where interpolation between order statistics matters", () => {
    for (const alpha of [0.05, 0.01]) {
      for (const n of [2, 3, 7, 40]) {
        const xs = lognormals(n, `small-${n}`, 0, 2);
        expectWithinAlpha(sketchOf(xs, alpha), xs);
      }
    }
  });

  it("keeps memory bounded by the spread of the values, not by their number", () => {
    const xs = lognormals(50000, "sketch-memory");
    const s = sketchOf(xs);
    const spread = Math.log(Math.max(...xs) / Math.min(...xs)) / Math.log(s.gamma);
    expect(s.bucketCount).toBeLessThanOrEqual(Math.ceil(spread) + 1);
    const before = s.bucketCount;
    for (const x of lognormals(50000, "sketch-memory-2")) if (x >= s.min && x <= s.max) s.add(x);
    expect(s.bucketCount).toBeLessThanOrEqual(Math.ceil(spread) + 1);
    expect(s.bucketCount).toBeGreaterThanOrEqual(before);
  });

  it("places every value within alpha of its bucket's representative over the whole double range", () => {
    const s = new QuantileSketch();
    expect(s.key(1)).toBe(0);
    for (const x of [1e-300, 3.7e-12, 0.5, 1, 1.0000001, 2, Math.PI, 1e6, 123456789, 1e300]) {
      const rep = s.representative(s.key(x));
      expect(Math.abs(rep - x) / x).toBeLessThanOrEqual(s.alpha * (1 + 1e-9));
    }
    // Bucket k holds (gamma^(k-1), gamma^k].
    const k = 17;
    const top = Math.pow(s.gamma, k);
    expect(s.key(top * (1 - 1e-9))).toBe(k);
    expect(s.key(top * (1 + 1e-9))).toBe(k + 1);
  });
});

describe("QuantileSketch zeros and negative values", () => {
  it("counts zeros exactly and mirrors negatives", () => {
    const zeros = sketchOf([0, 0, -0]);
    expect(zeros.zeros).toBe(3);
    expect(zeros.quantile(0.5)).toBe(0);
    expect(Object.is(zeros.min, 0)).toBe(true);
    expect(sketchOf([-5]).quantile(0.3)).toBe(-5);
    const neg = sketchOf([-1, -2, -3, -4, -1000]);
    expect(Math.abs(neg.quantile(0.5) - -3) / 3).toBeLessThanOrEqual(neg.alpha);
    expect(neg.quantile(0)).toBe(-1000);
    expect(neg.quantile(1)).toBe(-1);
  });

  it("is within alpha on mixed-sign data with zeros", () => {
    const id = streamId("sketch-mixed");
    const xs = Array.from({ length: 5001 }, (_, i) => (i % 10 === 0 ? 0 : 100 * normalQuantile(keyedUniform(3, id, 0, 0, i))));
    const s = sketchOf(xs);
    expect(s.zeros).toBe(501);
    expectWithinAlpha(s, xs);
    // A fan that straddles zero: the interpolation bracket changes sign near the middle.
    const straddle = [-3, -1, 2, 5];
    expectWithinAlpha(sketchOf(straddle), straddle);
  });
});

describe("QuantileSketch merging and determinism", () => {
  it("merges commutatively, bit for bit, and equals the sketch of all values", () => {
    const xs = lognormals(3000, "merge-a");
    const ys = lognormals(2000, "merge-b", 1, 2).map((v, i) => (i % 7 === 0 ? -v : v));
    const a = sketchOf(xs);
    const b = sketchOf(ys);
    const ab = mergeSketches(a, b);
    const ba = mergeSketches(b, a);
    expect(JSON.stringify(ab)).toBe(JSON.stringify(ba));
    expect(ab.quantiles(PS)).toEqual(ba.quantiles(PS));
    const all = sketchOf([...xs, ...ys]);
    expect(countsOnly(ab)).toEqual(countsOnly(all));
    expect(ab.quantiles(PS)).toEqual(all.quantiles(PS));
    expect(ab.sum).toBe(a.sum + b.sum);
    // The inputs are not changed.
    expect(a.count).toBe(3000);
    expect(b.count).toBe(2000);
    // -0 and 0 merge to the same min whatever the order.
    expect(Object.is(mergeSketches(sketchOf([0]), sketchOf([-0])).min, 0)).toBe(true);
    expect(Object.is(mergeSketches(sketchOf([-0]), sketchOf([0])).min, 0)).toBe(true);
  });

  it("gives quantiles independent of insertion order; only the sum depends on it", () => {
    const xs = lognormals(4000, "order");
    const forward = sketchOf(xs);
    const backward = sketchOf([...xs].reverse());
    expect(countsOnly(forward)).toEqual(countsOnly(backward));
    expect(forward.quantiles(PS)).toEqual(backward.quantiles(PS));
    let sum = 0;
    for (const x of xs) sum += x;
    expect(forward.sum).toBe(sum);
    expect(forward.mean).toBe(sum / xs.length);
    expect(Math.abs(backward.mean - forward.mean) / forward.mean).toBeLessThan(1e-12);
  });

  it("refuses different alphas, non-finite values and quantiles of an empty sketch", () => {
    expect(() => new QuantileSketch(0.01).mergeFrom(new QuantileSketch(0.02))).toThrow(/alpha differs/);
    expect(() => new QuantileSketch().add(NaN)).toThrow(/finite/);
    expect(() => new QuantileSketch().add(-Infinity)).toThrow(/finite/);
    expect(() => new QuantileSketch().quantile(0.5)).toThrow(/empty/);
    expect(() => sketchOf([1]).quantile(1.01)).toThrow(/p must lie/);
    expect(() => new QuantileSketch(0)).toThrow(RangeError);
    expect(new QuantileSketch().mean).toBeNaN();
  });
});

describe("QuantileSketch serialisation", () => {
  it("round-trips through JSON text with sorted keys", () => {
    const xs = lognormals(2500, "json").map((v, i) => (i % 5 === 0 ? -v : i % 11 === 0 ? 0 : v));
    const s = sketchOf(xs);
    const text = JSON.stringify(s);
    const json = s.toJSON();
    for (const part of [json.positive, json.negative]) {
      expect(part.keys).toEqual([...part.keys].sort((x, y) => x - y));
      expect(part.keys.length).toBe(part.counts.length);
    }
    const back = QuantileSketch.fromJSON(JSON.parse(text));
    expect(JSON.stringify(back)).toBe(text);
    expect(back.quantiles(PS)).toEqual(s.quantiles(PS));
    expect(back.mean).toBe(s.mean);
    // Adding to the copy behaves as adding to the original.
    back.add(42);
    s.add(42);
    expect(JSON.stringify(back)).toBe(JSON.stringify(s));
  });

  it("serialises an empty sketch with null min and max and rejects inconsistent data", () => {
    const empty = new QuantileSketch();
    expect(empty.toJSON()).toEqual({
      alpha: 0.005,
      count: 0,
      zeros: 0,
      min: null,
      max: null,
      sum: 0,
      positive: { keys: [], counts: [] },
      negative: { keys: [], counts: [] },
    });
    expect(QuantileSketch.fromJSON(empty.toJSON()).count).toBe(0);
    const json = sketchOf([1, 2, 3]).toJSON();
    expect(() => QuantileSketch.fromJSON({ ...json, count: 4 })).toThrow(/add up/);
    expect(() => QuantileSketch.fromJSON({ ...json, positive: { keys: [1, 1], counts: [1, 2] } })).toThrow(/duplicate/);
    expect(() => QuantileSketch.fromJSON({ ...json, positive: { keys: [1.5], counts: [3] } })).toThrow(/bad bucket/);
    expect(() => QuantileSketch.fromJSON({ ...json, min: null })).toThrow(/min and max/);
  });
});
