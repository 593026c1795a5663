/**
 * A deterministic, mergeable quantile sketch for the yearly fans (many cells x many runs): a
 * log-bucket histogram in the style of DDSketch (Masson, Rim & Lee 2019) with relative accuracy
 * alpha. Memory grows with the spread of the values (about ln(max/min)/ln(gamma) buckets per
 * sign), never with the number of runs. Counts are integers, so merging is exact and
 * commutative and quantiles do not depend on insertion or merge order; only `sum` (and so
 * `mean`) does, in the last bits: callers add and merge in run order.
 */
import { ln, pow } from "../random/math.js";

/** Default relative accuracy of a sketch. */
export const DEFAULT_SKETCH_ALPHA = 0.005;

/** Plain-data form of a sketch; bucket keys ascending, so equal sketches serialise identically. */
export interface QuantileSketchJSON {
  alpha: number;
  count: number;
  /** number of values equal to 0 (or -0) */
  zeros: number;
  /** exact smallest and largest value (null when empty) */
  min: number | null;
  max: number | null;
  /** sum of the values in the order they were added (and merged) */
  sum: number;
  /** buckets of positive values: keys ascending, counts aligned */
  positive: { keys: number[]; counts: number[] };
  /** buckets of negative values by |x|: keys ascending, counts aligned */
  negative: { keys: number[]; counts: number[] };
}

/** A bucket store as sorted parallel arrays (built on demand for quantile queries). */
interface SortedStore {
  keys: number[];
  counts: number[];
}

/** Sorted keys and aligned counts of a store. */
function sortedStore(store: Map<number, number>): SortedStore {
  const keys = [...store.keys()].sort((x, y) => x - y);
  return { keys, counts: keys.map((k) => store.get(k) as number) };
}

/**
 * Quantile sketch with relative accuracy alpha: value x > 0 goes to bucket k = ceil(ln(x) /
 * ln(gamma)), gamma = (1+alpha)/(1-alpha), i.e. x in (gamma^(k-1), gamma^k]; negative values go
 * to the bucket of |x| in a separate store; zeros are counted exactly. Every order statistic is
 * returned within relative alpha (see `quantile`).
 */
export class QuantileSketch {
  /** Relative accuracy. */
  readonly alpha: number;
  /** (1 + alpha) / (1 - alpha). */
  readonly gamma: number;
  private readonly lnGammaInv: number;
  private readonly positive = new Map<number, number>();
  private readonly negative = new Map<number, number>();
  /** Number of values added. */
  count = 0;
  /** Number of zeros added. */
  zeros = 0;
  /** Exact smallest value (Infinity when empty). */
  min = Infinity;
  /** Exact largest value (-Infinity when empty). */
  max = -Infinity;
  /** Sum of the values in call order. */
  sum = 0;
  private sortedCache: { pos: SortedStore; neg: SortedStore } | null = null;

  /** An empty sketch with relative accuracy alpha in (0, 1). */
  constructor(alpha = DEFAULT_SKETCH_ALPHA) {
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`QuantileSketch: alpha must lie in (0, 1), got ${alpha}`);
    this.alpha = alpha;
    this.gamma = (1 + alpha) / (1 - alpha);
    this.lnGammaInv = 1 / ln(this.gamma);
  }

  /** Bucket key of a positive finite x: ceil(ln(x) / ln(gamma)). */
  key(x: number): number {
    return Math.ceil(ln(x) * this.lnGammaInv);
  }

  /** Representative value of bucket k: 2 gamma^k / (gamma + 1), within alpha of its every value. */
  representative(k: number): number {
    return (2 * pow(this.gamma, k)) / (this.gamma + 1);
  }

  /** Adds one finite value (throws on NaN or ±Infinity; -0 is taken as 0). */
  add(x: number): this {
    if (!Number.isFinite(x)) throw new RangeError(`QuantileSketch.add: value must be finite, got ${x}`);
    if (x === 0) x = 0; // -0 counts (and is stored as min/max) as +0, so merges agree bit for bit
    if (x > 0) bump(this.positive, this.key(x), 1);
    else if (x < 0) bump(this.negative, this.key(-x), 1);
    else this.zeros++;
    this.count++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.sum += x;
    this.sortedCache = null;
    return this;
  }

  /** Adds every value of other (same alpha) into this sketch; this.sum += other.sum. */
  mergeFrom(other: QuantileSketch): this {
    if (other.alpha !== this.alpha) throw new RangeError(`QuantileSketch.mergeFrom: alpha differs (${this.alpha} vs ${other.alpha})`);
    for (const [k, c] of other.positive) bump(this.positive, k, c);
    for (const [k, c] of other.negative) bump(this.negative, k, c);
    this.count += other.count;
    this.zeros += other.zeros;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.sum += other.sum;
    this.sortedCache = null;
    return this;
  }

  /** Mean sum / count (NaN when empty). */
  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /**
   * Approximate type-7 quantile, p in [0, 1] (throws when empty): with h = (count-1)p and
   * j = floor(h), the order statistics j and j+1 (0-based, ascending) are each estimated by
   * their bucket's representative (negatives: minus the representative of |x|; zeros: 0),
   * clamped to [min, max], with rank 0 = min and rank count-1 = max exactly, and interpolated
   * as type 7 does: v_j + (h-j)(v_{j+1} - v_j). When v_j and v_{j+1} do not have opposite signs
   * the result is within relative alpha of the exact type-7 quantile; otherwise within
   * alpha·max(|x_j|, |x_{j+1}|).
   */
  quantile(p: number): number {
    if (this.count === 0) throw new RangeError("QuantileSketch.quantile: empty sketch");
    if (!(p >= 0 && p <= 1)) throw new RangeError(`QuantileSketch.quantile: p must lie in [0, 1], got ${p}`);
    const h = (this.count - 1) * p;
    const j = Math.floor(h);
    const a = this.orderStatistic(j);
    if (j + 1 >= this.count) return a;
    const t = h - j;
    if (t === 0) return a;
    const b = this.orderStatistic(j + 1);
    if (a === b) return a;
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }

  /** Approximate type-7 quantiles at each p (see `quantile`). */
  quantiles(ps: readonly number[]): number[] {
    return ps.map((p) => this.quantile(p));
  }

  /** Estimate of the rank-r (0-based, ascending) value: min, max or a clamped representative. */
  private orderStatistic(r: number): number {
    if (r === 0) return this.min;
    if (r === this.count - 1) return this.max;
    const { pos, neg } = this.sorted();
    let seen = 0;
    // Negatives, most negative (largest key) first.
    for (let i = neg.keys.length - 1; i >= 0; i--) {
      seen += neg.counts[i];
      if (r < seen) return this.clamp(-this.representative(neg.keys[i]));
    }
    seen += this.zeros;
    if (r < seen) return 0;
    for (let i = 0; i < pos.keys.length; i++) {
      seen += pos.counts[i];
      if (r < seen) return this.clamp(this.representative(pos.keys[i]));
    }
    return this.max; // unreachable: counts sum to count
  }

  /** x clamped to [min, max]. */
  private clamp(x: number): number {
    return x < this.min ? this.min : x > this.max ? this.max : x;
  }

  /** Sorted stores, cached until the next add or merge. */
  private sorted(): { pos: SortedStore; neg: SortedStore } {
    if (this.sortedCache === null) this.sortedCache = { pos: sortedStore(this.positive), neg: sortedStore(this.negative) };
    return this.sortedCache;
  }

  /** Number of non-empty buckets (both signs). */
  get bucketCount(): number {
    return this.positive.size + this.negative.size;
  }

  /** Plain data with bucket keys ascending (deterministic; JSON.stringify gives equal text for equal sketches). */
  toJSON(): QuantileSketchJSON {
    const { pos, neg } = this.sorted();
    return {
      alpha: this.alpha,
      count: this.count,
      zeros: this.zeros,
      min: this.count === 0 ? null : this.min,
      max: this.count === 0 ? null : this.max,
      sum: this.sum,
      positive: { keys: [...pos.keys], counts: [...pos.counts] },
      negative: { keys: [...neg.keys], counts: [...neg.counts] },
    };
  }

  /** A sketch from toJSON() output; throws on inconsistent data (counts that do not add up, bad keys). */
  static fromJSON(json: QuantileSketchJSON): QuantileSketch {
    const s = new QuantileSketch(json.alpha);
    let total = json.zeros;
    for (const [store, part] of [
      [s.positive, json.positive],
      [s.negative, json.negative],
    ] as const) {
      if (part.keys.length !== part.counts.length) throw new RangeError("QuantileSketch.fromJSON: keys and counts differ in length");
      part.keys.forEach((k, i) => {
        const c = part.counts[i];
        if (!Number.isInteger(k) || !Number.isInteger(c) || c <= 0) throw new RangeError(`QuantileSketch.fromJSON: bad bucket ${k}: ${c}`);
        if (store.has(k)) throw new RangeError(`QuantileSketch.fromJSON: duplicate bucket ${k}`);
        store.set(k, c);
        total += c;
      });
    }
    if (!Number.isInteger(json.zeros) || json.zeros < 0 || total !== json.count) {
      throw new RangeError(`QuantileSketch.fromJSON: bucket counts add up to ${total}, count is ${json.count}`);
    }
    if (json.count > 0 && (typeof json.min !== "number" || typeof json.max !== "number" || !(json.min <= json.max))) {
      throw new RangeError("QuantileSketch.fromJSON: min and max must be numbers with min <= max");
    }
    if (!Number.isFinite(json.sum)) throw new RangeError("QuantileSketch.fromJSON: sum must be finite");
    s.count = json.count;
    s.zeros = json.zeros;
    s.min = json.count === 0 ? Infinity : (json.min as number);
    s.max = json.count === 0 ? -Infinity : (json.max as number);
    s.sum = json.sum;
    return s;
  }
}

/** A new sketch holding a then b (a.sum + b.sum); merge(a, b) and merge(b, a) are equal bit for bit. */
export function mergeSketches(a: QuantileSketch, b: QuantileSketch): QuantileSketch {
  return new QuantileSketch(a.alpha).mergeFrom(a).mergeFrom(b);
}

/** Adds c to the count of key k. */
function bump(store: Map<number, number>, k: number, c: number): void {
  store.set(k, (store.get(k) ?? 0) + c);
}
