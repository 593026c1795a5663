/**
 * Morris (1991) one-at-a-time trajectories on a p-level grid, with delta = p / (2 (p - 1)),
 * seeded; optionally the r most spread of M candidate trajectories (Campolongo, Cariboni and
 * Saltelli 2007), chosen greedily.
 */
import type { DesignPoints } from "./design.js";
import { assertFactors, type Factor, gridValue, keyedPermutation, seededUniforms } from "./factors.js";

/** One step of a trajectory: which factor moved, and whether up (+1) or down (-1) by delta. */
export interface MorrisStep {
  factor: number;
  sign: 1 | -1;
}

/** Options of morrisDesign. */
export interface MorrisOptions {
  /** Number of trajectories r (>= 2). */
  trajectories: number;
  /** Grid levels p, even, >= 2 (default 4). */
  levels?: number;
  /** Candidate trajectories M > r for Campolongo's optimised selection (default: none, r random trajectories). */
  candidates?: number;
}

/** A Morris design: r (k + 1) points, trajectory t in rows t (k + 1) .. t (k + 1) + k. */
export interface MorrisDesign extends DesignPoints {
  method: "morris";
  trajectories: number;
  levels: number;
  /** Step in unit coordinates, p / (2 (p - 1)). */
  delta: number;
  /** Per trajectory, its k steps in order (step s goes from row s to row s + 1). */
  steps: MorrisStep[][];
}

/** A trajectory as grid-level indices (k + 1 rows of k levels) and its steps. */
interface Trajectory {
  levels: number[][];
  steps: MorrisStep[];
}

/**
 * Trajectory t of Morris's construction: a base point x* with each level drawn from
 * 0 .. p/2 - 1, a random order of the factors and a random direction for each; a factor going
 * down starts at x* + delta (level + p/2) and ends at x*, so every point stays on the grid.
 */
function trajectory(k: number, p: number, draw: (key: number, index: number) => number, t: number): Trajectory {
  const half = p / 2;
  const order = keyedPermutation(k, draw, t);
  const start = new Array<number>(k);
  const sign = new Array<1 | -1>(k);
  for (let i = 0; i < k; i++) {
    const base = Math.min(half - 1, Math.floor(draw(t, k + i) * half));
    sign[i] = draw(t, 2 * k + i) < 0.5 ? 1 : -1;
    start[i] = sign[i] === 1 ? base : base + half;
  }
  const levels = [start.slice()];
  const steps: MorrisStep[] = [];
  const current = start.slice();
  for (const f of order) {
    current[f] += sign[f] * half;
    levels.push(current.slice());
    steps.push({ factor: f, sign: sign[f] });
  }
  return { levels, steps };
}

/** Campolongo's distance between two trajectories: sum over point pairs of their Euclidean distance (unit coordinates). */
function trajectoryDistance(a: number[][], b: number[][], p: number): number {
  let sum = 0;
  for (const x of a) {
    for (const y of b) {
      let d2 = 0;
      for (let i = 0; i < x.length; i++) {
        const d = (x[i] - y[i]) / (p - 1);
        d2 += d * d;
      }
      sum += Math.sqrt(d2);
    }
  }
  return sum;
}

/**
 * Indices of r of the candidate trajectories chosen greedily for spread: the farthest pair
 * first, then each time the candidate with the largest sum of squared distances to those
 * chosen (Campolongo et al. maximise the square root of that sum over all pairs; the exact
 * optimum is combinatorial, the greedy choice approximates it). Ties go to the lower index.
 */
function selectSpread(candidates: Trajectory[], r: number, p: number): number[] {
  const m = candidates.length;
  const dist: number[][] = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  let best = [0, 1];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const d = trajectoryDistance(candidates[i].levels, candidates[j].levels, p);
      dist[i][j] = d;
      dist[j][i] = d;
      if (d > dist[best[0]][best[1]]) best = [i, j];
    }
  }
  const chosen = best.slice();
  const score = dist.map((row) => row[best[0]] * row[best[0]] + row[best[1]] * row[best[1]]);
  while (chosen.length < r) {
    let next = -1;
    for (let i = 0; i < m; i++) if (!chosen.includes(i) && (next < 0 || score[i] > score[next])) next = i;
    chosen.push(next);
    for (let i = 0; i < m; i++) score[i] += dist[i][next] * dist[i][next];
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Morris design: r trajectories of k + 1 points on a p-level grid (p even), each moving one
 * factor at a time by delta = p / (2 (p - 1)); grid level i of p maps to a factor value by
 * gridValue. With `candidates` M, M trajectories are drawn and the r most spread kept.
 */
export function morrisDesign(factors: readonly Factor[], options: MorrisOptions, seed: number): MorrisDesign {
  assertFactors(factors);
  const k = factors.length;
  const r = options.trajectories;
  const p = options.levels ?? 4;
  if (!Number.isInteger(r) || r < 2) throw new RangeError(`morrisDesign: trajectories must be an integer >= 2, got ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`morrisDesign: levels must be an even integer >= 2, got ${p}`);
  const m = options.candidates ?? r;
  if (!Number.isInteger(m) || m < r) throw new RangeError(`morrisDesign: candidates must be an integer >= trajectories, got ${m}`);
  const draw = seededUniforms(seed, "morris");
  let chosen = Array.from({ length: m }, (_, t) => trajectory(k, p, draw, t));
  if (m > r) chosen = selectSpread(chosen, r, p).map((i) => chosen[i]);
  const values = factors.map((f) => Array.from({ length: p }, (_, i) => gridValue(f, i, p)));
  const points = chosen.flatMap((tr) => tr.levels.map((row) => row.map((level, j) => values[j][level])));
  return {
    method: "morris",
    factors: factors.map((f) => f.name),
    points,
    trajectories: r,
    levels: p,
    delta: p / (2 * (p - 1)),
    steps: chosen.map((tr) => tr.steps),
  };
}
