/**
 * The one module for transcendental math in the model and analysis.
 *
 * Node and Chromium round Math.exp, log, pow, sin and cos differently in the last bit, so
 * everything here is built on the pure-JS @stdlib implementations (bit-identical in every
 * runtime) plus exact IEEE operations (+ - * /, Math.sqrt, floor, abs, ...). Every other
 * Math.* call and the `**` operator are forbidden in src/random, src/model and src/analysis
 * (test/random/no-forbidden-math.test.ts enforces it).
 */
import stdlibExp from "@stdlib/math-base-special-exp";
import stdlibLn from "@stdlib/math-base-special-ln";
import stdlibLog1p from "@stdlib/math-base-special-log1p";
import stdlibExpm1 from "@stdlib/math-base-special-expm1";
import stdlibPow from "@stdlib/math-base-special-pow";
import stdlibSin from "@stdlib/math-base-special-sin";
import stdlibCos from "@stdlib/math-base-special-cos";

// exp: stdlib's algorithm (FreeBSD's e_exp.c) restated so V8 can inline it: the same
// operations in the same order, with the final ldexp(y, k) done as y x 2^k from a table, which
// is exact while the result is a normal number (|x| <= 700 here); other x go to stdlib's exp.
const EXP_LN2_HI = 6.9314718036912381649e-1;
const EXP_LN2_LO = 1.90821492927058770002e-10;
const EXP_LOG2_E = 1.442695040888963387;
const EXP_NEAR_ZERO = 1 / (1 << 28);
const EXP_FAST_MAX = 700;
/** 2^k at index k + 1022 for k = -1022..1023 (doubling from 2^-1022 is exact). */
const POW2 = new Float64Array(2046);
POW2[0] = 2.2250738585072014e-308;
for (let k = 1; k < POW2.length; k++) POW2[k] = POW2[k - 1] * 2;

/**
 * e^x, bit-identical in every runtime and to stdlib's exp for every x (test/random/math-exp.test.ts
 * compares them bit for bit); small enough to be inlined in hot loops.
 */
export function exp(x: number): number {
  if (!(x >= -EXP_FAST_MAX && x <= EXP_FAST_MAX)) return stdlibExp(x); // also NaN
  if (x > -EXP_NEAR_ZERO && x < EXP_NEAR_ZERO) return 1 + x;
  const k = x < 0 ? (EXP_LOG2_E * x - 0.5) | 0 : (EXP_LOG2_E * x + 0.5) | 0;
  const hi = x - k * EXP_LN2_HI;
  const lo = k * EXP_LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (0.16666666666666602 + t * (-0.0027777777777015593 + t * (0.00006613756321437934 + t * (-0.0000016533902205465252 + t * 4.1381367970572385e-8))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return y * POW2[k + 1022];
}
/** stdlib's exp itself (the reference the inlinable exp above is compared with). */
export const stdlibExpReference: (x: number) => number = stdlibExp;
// ln: stdlib's algorithm (FreeBSD's e_log.c) restated so V8 can inline it: the same operations
// in the same order on positive normal x not within 2^-20 of 1, the float's high word read and
// set through a shared buffer (as stdlib's get/setHighWord do); stdlib's shortcuts for k = 0
// are left out (k·ln2 is then exactly 0 and each formula the same to the bit). Other x go to
// stdlib's ln.
const LN_LN2_HI = 6.93147180369123816490e-1;
const LN_LN2_LO = 1.90821492927058770002e-10;
const LN_FLOAT = new Float64Array(1);
const LN_WORDS = new Uint32Array(LN_FLOAT.buffer);
/** Index of the high 32-bit word of a float64 in LN_WORDS (1 on little-endian machines). */
const LN_HIGH = ((LN_FLOAT[0] = 1), LN_WORDS[1] === 0x3ff00000 ? 1 : 0);

/**
 * Natural logarithm ln(x) for x > 0 (ln(0) = -Infinity, ln(<0) = NaN), bit-identical everywhere
 * and to stdlib's ln for every x (test/random/inline-ports.test.ts); small enough to be inlined.
 */
export function ln(x: number): number {
  if (!(x >= 2.2250738585072014e-308 && x <= 1.7976931348623157e308)) return stdlibLn(x);
  LN_FLOAT[0] = x;
  const top = LN_WORDS[LN_HIGH] | 0;
  const hx = top & 0x000fffff;
  if ((0x000fffff & (2 + hx)) < 3) return stdlibLn(x); // within about 2^-20 of a power of two: stdlib's short series
  const i = (hx + 0x95f64) & 0x100000;
  LN_WORDS[LN_HIGH] = hx | (i ^ 0x3ff00000);
  const k = (top >> 20) - 1023 + (i >> 20);
  const f = LN_FLOAT[0] - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const R = z * (0.6666666666666735 + w * (0.2857142874366239 + w * (0.1818357216161805 + w * 0.14798198605116586))) + w * (0.3999999999940942 + w * (0.22222198432149784 + w * 0.15313837699209373));
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k * LN_LN2_HI - (hfsq - (s * (hfsq + R) + k * LN_LN2_LO) - f);
  }
  return k * LN_LN2_HI - (s * (f - R) - k * LN_LN2_LO - f);
}
/** stdlib's ln itself (the reference the inlinable ln above is compared with). */
export const stdlibLnReference: (x: number) => number = stdlibLn;
/** ln(1 + x), accurate for small |x|; x >= -1. */
export const log1p: (x: number) => number = stdlibLog1p;
/** e^x - 1, accurate for small |x|. */
export const expm1: (x: number) => number = stdlibExpm1;
/** base^exponent, bit-identical everywhere (use instead of `**` and Math.pow). */
export const pow: (base: number, exponent: number) => number = stdlibPow;
/** sin(x) for x in radians, bit-identical everywhere (stdlib; use instead of Math.sin). */
export const sin: (x: number) => number = stdlibSin;
/** cos(x) for x in radians, bit-identical everywhere (stdlib; use instead of Math.cos). */
export const cos: (x: number) => number = stdlibCos;

/** ln(sqrt(2 pi)). */
const LN_SQRT_2PI = 0.91893853320467274178;
/** 1 / sqrt(2 pi). */
const INV_SQRT_2PI = 0.39894228040143267794;
/** sqrt(32): the split between Cody's middle and tail approximations. */
const SQRT_32 = 5.6568542494923801952;

/**
 * ln Γ(x) for real x > 0 (RangeError otherwise); error about 2e-15 absolute near x = 1, 2
 * (exactly 0 at 1 and 2) and about 1e-15 relative elsewhere. Stirling's series (7 terms)
 * for x >= 10; smaller x are shifted up with Γ(x) = Γ(x + n) / (x (x+1) ... (x+n-1)).
 */
export function lnGamma(x: number): number {
  if (x === Infinity) return Infinity;
  if (!(x > 0)) throw new RangeError(`lnGamma: x must be > 0, got ${x}`);
  if (x === 1 || x === 2) return 0;
  let shift = 0;
  if (x < 10) {
    let prod = 1;
    let y = x;
    while (y < 10) {
      prod *= y;
      y += 1;
    }
    shift = ln(prod);
    x = y;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Stirling series: sum B_2k / (2k (2k-1) x^(2k-1)), k = 1..7 (Horner in 1/x^2).
  const series =
    inv *
    (1 / 12 +
      inv2 *
        (-1 / 360 +
          inv2 *
            (1 / 1260 +
              inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 * (1 / 156)))))));
  return (x - 0.5) * ln(x) - x + LN_SQRT_2PI + series - shift;
}

/** Standard normal density φ(x) = exp(-x²/2) / sqrt(2π); x in standard deviations. */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * exp(-0.5 * x * x);
}

// Cody (1969, 1993: ACM TOMS Algorithm 715, ANORM) rational Chebyshev approximations.
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

/** exp(-y²/2) computed as exp(-ys²/2)·exp(-δ/2) with ys = y rounded down to 1/16 (ys² exact). */
function gaussTail(y: number): number {
  const ys = Math.floor(y * 16) / 16;
  const del = (y - ys) * (y + ys);
  return exp(-ys * ys * 0.5) * exp(-del * 0.5);
}

/**
 * Standard normal CDF Φ(x) in [0, 1]; relative error ~1e-16 in both tails (Cody's
 * algorithm, using only exp); Φ(x) = 0 below about -38.4 and 1 above about 8.3.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= 0.66291) {
    const xsq = y > 1.1102230246251565e-16 ? x * x : 0;
    let num = A[4] * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * xsq;
      den = (den + B[i]) * xsq;
    }
    return 0.5 + (x * (num + A[3])) / (den + B[3]);
  }
  let tail: number; // Φ(-y)
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    tail = (gaussTail(y) * (num + C[7])) / (den + D[7]);
  } else if (y < 50) {
    const xsq = 1 / (x * x);
    let num = P[5] * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * xsq;
      den = (den + Q[i]) * xsq;
    }
    const r = (xsq * (num + P[4])) / (den + Q[4]);
    tail = (gaussTail(y) * (INV_SQRT_2PI - r)) / y;
  } else {
    tail = 0;
  }
  return x > 0 ? 1 - tail : tail;
}

/**
 * Probability mass Φ(b) − Φ(a) of the standard normal on [a, b] (a <= b), computed in the
 * tail where it is accurate (reflects to the lower tail when a > 0).
 */
export function normalMass(a: number, b: number): number {
  return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a);
}

// Wichura (1988), Algorithm AS 241 (PPND16), coefficients as published.
const AS_C = [
  1.42343711074968358, 4.6303378461565453, 5.76949722146069141, 3.64784832476320461,
  1.27045825245236838, 0.241780725177450612, 0.0227238449892691846, 7.74545014278341408e-4,
];
const AS_D = [
  1, 2.05319162663775882, 1.67638483018380385, 0.689767334985100005, 0.148103976427480075,
  0.0151986665636164572, 5.47593808499534495e-4, 1.05075007164441684e-9,
];
const AS_E = [
  6.65790464350110378, 5.46378491116411437, 1.78482653991729133, 0.296560571828504891,
  0.026532189526576123, 0.00124266094738807844, 2.71155556874348758e-5, 2.01033439929228813e-7,
];
const AS_F = [
  1, 0.599832206555887938, 0.136929880922735805, 0.0148753612908506149, 7.86869131145613259e-4,
  1.84631831751005468e-5, 1.42151175831644589e-7, 2.04426310338993979e-15,
];

/** Degree-7 polynomial by Horner's rule (coefficients lowest power first). */
function poly7(c: readonly number[], r: number): number {
  return ((((((c[7] * r + c[6]) * r + c[5]) * r + c[4]) * r + c[3]) * r + c[2]) * r + c[1]) * r + c[0];
}

/**
 * Standard normal quantile Φ⁻¹(p) for p in [0, 1] (−Infinity at 0, +Infinity at 1, NaN
 * outside); relative error ~1e-16 (Wichura's AS 241, using ln and Math.sqrt only). The central
 * 85% is written out (the published coefficients of its first pair of polynomials, Horner's rule) so
 * that it stays small enough for V8 to inline into a loop; the tails are a separate call.
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.08092873012267 * r + 33430.5755835881281) * r + 67265.7709270087009) * r + 45921.9539315498715) * r + 13731.6937655094611) * r +
          1971.59095030655144) * r + 133.141667891784377) * r + 3.38713287279636661)) /
      (((((((5226.49527885285456 * r + 28729.0857357219427) * r + 39307.8958000927106) * r + 21213.7943015865959) * r + 5394.19602142475111) * r +
        687.187007492057908) * r + 42.3133307016009113) * r + 1)
    );
  }
  return normalQuantileTail(p, q);
}

/**
 * Replaces each of out[0..n) (a probability) by its normalQuantile, in place: the central 85%
 * written out as in normalQuantile, the tails by a call that reads and writes out[j] itself, so
 * no double is boxed (test/random/math.test.ts compares this with normalQuantile).
 */
export function normalQuantiles(out: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    const q = out[j] - 0.5;
    if (Math.abs(q) <= 0.425) {
      const r = 0.180625 - q * q;
      out[j] =
        (q *
          (((((((2509.08092873012267 * r + 33430.5755835881281) * r + 67265.7709270087009) * r + 45921.9539315498715) * r + 13731.6937655094611) * r +
            1971.59095030655144) * r + 133.141667891784377) * r + 3.38713287279636661)) /
        (((((((5226.49527885285456 * r + 28729.0857357219427) * r + 39307.8958000927106) * r + 21213.7943015865959) * r + 5394.19602142475111) * r +
          687.187007492057908) * r + 42.3133307016009113) * r + 1);
    } else normalQuantileTailAt(out, j);
  }
}

/** out[j] = normalQuantile(out[j]) for a probability outside the central 85%. */
function normalQuantileTailAt(out: Float64Array, j: number): void {
  out[j] = normalQuantileTail(out[j], out[j] - 0.5);
}

/** normalQuantile outside the central 85% (|p - 0.5| > 0.425), and NaN for p outside [0, 1]; q = p - 0.5. */
function normalQuantileTail(p: number, q: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  let r = q < 0 ? p : 1 - p;
  if (r === 0) return q < 0 ? -Infinity : Infinity;
  r = Math.sqrt(-stdlibLn(r)); // stdlib's, not the inlinable port: a cold path that should not take the caller's inlining budget
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

/**
 * Quarterly growth rate equivalent to an annual rate g (per year, > −1):
 * (1 + g)^(1/4) − 1, computed as expm1(log1p(g) / 4) for accuracy at small g.
 */
export function growthPerQuarter(annualRate: number): number {
  if (!(annualRate >= -1)) throw new RangeError(`growthPerQuarter: annual rate must be >= -1, got ${annualRate}`);
  return expm1(log1p(annualRate) * 0.25);
}
