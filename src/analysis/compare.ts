/**
 * Paired comparison of alternatives against a baseline (common random numbers: run i of every
 * scenario has the same seed and keyed draws, so differences come from the levers). Fed run by
 * run in run order; per alternative it gives the change in each target's probability (Newcombe's
 * interval for paired proportions), alternative-minus-baseline yearly means and headline figures
 * (t-intervals on the paired differences), the change in fiscal cost, the change in probability
 * per 亿元 of added cost (delta method), and the variance reduction that pairing bought.
 */
import { RunningMoments, meanInterval, newcombePairedInterval, tQuantile, varianceReduction } from "./statistics.js";

/** What the comparison needs of one run: target outcomes, yearly cells, headline figures. */
export interface PairedRun {
  met: boolean[];
  cells: ArrayLike<number>;
  headlines: ArrayLike<number>;
  /** fiscal cost over the horizon, 亿元 */
  cost: number;
}

/** Streaming paired moments of a - b, a and b. */
class PairedMoments {
  readonly diff = new RunningMoments();
  readonly a = new RunningMoments();
  readonly b = new RunningMoments();
  add(a: number, b: number) {
    this.diff.add(a - b);
    this.a.add(a);
    this.b.add(b);
  }
  /** 1 - Var(a - b) / (Var a + Var b), or null when undefined. */
  get varianceReduction(): number | null {
    const total = this.a.variance + this.b.variance;
    return this.diff.n < 2 || !(total > 0) ? null : 1 - this.diff.variance / total;
  }
  /** Difference of means with its paired t-interval (low = high = difference when n < 2 or no spread). */
  interval() {
    const ci = meanInterval(this.diff);
    const d = this.diff.mean;
    return { difference: d, low: ci ? ci[0] : d, high: ci ? ci[1] : d };
  }
  /** The unpaired (Welch-style, equal n) interval, for comparison with the paired one. */
  unpairedInterval() {
    const n = this.diff.n;
    if (n < 2) return { low: this.diff.mean, high: this.diff.mean };
    const half = tQuantile(0.975, n - 1) * Math.sqrt((this.a.variance + this.b.variance) / n);
    return { low: this.diff.mean - half, high: this.diff.mean + half };
  }
}

/** Accumulates one alternative's paired comparison against the baseline. */
export class PairedComparison {
  private readonly metA: boolean[][];
  private readonly metB: boolean[][];
  private readonly cells: PairedMoments[];
  private readonly headlines: PairedMoments[];
  private readonly cost = new PairedMoments();
  private readonly costDiffs: number[] = [];

  constructor(targets: number, cells: number, headlines: number) {
    this.metA = Array.from({ length: targets }, () => []);
    this.metB = Array.from({ length: targets }, () => []);
    this.cells = Array.from({ length: cells }, () => new PairedMoments());
    this.headlines = Array.from({ length: headlines }, () => new PairedMoments());
  }

  /** Adds the pair of run i (alternative a, baseline b); call in run order. */
  add(a: PairedRun, b: PairedRun): void {
    a.met.forEach((m, t) => {
      this.metA[t].push(m);
      this.metB[t].push(b.met[t]);
    });
    for (let c = 0; c < this.cells.length; c++) this.cells[c].add(a.cells[c], b.cells[c]);
    for (let h = 0; h < this.headlines.length; h++) this.headlines[h].add(a.headlines[h], b.headlines[h]);
    this.cost.add(a.cost, b.cost);
    this.costDiffs.push(a.cost - b.cost);
  }

  /** Runs paired so far. */
  get pairs(): number {
    return this.cost.diff.n;
  }

  /** Per target: both probabilities, their paired difference and Newcombe's interval. */
  targets() {
    return this.metA.map((a, t) => {
      const b = this.metB[t];
      const n = a.length;
      const { diff, lo, hi } = newcombePairedInterval(a, b);
      return { baseline: n ? count(b) / n : null, alternative: n ? count(a) / n : null, difference: diff, low: lo, high: hi };
    });
  }

  /** Per yearly cell: both means and alternative minus baseline with its paired t-interval. */
  yearly() {
    return this.cells.map((m) => ({ baseline: m.b.mean, alternative: m.a.mean, ...m.interval() }));
  }

  /** Per headline figure: both means, paired and unpaired intervals and the variance reduction. */
  headlineStats() {
    return this.headlines.map((m) => ({ baseline: m.b.mean, alternative: m.a.mean, ...m.interval(), unpaired: m.unpairedInterval(), varianceReduction: m.varianceReduction }));
  }

  /** Fiscal cost over the horizon: both means and the paired difference, 亿元. */
  fiscalCost() {
    return { baseline: this.cost.b.mean, alternative: this.cost.a.mean, ...this.cost.interval() };
  }

  /**
   * Change in each target's probability per 亿元 of added fiscal cost: mean(dp) / mean(dc) with a
   * delta-method interval; null when the mean cost difference is nil (the ratio is undefined).
   */
  perYi() {
    const n = this.costDiffs.length;
    const dc = this.costDiffs;
    const mc = mean(dc);
    return this.metA.map((a, t) => {
      if (n < 2 || !(Math.abs(mc) > 1e-9)) return null;
      const dp = a.map((m, i) => (m ? 1 : 0) - (this.metB[t][i] ? 1 : 0));
      const mp = mean(dp);
      const r = mp / mc;
      let vp = 0, vc = 0, cov = 0;
      for (let i = 0; i < n; i++) {
        vp += (dp[i] - mp) * (dp[i] - mp);
        vc += (dc[i] - mc) * (dc[i] - mc);
        cov += (dp[i] - mp) * (dc[i] - mc);
      }
      const variance = Math.max(0, (vp - 2 * r * cov + r * r * vc) / (n - 1));
      const half = (tQuantile(0.975, n - 1) * Math.sqrt(variance / n)) / Math.abs(mc);
      return { value: r, low: r - half, high: r + half };
    });
  }

  /** Variance reduction of each target's met indicator (null when undefined). */
  targetVarianceReduction() {
    return this.metA.map((a, t) => varianceReduction(a.map(Number), this.metB[t].map(Number)));
  }
}

const count = (xs: boolean[]) => xs.reduce((s, x) => s + (x ? 1 : 0), 0);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

