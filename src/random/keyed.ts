/**
 * Counter-based keyed draws for common random numbers: a draw is a pure function of
 * (run seed, stream, agent key, quarter, index), so a lever that adds agents or draws in one
 * place shifts no draw anywhere else. No state, no allocation per call.
 */
import { absorb32, absorbInt32, hashString32, mixInt32 } from "./seeds.js";
import type { RandomStream } from "./streams.js";

/** Initial state of the high lane (hex digits of π). */
const LANE_HI = 0x243f6a88;
/** Initial state of the low lane (hex digits of e, 0xb7e15162, as int32). */
const LANE_LO = 0xb7e15162 | 0;
/** 2^20. */
const TWO20 = 1048576;
/** 2^-52. */
const TWO_M52 = 2.220446049250313e-16;

/** Stream id (uint32) of a stream name: hashString32(name); compute once, outside hot loops. */
export function streamId(name: string): number {
  return hashString32(name);
}

/** Combines two uint32 words (e.g. a tier and an industry index) into one uint32 agent key. */
export function combineKeys(a: number, b: number): number {
  return absorb32(absorb32(0x13198a2e, a), b);
}

/**
 * One 32-bit lane of the keyed hash: absorbs runSeed, stream, key, quarter, index in that
 * order (each word taken mod 2^32) into the lane's initial state, then one extra mix32 round
 * of (h + init); returns the bits as an int32.
 */
function lane(init: number, runSeed: number, stream: number, key: number, quarter: number, index: number): number {
  let h = mixInt32(init ^ runSeed);
  h = absorbInt32(h, stream);
  h = absorbInt32(h, key);
  h = absorbInt32(h, quarter);
  h = absorbInt32(h, index);
  return mixInt32((h + init) | 0);
}

/**
 * Keyed uint32 hash of (runSeed, stream, key, quarter, index); all arguments are integers,
 * taken mod 2^32 (a negative quarter works). Same as the high 32 bits behind keyedUniform.
 */
export function keyedHash32(runSeed: number, stream: number, key: number, quarter: number, index: number): number {
  return lane(LANE_HI, runSeed, stream, key, quarter, index) >>> 0;
}

/**
 * Keyed uniform in the open interval (0, 1): (k + 0.5)·2^-52 with k the 52-bit integer
 * made of the 32-bit high lane and the top 20 bits of the low lane, so the value lies in
 * [2^-53, 1 − 2^-53], never 0 or 1 (safe for inverse CDFs). Arguments as in keyedHash32.
 */
export function keyedUniform(runSeed: number, stream: number, key: number, quarter: number, index: number): number {
  const hi = lane(LANE_HI, runSeed, stream, key, quarter, index) >>> 0;
  const lo = lane(LANE_LO, runSeed, stream, key, quarter, index);
  return (hi * TWO20 + (lo >>> 12) + 0.5) * TWO_M52;
}

/**
 * A RandomStream over keyed draws: the i-th next() returns keyedUniform(runSeed, stream, key,
 * quarter, firstIndex + i). For samplers that need a variable number of uniforms (beta,
 * gamma) under common random numbers. Allocates one small object per call.
 */
export function keyedStream(runSeed: number, stream: number, key: number, quarter: number, firstIndex = 0): RandomStream {
  let index = firstIndex;
  return {
    next(): number {
      return keyedUniform(runSeed, stream, key, quarter, index++);
    },
  };
}
