import { describe, expect, it } from "vitest";
import { exp, ln, normalQuantile, stdlibExpReference, stdlibLnReference } from "../../src/random/math.js";
import { KeyedPass } from "../../src/random/keyed.js";
import { GOLDEN32, mixInt32 } from "../../src/random/seeds.js";

// The ports in src/random/math.ts and keyed.ts restate a reference's arithmetic so V8 can inline them; these
// tests compare each with its reference bit for bit (Object.is), so results stay unchanged.

// Wichura's AS 241 as first written (coefficient arrays and poly7): the reference of normalQuantile.
const AS_A = [3.38713287279636661, 133.141667891784377, 1971.59095030655144, 13731.6937655094611, 45921.9539315498715, 67265.7709270087009, 33430.5755835881281, 2509.08092873012267];
const AS_B = [1, 42.3133307016009113, 687.187007492057908, 5394.19602142475111, 21213.7943015865959, 39307.8958000927106, 28729.0857357219427, 5226.49527885285456];
const AS_C = [1.42343711074968358, 4.6303378461565453, 5.76949722146069141, 3.64784832476320461, 1.27045825245236838, 0.241780725177450612, 0.0227238449892691846, 7.74545014278341408e-4];
const AS_D = [1, 2.05319162663775882, 1.67638483018380385, 0.689767334985100005, 0.148103976427480075, 0.0151986665636164572, 5.47593808499534495e-4, 1.05075007164441684e-9];
const AS_E = [6.65790464350110378, 5.46378491116411437, 1.78482653991729133, 0.296560571828504891, 0.026532189526576123, 0.00124266094738807844, 2.71155556874348758e-5, 2.01033439929228813e-7];
const AS_F = [1, 0.599832206555887938, 0.136929880922735805, 0.0148753612908506149, 7.86869131145613259e-4, 1.84631831751005468e-5, 1.42151175831644589e-7, 2.04426310338993979e-15];
const poly7 = (c: readonly number[], r: number) => ((((((c[7] * r + c[6]) * r + c[5]) * r + c[4]) * r + c[3]) * r + c[2]) * r + c[1]) * r + c[0];
function referenceQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(AS_A, r)) / poly7(AS_B, r);
  }
  let r = q < 0 ? p : 1 - p;
  if (r === 0) return q < 0 ? -Infinity : Infinity;
  r = Math.sqrt(-stdlibLnReference(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val = poly7(AS_C, r) / poly7(AS_D, r);
  } else {
    r -= 5;
    val = poly7(AS_E, r) / poly7(AS_F, r);
  }
  return q < 0 ? -val : val;
}

/** Inputs where the two could part: every special value, the branch boundaries and their neighbours. */
function edgeInputs(): number[] {
  const xs = [0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE];
  const near = (v: number) => [v, v * (1 + 2 ** -52), v * (1 - 2 ** -52), v + 1e-9, v - 1e-9];
  for (const v of [2 ** -28, 700, 709.782712893384, 745.1332191019411, 0.5 * Math.LN2, 1.5 * Math.LN2, 1022 * Math.LN2, 1021.5 * Math.LN2])
    xs.push(...near(v), ...near(-v));
  for (let k = -1080; k <= 1030; k++) xs.push(...near(k * Math.LN2), ...near((k + 0.5) * Math.LN2));
  return xs;
}

describe("exp (the port) equals stdlib's exp bit for bit", () => {
  it("at special values and around every branch and every k", () => {
    for (const x of edgeInputs()) expect(Object.is(exp(x), stdlibExpReference(x)), `exp(${x})`).toBe(true);
  });

  it("on 3 million inputs spread over the whole range, near zero and in the model's range", () => {
    const pass = new KeyedPass().reset(20261201, 1, 0);
    let differ = 0;
    let first = NaN;
    for (let j = 0; j < 1_000_000; j++) {
      const u = pass.uniform(j, 0);
      const v = pass.uniform(j, 1);
      const inputs = [
        (u - 0.5) * 1500, // the whole range, over- and underflow included
        (u - 0.5) * 2 ** (-60 + 70 * v), // tiny to moderate, both signs
        (u - 0.5) * 20, // where the model's arguments fall
      ];
      for (const x of inputs)
        if (!Object.is(exp(x), stdlibExpReference(x))) {
          differ += 1;
          if (Number.isNaN(first)) first = x;
        }
    }
    expect(differ, `first difference at ${first}`).toBe(0);
  });
});

describe("ln (the port) equals stdlib's ln bit for bit", () => {
  it("at special values, subnormals, powers of two and around every branch of the mantissa", () => {
    const xs = [0, -0, NaN, Infinity, -Infinity, -1, Number.MIN_VALUE, 2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE, 1, 1 - 2 ** -53, 1 + 2 ** -52];
    const near = (v: number) => [v, v * (1 + 2 ** -52), v * (1 - 2 ** -52)];
    // Mantissa boundaries of the branches (high word 0x6147a, 0x6b851, 0x95f64 below 2^20) at every binary exponent.
    const mantissas = [1, 1 + 0x6147a / 2 ** 20, 1 + 0x6b851 / 2 ** 20, 1 + (0x100000 - 0x95f64) / 2 ** 20, 1 + 0x6a09e / 2 ** 20, Math.SQRT2];
    for (let e = -1080; e <= 1023; e++) for (const m of mantissas) xs.push(...near(m * 2 ** e));
    for (const x of xs) expect(Object.is(ln(x), stdlibLnReference(x)), `ln(${x})`).toBe(true);
  });

  it("on 3 million inputs spread over every exponent, near 1 and in the model's range", () => {
    const pass = new KeyedPass().reset(20261201, 3, 0);
    let differ = 0;
    let first = NaN;
    for (let j = 0; j < 1_000_000; j++) {
      const u = pass.uniform(j, 0);
      const v = pass.uniform(j, 1);
      const inputs = [
        u * 2 ** Math.floor(2100 * v - 1075), // every exponent, subnormals included
        1 + (u - 0.5) * 2 ** (-60 + 60 * v), // near 1, where the short branch is taken
        u * 100, // where the model's arguments fall (uniforms, ratios, sums)
      ];
      for (const x of inputs)
        if (!Object.is(ln(x), stdlibLnReference(x))) {
          differ += 1;
          if (Number.isNaN(first)) first = x;
        }
    }
    expect(differ, `first difference at ${first}`).toBe(0);
  });
});

describe("normalQuantile (central branch written out) equals AS 241 with coefficient arrays bit for bit", () => {
  it("at special values, the branch boundaries and the extremes", () => {
    const ps = [0, 1, 0.5, -0.1, 1.1, NaN, Infinity, -Infinity, Number.MIN_VALUE, 1 - 2 ** -53, 2 ** -53, 0.075, 0.925, 0.075 + 1e-17, 0.925 - 1e-16, 1e-300, 1e-10, 1 - 1e-10];
    for (let j = -6; j <= 6; j++) ps.push(0.075 + j * 2 ** -56, 0.925 + j * 2 ** -53);
    for (const p of ps) expect(Object.is(normalQuantile(p), referenceQuantile(p)), `normalQuantile(${p})`).toBe(true);
  });

  it("on 2 million keyed uniforms and 1 million tail probabilities", () => {
    const pass = new KeyedPass().reset(20261201, 2, 0);
    let differ = 0;
    let first = NaN;
    const check = (p: number) => {
      if (Object.is(normalQuantile(p), referenceQuantile(p))) return;
      differ += 1;
      if (Number.isNaN(first)) first = p;
    };
    for (let j = 0; j < 2_000_000; j++) check(pass.uniform(j, 0));
    for (let j = 0; j < 1_000_000; j++) check(2 ** (-1 - 1000 * pass.uniform(j, 1)));
    expect(differ, `first difference at ${first}`).toBe(0);
  });
});

describe("KeyedPass.uniform (mix rounds written out) equals its form with mixInt32 calls bit for bit", () => {
  /** The draw as documented in keyed.ts, with the pass words given. */
  function referenceUniform(s0: number, s1: number, s2: number, key: number, index: number): number {
    const a = mixInt32(((s0 ^ key) + GOLDEN32) | 0);
    const b = mixInt32(((a ^ index) + s1) | 0);
    const c = mixInt32(((a + b) | 0) ^ s2);
    return ((b >>> 0) * 1048576 + (c >>> 12) + 0.5) * 2.220446049250313e-16;
  }

  it("over 1000 passes x 1000 keys x 2 indices, extreme keys and quarters included", () => {
    const pass = new KeyedPass();
    const words = pass as unknown as { s0: number; s1: number; s2: number };
    let differ = 0;
    for (let j = 0; j < 1000; j++) {
      pass.reset(j * 2654435761, j % 17, j - 500);
      for (let k = 0; k < 1000; k++) {
        const key = k < 5 ? [0, 1, 0xffffffff, 0x80000000, 0x7fffffff][k] : Math.imul(k, 0x9e3779b1) >>> 0;
        for (const index of [0, 1])
          if (!Object.is(pass.uniform(key, index), referenceUniform(words.s0, words.s1, words.s2, key, index))) differ += 1;
      }
    }
    expect(differ).toBe(0);
  });
});
