/**
 * Counter-based keyed draws for common random numbers: a draw is a pure function of
 * (run seed, stream, quarter, agent key, index), so a lever that adds agents or draws in one
 * place shifts no draw anywhere else. A KeyedPass absorbs (run seed, stream, quarter) once per
 * pass over the agents; each draw then absorbs the agent key and the index in three 32-bit
 * mix rounds (src/random/README.md: design, cost, statistical checks). No allocation per draw.
 */
import { absorb32, absorbInt32, hashString32, mixInt32, GOLDEN32 } from "./seeds.js";
import { normalQuantile, normalQuantiles } from "./math.js";
import type { RandomStream } from "./streams.js";

/** Initial states of the pass's three words (hex digits of π, e and √2, as int32). */
const INIT_A = 0x243f6a88;
const INIT_B = 0xb7e15162 | 0;
const INIT_C = 0x6a09e667;
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

/** One word of a pass's state: absorbs runSeed, stream, quarter (mod 2^32) into `init`, as int32. */
function passWord(init: number, runSeed: number, stream: number, quarter: number): number {
  return absorbInt32(absorbInt32(mixInt32(init ^ runSeed), stream), quarter);
}

/**
 * Keyed draws of one pass over agents: (runSeed, stream, quarter) absorbed once; reuse one
 * instance per mechanism (no allocation per draw). Per draw, with lowbias32 rounds m and the
 * pass words (s0, s1, s2):
 *   a = m((s0 xor key) + GOLDEN32),  b = m((a xor index) + s1),  c = m((a + b) xor s2)
 * (all mod 2^32); b is the high 32 bits and the top 20 bits of c the low bits of the 52-bit
 * integer k of u = (k + 0.5)·2^-52. For a fixed pass, (key, index) -> (a, b) is a bijection,
 * and so is (a, b) -> (b, c).
 */
export class KeyedPass {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;

  /** Absorbs (runSeed, stream, quarter) (integers taken mod 2^32, a negative quarter works); returns this. */
  reset(runSeed: number, stream: number, quarter: number): this {
    this.s0 = passWord(INIT_A, runSeed, stream, quarter);
    this.s1 = passWord(INIT_B, runSeed, stream, quarter);
    this.s2 = passWord(INIT_C, runSeed, stream, quarter);
    return this;
  }

  /** Uniform in the open interval (0, 1), never 0 or 1, for (agent key, index) within the pass. */
  uniform(key: number, index: number): number {
    // The three rounds are mixInt32 (seeds.ts) written out: a call each would count three
    // times against V8's inlining budget of the loop that draws (test/random/keyed.test.ts
    // compares this with the mixInt32 form).
    let a = ((this.s0 ^ key) + GOLDEN32) | 0;
    a ^= a >>> 16;
    a = Math.imul(a, 0x7feb352d);
    a ^= a >>> 15;
    a = Math.imul(a, 0x846ca68b);
    a ^= a >>> 16;
    let b = ((a ^ index) + this.s1) | 0;
    b ^= b >>> 16;
    b = Math.imul(b, 0x7feb352d);
    b ^= b >>> 15;
    b = Math.imul(b, 0x846ca68b);
    b ^= b >>> 16;
    let c = ((a + b) | 0) ^ this.s2;
    c ^= c >>> 16;
    c = Math.imul(c, 0x7feb352d);
    c ^= c >>> 15;
    c = Math.imul(c, 0x846ca68b);
    c ^= c >>> 16;
    return ((b >>> 0) * TWO20 + (c >>> 12) + 0.5) * TWO_M52;
  }

  /** Standard normal draw for (key, index): normalQuantile(uniform(key, index)). */
  normal(key: number, index: number): number {
    return normalQuantile(this.uniform(key, index));
  }

  /**
   * out[j] = uniform(keys[j], index) for j < n: a pass's draws in one loop that calls nothing,
   * so its doubles are stored unboxed whether or not V8 inlines this into its caller (uniform
   * written out again; test/random/keyed.test.ts compares the two).
   */
  uniforms(keys: Uint32Array, n: number, index: number, out: Float64Array): void {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    for (let j = 0; j < n; j++) {
      let a = ((s0 ^ keys[j]) + GOLDEN32) | 0;
      a ^= a >>> 16;
      a = Math.imul(a, 0x7feb352d);
      a ^= a >>> 15;
      a = Math.imul(a, 0x846ca68b);
      a ^= a >>> 16;
      let b = ((a ^ index) + s1) | 0;
      b ^= b >>> 16;
      b = Math.imul(b, 0x7feb352d);
      b ^= b >>> 15;
      b = Math.imul(b, 0x846ca68b);
      b ^= b >>> 16;
      let c = ((a + b) | 0) ^ s2;
      c ^= c >>> 16;
      c = Math.imul(c, 0x7feb352d);
      c ^= c >>> 15;
      c = Math.imul(c, 0x846ca68b);
      c ^= c >>> 16;
      out[j] = ((b >>> 0) * TWO20 + (c >>> 12) + 0.5) * TWO_M52;
    }
  }

  /** out[j] = normal(keys[j], index) for j < n: uniforms, then normalQuantiles in place (neither boxes a double). */
  normals(keys: Uint32Array, n: number, index: number, out: Float64Array): void {
    this.uniforms(keys, n, index, out);
    normalQuantiles(out, n);
  }

  /** The high 32 bits of uniform(key, index)'s 52-bit integer, as a uint32: floor(u·2^32). */
  hash32(key: number, index: number): number {
    const a = mixInt32(((this.s0 ^ key) + GOLDEN32) | 0);
    return mixInt32(((a ^ index) + this.s1) | 0) >>> 0;
  }
}

/** The pass the one-shot functions below reset on every call (they allocate nothing). */
const ONE_SHOT = new KeyedPass();

/**
 * Keyed uint32 hash of (runSeed, stream, key, quarter, index); all arguments are integers,
 * taken mod 2^32 (a negative quarter works). Equal to new KeyedPass().reset(runSeed, stream,
 * quarter).hash32(key, index), the high 32 bits behind keyedUniform.
 */
export function keyedHash32(runSeed: number, stream: number, key: number, quarter: number, index: number): number {
  return ONE_SHOT.reset(runSeed, stream, quarter).hash32(key, index);
}

/**
 * Keyed uniform in the open interval (0, 1): new KeyedPass().reset(runSeed, stream,
 * quarter).uniform(key, index), in [2^-53, 1 − 2^-53], never 0 or 1 (safe for inverse CDFs).
 * Absorbs the pass on every call: in a loop over agents, reuse a KeyedPass instead.
 */
export function keyedUniform(runSeed: number, stream: number, key: number, quarter: number, index: number): number {
  return ONE_SHOT.reset(runSeed, stream, quarter).uniform(key, index);
}

/**
 * A RandomStream over keyed draws: the i-th next() returns keyedUniform(runSeed, stream, key,
 * quarter, firstIndex + i). For samplers that need a variable number of uniforms (beta,
 * gamma) under common random numbers. Allocates two small objects per call.
 */
export function keyedStream(runSeed: number, stream: number, key: number, quarter: number, firstIndex = 0): RandomStream {
  const pass = new KeyedPass().reset(runSeed, stream, quarter);
  let index = firstIndex;
  return {
    next(): number {
      return pass.uniform(key, index++);
    },
  };
}
