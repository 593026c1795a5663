/**
 * Sobol' low-discrepancy sequence in up to 256 dimensions with Joe and Kuo's (2008) direction
 * numbers (new-joe-kuo-6.21201), 32-bit, generated in Gray-code order (Antonov and Saleev 1979),
 * so point i of dimension d is the same as point i of Joe and Kuo's sobol.cc and of
 * scipy.stats.qmc.Sobol(scramble=False). Optional scrambling: Matousek's random linear matrix
 * scramble plus a digital shift (as scipy's default), seeded and deterministic.
 */
import { seededUniforms } from "./factors.js";
import { JOE_KUO_ROWS } from "./joe-kuo.js";

/** Bits per coordinate: points are multiples of 2^-32. */
const BITS = 32;
/** 2^-32. */
const TWO_M32 = 2.3283064365386963e-10;
/** 2^32. */
const TWO32 = 4294967296;

/** Number of dimensions the included direction-number table supports. */
export const SOBOL_MAX_DIMENSIONS = 256;

/** Direction numbers per dimension (index 0 = dimension 1): V[k] = m_(k+1) << (31 - k), k = 0..31. */
let directionTable: Uint32Array[] | null = null;

/** Direction numbers of dimension 1 and of every row of the Joe-Kuo table, parsed once. */
function directions(): Uint32Array[] {
  if (directionTable !== null) return directionTable;
  const table: Uint32Array[] = [];
  const first = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) first[k] = (1 << (31 - k)) >>> 0;
  table.push(first);
  for (const line of JOE_KUO_ROWS.trim().split("\n")) {
    const [, s, a, ...m] = line.trim().split(/\s+/).map(Number);
    const v = new Uint32Array(BITS);
    for (let k = 0; k < s; k++) v[k] = (m[k] << (31 - k)) >>> 0;
    for (let k = s; k < BITS; k++) {
      let x = (v[k - s] ^ (v[k - s] >>> s)) >>> 0;
      for (let i = 1; i < s; i++) if (((a >>> (s - 1 - i)) & 1) === 1) x = (x ^ v[k - i]) >>> 0;
      v[k] = x;
    }
    table.push(v);
  }
  directionTable = table;
  return table;
}

/** Parity (xor of all bits) of a 32-bit word. */
function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * Direction numbers of one dimension after a linear matrix scramble: digit r (from the most
 * significant) of each V[k] becomes the parity of (row r of L) and V[k], where L is a random
 * lower-triangular 0/1 matrix with unit diagonal (so the sequence stays a (t, s)-sequence).
 */
function scrambleDirections(v: Uint32Array, draw: (key: number, index: number) => number, dim: number): Uint32Array {
  const rows = new Uint32Array(BITS);
  for (let r = 0; r < BITS; r++) {
    const above = r === 0 ? 0 : (0xffffffff << (BITS - r)) >>> 0;
    const random = Math.floor(draw(dim, r) * TWO32);
    rows[r] = ((random & above) | (1 << (31 - r))) >>> 0;
  }
  const out = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) {
    let x = 0;
    for (let r = 0; r < BITS; r++) if (parity(rows[r] & v[k]) === 1) x |= 1 << (31 - r);
    out[k] = x >>> 0;
  }
  return out;
}

/** Options of sobolSequence. */
export interface SobolSequenceOptions {
  /** Points to skip at the start (default 0: the first point is the origin when unscrambled). */
  skip?: number;
  /**
   * Seed of a linear matrix scramble plus digital shift (Matousek 1998; as scipy's default
   * scramble). Absent: the plain Joe-Kuo sequence.
   */
  scrambleSeed?: number;
}

/**
 * The first n points (after `skip`) of the `dims`-dimensional Sobol' sequence, rows of
 * coordinates in [0, 1). Balance properties hold for n a power of two (and skip a multiple of
 * it). RangeError when dims exceeds SOBOL_MAX_DIMENSIONS or skip + n exceeds 2^32.
 */
export function sobolSequence(n: number, dims: number, options: SobolSequenceOptions = {}): number[][] {
  const skip = options.skip ?? 0;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`sobolSequence: n must be a non-negative integer, got ${n}`);
  if (!Number.isSafeInteger(skip) || skip < 0) throw new RangeError(`sobolSequence: skip must be a non-negative integer, got ${skip}`);
  if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`sobolSequence: dims must lie in 1..${SOBOL_MAX_DIMENSIONS} (Joe-Kuo table included), got ${dims}`);
  }
  if (skip + n > TWO32) throw new RangeError("sobolSequence: skip + n must not exceed 2^32");
  let v = directions().slice(0, dims);
  const x = new Uint32Array(dims);
  if (options.scrambleSeed !== undefined) {
    const draw = seededUniforms(options.scrambleSeed, "sobol-scramble");
    v = v.map((vd, d) => scrambleDirections(vd, draw, d));
    for (let d = 0; d < dims; d++) x[d] = Math.floor(draw(d, BITS) * TWO32) >>> 0;
  }
  // Point `skip` in Gray-code order: xor of V[k] over the bits k of gray(skip) = skip ^ (skip >> 1).
  let rest = skip;
  for (let k = 0; rest > 0; k++) {
    const bit = rest % 2;
    rest = (rest - bit) / 2;
    if ((bit ^ rest % 2) === 1) for (let d = 0; d < dims; d++) x[d] ^= v[d][k];
  }
  const points: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(dims);
    for (let d = 0; d < dims; d++) row[d] = x[d] * TWO_M32;
    points.push(row);
    // Next point: flip the direction number of the lowest zero bit of the current index.
    let index = skip + i;
    let c = 0;
    while (index % 2 === 1) {
      index = (index - 1) / 2;
      c++;
    }
    if (c < BITS) for (let d = 0; d < dims; d++) x[d] ^= v[d][c];
  }
  return points;
}
