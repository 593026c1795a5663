/**
 * Integer hashing for seeds: the 32-bit mixer every other random module builds on, the
 * per-run seed of a batch, and a string hash for stream names.
 */

/** 2^32. */
const TWO32 = 4294967296;
/** Fractional bits of the golden ratio, added between absorbed words so zero words still move the state. */
export const GOLDEN32 = 0x9e3779b9;

/**
 * Bijective 32-bit integer mixer "lowbias32" (C. Wellons, hash-prospector): xorshift-multiply
 * rounds with full avalanche; input taken mod 2^32, output a uint32 in [0, 2^32).
 */
export function mix32(x: number): number {
  return mixInt32(x) >>> 0;
}

/** mix32 returning the same 32 bits as a signed int32 (stays a small integer in V8: for hot loops). */
export function mixInt32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/**
 * Absorbs one 32-bit word w into hash state h: mix32(((h xor w) + GOLDEN32) mod 2^32); for a
 * fixed h it is a bijection in w, so states that differ only in the last word never collide.
 */
export function absorb32(h: number, w: number): number {
  return mixInt32(((h ^ w) + GOLDEN32) | 0) >>> 0;
}

/** absorb32 returning a signed int32 (same bits). */
export function absorbInt32(h: number, w: number): number {
  return mixInt32(((h ^ w) + GOLDEN32) | 0);
}

/** Throws RangeError unless v is a non-negative safe integer. */
function checkIndex(v: number, name: string): void {
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${v}`);
  }
}

/**
 * Seed (uint32) of run `runIndex` (0-based) in a batch with base seed `baseSeed`. Both are
 * non-negative safe integers (RangeError otherwise), split into high and low 32-bit words and
 * absorbed in the order base.hi, base.lo, run.hi, run.lo into the state 0x243f6a88 with
 * absorb32. The seed of run i depends only on (baseSeed, i), so N runs are a prefix of
 * M > N runs, and runs 0 .. 2^32−1 of one base seed all get distinct seeds.
 */
export function deriveSeed(baseSeed: number, runIndex: number): number {
  checkIndex(baseSeed, "baseSeed");
  checkIndex(runIndex, "runIndex");
  let h = 0x243f6a88;
  h = absorbInt32(h, Math.floor(baseSeed / TWO32));
  h = absorbInt32(h, baseSeed);
  h = absorbInt32(h, Math.floor(runIndex / TWO32));
  return absorb32(h, runIndex);
}

/** Feeds one byte into an FNV-1a 32-bit state. */
function fnvByte(h: number, byte: number): number {
  return Math.imul(h ^ byte, 0x01000193);
}

/**
 * 32-bit FNV-1a hash (offset basis 0x811c9dc5, prime 0x01000193) over the UTF-8 bytes of s
 * (lone surrogates encoded as U+FFFD, as TextEncoder does); returns a uint32.
 */
export function hashString32(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x80) {
      h = fnvByte(h, c);
    } else if (c < 0x800) {
      h = fnvByte(h, 0xc0 | (c >>> 6));
      h = fnvByte(h, 0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      h = fnvByte(h, 0xe0 | (c >>> 12));
      h = fnvByte(h, 0x80 | ((c >>> 6) & 0x3f));
      h = fnvByte(h, 0x80 | (c & 0x3f));
    } else {
      h = fnvByte(h, 0xf0 | (c >>> 18));
      h = fnvByte(h, 0x80 | ((c >>> 12) & 0x3f));
      h = fnvByte(h, 0x80 | ((c >>> 6) & 0x3f));
      h = fnvByte(h, 0x80 | (c & 0x3f));
    }
  }
  return h >>> 0;
}
