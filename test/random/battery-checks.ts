/**
 * The keyed generator's statistical battery as functions of a generator, so that the same
 * checks run on KeyedPass (test/random/keyed-battery.test.ts) and on deliberately weakened
 * variants (to show the checks can fail). Each check returns named z statistics with their
 * bounds; an ideal generator exceeds a bound with probability ALPHA per statistic.
 */
import { streamId } from "../../src/random/keyed.js";
import {
  bits52,
  chiSquareZ,
  correlationZ,
  countFlips,
  countOnes,
  halfProbabilityZ,
  high32,
  low20,
  pairsZ,
  uniformityZ,
  zBound,
} from "./battery.js";

/** What the battery needs of a keyed generator (KeyedPass has this shape). */
export interface PassGenerator {
  reset(runSeed: number, stream: number, quarter: number): PassGenerator;
  uniform(key: number, index: number): number;
}

/** One statistic: |z| must stay below bound. */
export interface Statistic {
  name: string;
  z: number;
  bound: number;
}

/** False-alarm probability of each statistic for an ideal generator. */
export const ALPHA = 1e-6;
const Z = zBound(ALPHA);
const SEED = 20170601;
const SHOCK = streamId("firm-shock");

/** The statistics whose |z| reaches their bound. */
export function failures(stats: readonly Statistic[]): Statistic[] {
  return stats.filter((s) => !(Math.abs(s.z) < s.bound));
}

/** Draws of one pass for keys keyOffset..keyOffset+n-1 at one index (the model's pattern). */
function keysOfPass(g: PassGenerator, seed: number, stream: number, quarter: number, n: number, index = 0, keyOffset = 0): Float64Array {
  const out = new Float64Array(n);
  g.reset(seed, stream, quarter);
  for (let k = 0; k < n; k++) out[k] = g.uniform(keyOffset + k, index);
  return out;
}

/** The high and low parts of the 52-bit integers behind us, each as a fraction in [0, 1). */
function highLow(us: Float64Array): [Float64Array, Float64Array] {
  const hi = new Float64Array(us.length);
  const lo = new Float64Array(us.length);
  for (let i = 0; i < us.length; i++) {
    const k = bits52(us[i]);
    hi[i] = high32(k) / 2 ** 32;
    lo[i] = low20(k) / 2 ** 20;
  }
  return [hi, lo];
}

/** One pass over 2^22 consecutive keys: uniformity of high and low bits, bit frequencies, moments, serial dependence along keys. */
export function onePassChecks(g: PassGenerator): Statistic[] {
  const n = 1 << 22;
  const us = keysOfPass(g, SEED, SHOCK, 7, n);
  const [hi, lo] = highLow(us);
  const ones = new Float64Array(52);
  for (let i = 0; i < n; i++) countOnes(us[i], ones);
  const bits = halfProbabilityZ(ones, n);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    s += us[i];
    s2 += (us[i] - 0.5) * (us[i] - 0.5);
  }
  const out: Statistic[] = [
    { name: "uniformity, 2^16 buckets", z: uniformityZ(us, 1 << 16), bound: Z },
    { name: "low 20 bits, 2^12 buckets", z: uniformityZ(lo, 1 << 12), bound: Z },
    { name: "low 20 bits against high 32 bits, pairs 64 x 64", z: pairsZ(hi, lo, 64), bound: Z },
    { name: "worst of the 52 bit frequencies", z: bits.maxAbsZ, bound: zBound(ALPHA / 52) },
    { name: "all 52 bit frequencies", z: bits.chiZ, bound: Z },
    { name: "mean", z: (s / n - 0.5) / Math.sqrt(1 / 12 / n), bound: Z },
    { name: "variance", z: (s2 / n - 1 / 12) / Math.sqrt((1 / 80 - 1 / 144) / n), bound: Z },
    { name: "consecutive keys, pairs 128 x 128", z: pairsZ(us.subarray(0, n - 1), us.subarray(1), 128), bound: Z },
  ];
  for (const lag of [1, 2, 3]) out.push({ name: `consecutive keys, lag-${lag} correlation`, z: correlationZ(us.subarray(0, n - lag), us.subarray(lag)), bound: Z });
  return out;
}

/** Consecutive indices of one agent: 2^12 keys x 256 indices, and 2^20 indices of a single agent. */
export function indexChecks(g: PassGenerator): Statistic[] {
  const keys = 1 << 12;
  const J = 256;
  const a = new Float64Array(keys * (J - 1));
  const b = new Float64Array(keys * (J - 1));
  const all = new Float64Array(keys * J);
  g.reset(SEED, SHOCK, 3);
  for (let k = 0; k < keys; k++) {
    for (let j = 0; j < J; j++) all[k * J + j] = g.uniform(k, j);
    a.set(all.subarray(k * J, k * J + J - 1), k * (J - 1));
    b.set(all.subarray(k * J + 1, k * J + J), k * (J - 1));
  }
  const single = new Float64Array(1 << 20);
  for (let j = 0; j < single.length; j++) single[j] = g.uniform(12345, j);
  const [hi, lo] = highLow(single);
  return [
    { name: "uniformity along indices, 2^12 buckets", z: uniformityZ(all, 1 << 12), bound: Z },
    { name: "consecutive indices, lag-1 correlation", z: correlationZ(a, b), bound: Z },
    { name: "consecutive indices, pairs 64 x 64", z: pairsZ(a, b, 64), bound: Z },
    { name: "one agent's 2^20 indices: low 20 bits against high 32 bits, pairs 64 x 64", z: pairsZ(hi, lo, 64), bound: Z },
    { name: "one agent's 2^20 indices: consecutive, pairs 64 x 64", z: pairsZ(single.subarray(0, single.length - 1), single.subarray(1), 64), bound: Z },
  ];
}

/** Adjacent quarters of one agent: 2^13 keys x quarters -16..47. */
export function quarterChecks(g: PassGenerator): Statistic[] {
  const keys = 1 << 13;
  const T = 64;
  const rows = Array.from({ length: T }, (_, t) => keysOfPass(g, SEED, SHOCK, t - 16, keys));
  const a = new Float64Array(keys * (T - 1));
  const b = new Float64Array(keys * (T - 1));
  const all = new Float64Array(keys * T);
  for (let t = 0; t < T; t++) {
    all.set(rows[t], t * keys);
    if (t > 0) {
      a.set(rows[t - 1], (t - 1) * keys);
      b.set(rows[t], (t - 1) * keys);
    }
  }
  return [
    { name: "adjacent quarters, lag-1 correlation", z: correlationZ(a, b), bound: Z },
    { name: "adjacent quarters, pairs 64 x 64", z: pairsZ(a, b, 64), bound: Z },
    { name: "uniformity over quarters, 2^10 buckets", z: uniformityZ(all, 1 << 10), bound: Z },
  ];
}

/** The same 2^18 agents under neighbouring streams, run seeds, indices and shifted keys. */
export function streamChecks(g: PassGenerator): Statistic[] {
  const n = 1 << 18;
  const base = keysOfPass(g, SEED, SHOCK, 5, n);
  const others: Record<string, Float64Array> = {
    "stream + 1": keysOfPass(g, SEED, SHOCK + 1, 5, n),
    "stream with the top bit flipped": keysOfPass(g, SEED, (SHOCK ^ 0x80000000) >>> 0, 5, n),
    "another named stream": keysOfPass(g, SEED, streamId("firm-exit"), 5, n),
    "run seed + 1": keysOfPass(g, SEED + 1, SHOCK, 5, n),
    "index 1 of the same pass": keysOfPass(g, SEED, SHOCK, 5, n, 1),
    "keys shifted by one": keysOfPass(g, SEED, SHOCK, 5, n, 0, 1),
  };
  return Object.entries(others).flatMap(([name, other]) => [
    { name: `${name}: correlation`, z: correlationZ(base, other), bound: Z },
    { name: `${name}: pairs 32 x 32`, z: pairsZ(base, other, 32), bound: Z },
  ]);
}

/** The 256 (seed, stream, quarter) triples of passChecks: consecutive seeds, streams, quarters, and unrelated triples. */
export function passTriples(): [number, number, number][] {
  const triples: [number, number, number][] = [];
  for (let i = 0; i < 256; i++) {
    const j = i >> 2;
    const kind = i % 4;
    if (kind === 0) triples.push([SEED + j, SHOCK, 0]);
    else if (kind === 1) triples.push([SEED, SHOCK + 1 + j, 0]);
    else if (kind === 2) triples.push([SEED, SHOCK, j < 32 ? j - 32 : j - 31]);
    else triples.push([i * 7919, i * 104729, i]);
  }
  return triples;
}

/** All pairs of 256 passes over the same 4096 agents: correlations (max and chi-square). */
export function passChecks(g: PassGenerator): Statistic[] {
  const n = 4096;
  const rows = passTriples().map(([seed, stream, q]) => {
    const us = keysOfPass(g, seed, stream, q, n);
    let m = 0;
    for (const u of us) m += u;
    m /= n;
    let v = 0;
    for (const u of us) v += (u - m) * (u - m);
    const sd = Math.sqrt(v / n);
    for (let k = 0; k < n; k++) us[k] = (us[k] - m) / sd;
    return us;
  });
  let chi = 0;
  let maxAbsZ = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      let dot = 0;
      const x = rows[i];
      const y = rows[j];
      for (let k = 0; k < n; k++) dot += x[k] * y[k];
      const z = dot / Math.sqrt(n);
      chi += z * z;
      maxAbsZ = Math.max(maxAbsZ, Math.abs(z));
    }
  }
  const pairs = (rows.length * (rows.length - 1)) / 2;
  return [
    { name: "pairs of passes: worst correlation", z: maxAbsZ, bound: zBound(ALPHA / pairs) },
    { name: "pairs of passes: all correlations (chi-square)", z: chiSquareZ(chi, pairs), bound: Z },
  ];
}

/** Flip-count statistics over (input bit x 52 output bits) cells. */
function avalancheStats(label: string, counts: Float64Array, samples: number): Statistic[] {
  const r = halfProbabilityZ(counts, samples);
  return [
    { name: `${label}: worst input-output bit pair`, z: r.maxAbsZ, bound: zBound(ALPHA / counts.length) },
    { name: `${label}: all bit pairs (chi-square)`, z: r.chiZ, bound: Z },
  ];
}

/** Avalanche on the key and the index: each of their 64 bits flipped, 2^13 samples. */
export function drawAvalancheChecks(g: PassGenerator): Statistic[] {
  const samples = 1 << 13;
  const counts = new Float64Array(64 * 52);
  const cell = (bit: number) => counts.subarray(bit * 52, bit * 52 + 52);
  g.reset(SEED, SHOCK, 9);
  for (let s = 0; s < samples; s++) {
    const key = (Math.imul(s, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
    const index = (Math.imul(s, 0x85ebca6b) >>> 20) + (s & 7);
    const u = g.uniform(key, index);
    for (let bit = 0; bit < 32; bit++) {
      countFlips(u, g.uniform((key ^ (1 << bit)) >>> 0, index), cell(bit));
      countFlips(u, g.uniform(key, (index ^ (1 << bit)) >>> 0), cell(32 + bit));
    }
  }
  return avalancheStats("avalanche on key and index", counts, samples);
}

/** Avalanche on the pass: each bit of the run seed, the stream and the quarter flipped, 2^12 samples. */
export function passAvalancheChecks(g: PassGenerator, other: PassGenerator): Statistic[] {
  const samples = 1 << 12;
  const counts = new Float64Array(96 * 52);
  const cell = (bit: number) => counts.subarray(bit * 52, bit * 52 + 52);
  for (let s = 0; s < samples; s++) {
    const seed = Math.imul(s, 0x27d4eb2f) >>> 0;
    const stream = Math.imul(s ^ 0x165667b1, 0x9e3779b1) >>> 0;
    const quarter = (s % 120) - 40;
    const key = s * 3;
    const u = g.reset(seed, stream, quarter).uniform(key, 0);
    for (let bit = 0; bit < 32; bit++) {
      const f = 1 << bit;
      countFlips(u, other.reset((seed ^ f) >>> 0, stream, quarter).uniform(key, 0), cell(bit));
      countFlips(u, other.reset(seed, (stream ^ f) >>> 0, quarter).uniform(key, 0), cell(32 + bit));
      countFlips(u, other.reset(seed, stream, quarter ^ f).uniform(key, 0), cell(64 + bit));
    }
  }
  return avalancheStats("avalanche on seed, stream and quarter", counts, samples);
}
