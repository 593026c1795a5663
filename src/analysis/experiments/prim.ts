/**
 * PRIM scenario discovery (Friedman and Fisher 1999) as in the EMA Workbench's prim: peel a box
 * around the cases of interest (e.g. "target met") a share alpha at a time, record the peeling
 * trajectory, choose a box by a density threshold, then paste it back out while its density
 * grows. Numeric factors only (a levels factor is peeled as numbers).
 */

/** Options of prim. */
export interface PrimOptions {
  /** Share of the box's points removed by one peel (default 0.05). */
  peelAlpha?: number;
  /** Share of the candidate slab's points added by one paste (default 0.05). */
  pasteAlpha?: number;
  /** Smallest mass (share of all points) a box may have (default 0.05). */
  minMass?: number;
  /** Density a box must reach to be chosen (default 0.8). */
  threshold?: number;
}

/** Limits of a box on one factor. */
export interface PrimLimit {
  factor: string;
  low: number;
  high: number;
  /** True when the limits are narrower than the data's range. */
  restricted: boolean;
}

/** One box: its limits and how well it captures the cases of interest. */
export interface PrimBox {
  limits: PrimLimit[];
  /** Share of all cases of interest that lie in the box. */
  coverage: number;
  /** Share of the box's points that are cases of interest. */
  density: number;
  /** Share of all points that lie in the box. */
  mass: number;
  /** Points in the box. */
  points: number;
  /** Number of restricted factors. */
  restricted: number;
}

/** Result of prim. */
export interface PrimResult {
  /** Peeling trajectory: box 0 is the data's bounding box, each next one a peel of the last. */
  trajectory: PrimBox[];
  /** Index in the trajectory of the chosen peeled box: the first (largest coverage) with density >= threshold, else the last. */
  chosen: number;
  /** The chosen box after pasting. */
  box: PrimBox;
  /** Pasting steps applied to the chosen box. */
  pastes: number;
  /** True when the pasted box's density reaches the threshold. */
  meetsThreshold: boolean;
}

/** Working box: limits per factor and the indices of the points inside. */
interface State {
  lo: number[];
  hi: number[];
  inside: number[];
}

/**
 * Quantile of values that falls between two distinct data values, as EMA's get_quantile (from
 * sdtoolkit): the midpoint of the order statistics around (n - 1) q, widened past ties, toward
 * lower ranks for q > 0.5 and higher ranks otherwise.
 */
export function primQuantile(values: Float64Array, q: number): number {
  const data = Float64Array.from(values).sort();
  const pos = (data.length - 1) * q;
  let lower = Math.floor(pos);
  let higher = Math.ceil(pos);
  if (q > 0.5) while (data[lower] === data[higher] && lower > 0) lower--;
  else while (data[lower] === data[higher] && higher < data.length - 1) higher++;
  return (data[lower] + data[higher]) / 2;
}

/** EMA's default ("lenient1") objective: change in mean per point removed or added; 0 when nothing changes. */
function objective(sumOld: number, nOld: number, sumNew: number, nNew: number): number {
  if (nNew === nOld) return 0;
  const meanNew = nNew > 0 ? sumNew / nNew : 0;
  return (meanNew - sumOld / nOld) / Math.abs(nOld - nNew);
}

/**
 * PRIM on points x (rows of factor values in the order of `factors`) with y true (or 1) for the
 * cases of interest. Peeling: each step tries, for every factor, removing the points below the
 * alpha quantile or above the 1 - alpha quantile of the box's values, and takes the candidate
 * with the largest gain in density per point removed (ties: the one restricting no new factor,
 * then factor order, lower side first), while the gain is positive and the mass stays >=
 * minMass. Pasting (on the chosen box): for each restricted limit, extend it over a share
 * pasteAlpha of the points just outside, taking the best extension while density rises.
 */
export function prim(factors: readonly string[], x: readonly (readonly number[])[], y: ArrayLike<boolean | number>, options: PrimOptions = {}): PrimResult {
  const peelAlpha = options.peelAlpha ?? 0.05;
  const pasteAlpha = options.pasteAlpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  const threshold = options.threshold ?? 0.8;
  const k = factors.length;
  const n = x.length;
  if (!(peelAlpha > 0 && peelAlpha < 0.5) || !(pasteAlpha > 0 && pasteAlpha < 0.5)) throw new RangeError("prim: peelAlpha and pasteAlpha must lie in (0, 0.5)");
  if (!(minMass > 0 && minMass <= 1)) throw new RangeError(`prim: minMass must lie in (0, 1], got ${minMass}`);
  if (n === 0 || y.length !== n) throw new RangeError(`prim: need one outcome per point and at least one point, got ${n} points and ${y.length} outcomes`);
  const hit = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v !== true && v !== false && v !== 0 && v !== 1) throw new RangeError(`prim: outcome ${i} must be a boolean or 0/1, got ${String(v)}`);
    hit[i] = v === true || v === 1 ? 1 : 0;
    if (x[i].length !== k || !x[i].every((value) => Number.isFinite(value))) throw new RangeError(`prim: point ${i} must have ${k} finite values`);
  }
  let totalHits = 0;
  for (let i = 0; i < n; i++) totalHits += hit[i];
  if (totalHits === 0) throw new RangeError("prim: no cases of interest");
  const initLo = factors.map((_, j) => x.reduce((m, row) => Math.min(m, row[j]), Infinity));
  const initHi = factors.map((_, j) => x.reduce((m, row) => Math.max(m, row[j]), -Infinity));

  const hitsOf = (inside: readonly number[]) => inside.reduce((s, i) => s + hit[i], 0);
  const describe = (s: State): PrimBox => {
    const hits = hitsOf(s.inside);
    const limits = factors.map((factor, j) => ({ factor, low: s.lo[j], high: s.hi[j], restricted: s.lo[j] > initLo[j] || s.hi[j] < initHi[j] }));
    return {
      limits,
      coverage: hits / totalHits,
      density: s.inside.length > 0 ? hits / s.inside.length : 0,
      mass: s.inside.length / n,
      points: s.inside.length,
      restricted: limits.filter((l) => l.restricted).length,
    };
  };
  const restrictedCount = (lo: readonly number[], hi: readonly number[]) => factors.reduce((c, _, j) => c + (lo[j] > initLo[j] || hi[j] < initHi[j] ? 1 : 0), 0);

  /** Best candidate among boxes: highest objective, then fewest restricted factors; earlier wins ties. */
  type Candidate = { state: State; obj: number; restricted: number };
  const better = (a: Candidate, b: Candidate | null) => b === null || a.obj > b.obj || (a.obj === b.obj && a.restricted < b.restricted);

  // Peeling.
  let state: State = { lo: initLo.slice(), hi: initHi.slice(), inside: Array.from({ length: n }, (_, i) => i) };
  const states = [state];
  for (;;) {
    const sumOld = hitsOf(state.inside);
    let best: Candidate | null = null;
    for (let j = 0; j < k; j++) {
      const values = Float64Array.from(state.inside, (i) => x[i][j]);
      for (const side of ["lower", "upper"] as const) {
        const cut = primQuantile(values, side === "lower" ? peelAlpha : 1 - peelAlpha);
        const inside = state.inside.filter((i) => (side === "lower" ? x[i][j] >= cut : x[i][j] <= cut));
        const lo = state.lo.slice();
        const hi = state.hi.slice();
        if (side === "lower") lo[j] = cut;
        else hi[j] = cut;
        const cand = { state: { lo, hi, inside }, obj: objective(sumOld, state.inside.length, hitsOf(inside), inside.length), restricted: restrictedCount(lo, hi) };
        if (better(cand, best)) best = cand;
      }
    }
    if (best === null || !(best.obj > 0) || best.state.inside.length / n < minMass || best.state.inside.length >= state.inside.length) break;
    state = best.state;
    states.push(state);
  }
  const trajectory = states.map(describe);
  let chosen = trajectory.findIndex((b) => b.density >= threshold);
  if (chosen < 0) chosen = trajectory.length - 1;

  // Pasting of the chosen box.
  state = states[chosen];
  let pastes = 0;
  for (;;) {
    const sumOld = hitsOf(state.inside);
    let best: Candidate | null = null;
    for (let j = 0; j < k; j++) {
      for (const side of ["lower", "upper"] as const) {
        if (side === "lower" ? state.lo[j] <= initLo[j] : state.hi[j] >= initHi[j]) continue;
        const inOthers = (row: readonly number[]) => row.every((v, m) => m === j || (v >= state.lo[m] && v <= state.hi[m]));
        const slab: number[] = [];
        for (let i = 0; i < n; i++) {
          const v = x[i][j];
          if ((side === "lower" ? v < state.lo[j] : v > state.hi[j]) && inOthers(x[i])) slab.push(v);
        }
        const lo = state.lo.slice();
        const hi = state.hi.slice();
        if (side === "lower") lo[j] = slab.length > 0 ? primQuantile(Float64Array.from(slab), 1 - pasteAlpha) : initLo[j];
        else hi[j] = slab.length > 0 ? primQuantile(Float64Array.from(slab), pasteAlpha) : initHi[j];
        const inside: number[] = [];
        for (let i = 0; i < n; i++) if (x[i].every((v, m) => v >= lo[m] && v <= hi[m])) inside.push(i);
        const cand = { state: { lo, hi, inside }, obj: objective(sumOld, state.inside.length, hitsOf(inside), inside.length), restricted: restrictedCount(lo, hi) };
        if (better(cand, best)) best = cand;
      }
    }
    if (best === null || !(best.obj > 0) || best.state.inside.length <= state.inside.length) break;
    state = best.state;
    pastes++;
  }
  const box = describe(state);
  return { trajectory, chosen, box, pastes, meetsThreshold: box.density >= threshold };
}
