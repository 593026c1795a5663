import { describe, expect, it } from "vitest";
import { exp, expm1, growthPerQuarter, ln, lnGamma, log1p, normalCdf, normalMass, normalPdf, normalQuantile, normalQuantiles, pow } from "../../src/random/math.js";

/** |a - b| <= rel * |b| (or exact equality, for infinities and zeros). */
function expectRel(a: number, b: number, rel: number): void {
  if (a === b) return;
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.abs(b));
}

const grid: number[] = [];
for (let x = -700; x <= 700; x += 0.731) grid.push(x);

describe("stdlib re-exports agree with Math.* to about 1 ulp", () => {
  it("exp", () => {
    for (const x of grid) expectRel(exp(x), Math.exp(x), 1e-15);
  });
  it("ln and log1p", () => {
    for (const x of grid) {
      const y = Math.abs(x) + 1e-3;
      expectRel(ln(y), Math.log(y), 1e-15);
      expectRel(log1p(y / 800 - 0.5), Math.log1p(y / 800 - 0.5), 1e-15);
    }
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
  });
  it("expm1", () => {
    for (const x of grid) expectRel(expm1(x / 100), Math.expm1(x / 100), 1e-15);
  });
  it("pow", () => {
    for (const x of grid) {
      const b = Math.abs(x) / 70 + 0.01;
      for (const e of [-3.7, -1, -0.25, 0.5, 2, 7.3]) expectRel(pow(b, e), Math.pow(b, e), 1e-15);
    }
  });
});

describe("normalCdf", () => {
  // Reference values from mpmath at 30 digits.
  const reference: [number, number][] = [
    [-37, 5.7255712225245768227e-300],
    [-20, 2.7536241186062336951e-89],
    [-10, 7.619853024160526066e-24],
    [-5, 2.8665157187919391167e-7],
    [-3, 0.0013498980316300945267],
    [-1.5, 0.066807201268858066004],
    [-1, 0.15865525393145705141],
    [-0.3, 0.38208857781104736693],
    [0, 0.5],
    [0.5, 0.69146246127401310364],
    [1, 0.84134474606854294859],
    [2.5, 0.99379033467422386483],
    [4, 0.99996832875816688008],
    [6, 0.99999999901341235496],
  ];
  it("matches high-precision values, including far tails", () => {
    for (const [x, p] of reference) expectRel(normalCdf(x), p, 1e-14);
  });
  it("is symmetric, monotone and handles infinities", () => {
    let prev = 0;
    for (let x = -40; x <= 10; x += 0.01) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(prev);
      prev = p;
      expect(Math.abs(p + normalCdf(-x) - 1)).toBeLessThanOrEqual(2.3e-16);
    }
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });
  it("normalMass is accurate in a far tail and normalPdf matches its formula", () => {
    expectRel(normalMass(10, 11), 7.619853024160526066e-24 - 1.9106595744986827e-28, 1e-13);
    expectRel(normalMass(-11, -10), normalMass(10, 11), 1e-15);
    expectRel(normalPdf(1.3), Math.exp(-0.845) / Math.sqrt(2 * Math.PI), 1e-15);
  });
});

describe("normalQuantile", () => {
  // Reference values: roots of mpmath's ncdf at 50 digits.
  const reference: [number, number][] = [
    [1e-300, -37.047096299361199237],
    [1e-20, -9.2623400897984075796],
    [1e-10, -6.3613409024040561991],
    [0.01, -2.3263478740408410931],
    [0.3, -0.52440051270804081597],
    [0.5, 0],
    [0.8, 0.8416212335729143638],
    [0.975, 1.9599639845400538556],
    [1 - 1e-12, 7.0344869100478352057],
  ];
  it("matches high-precision values", () => {
    for (const [p, x] of reference) expectRel(normalQuantile(p), x, 1e-14);
  });
  it("inverts normalCdf across the range", () => {
    for (let x = -37.5; x <= 0; x += 0.037) expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThan(1e-13 * (1 + Math.abs(x)));
    // Above 0 the information left in p = Φ(x) is limited by the spacing of doubles near 1.
    for (let x = 0; x <= 7; x += 0.013) {
      const tol = 1e-14 + (2 * Number.EPSILON) / normalPdf(x);
      expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThan(tol);
    }
  });
  it("has the right limits", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(5e-324)).toBeLessThan(-38);
  });
  it("normalQuantiles gives normalQuantile's value of every entry, in place, in the centre, the tails and at the limits", () => {
    const ps = [0, 5e-324, 1e-300, 1e-10, 0.01, 0.0749, 0.075, 0.075000001, 0.3, 0.5, 0.7, 0.925, 0.9250001, 0.99, 1 - 1e-10, 1, -0.1, 1.1, NaN];
    for (let j = 0; j < 20000; j++) ps.push((j + 0.5) / 20000);
    const out = Float64Array.from([...ps, 0.25]);
    normalQuantiles(out, ps.length);
    ps.forEach((p, j) => expect(Object.is(out[j], normalQuantile(p))).toBe(true));
    expect(out[ps.length]).toBe(0.25); // nothing past n is touched
  });
});

describe("lnGamma", () => {
  it("matches high-precision values", () => {
    const reference: [number, number][] = [
      [0.1, 2.252712651734205902],
      [0.5, 0.57236494292470008707],
      [1.5, -0.12078223763524522235],
      [3, 0.69314718055994530942],
      [7.5, 7.5343642367587329552],
      [10, 12.801827480081469611],
      [25.5, 56.389167643719946744],
      [100, 359.13420536957539878],
      [1e5, 1051287.7089736568949],
    ];
    for (const [x, v] of reference) expect(Math.abs(lnGamma(x) - v)).toBeLessThanOrEqual(2e-15 * Math.max(1, Math.abs(v)));
    expect(lnGamma(1)).toBe(0);
    expect(lnGamma(2)).toBe(0);
  });
  it("equals ln(n!) for n up to 170", () => {
    let fact = 1;
    for (let n = 1; n <= 170; n++) {
      fact *= n;
      expect(Math.abs(lnGamma(n + 1) - Math.log(fact))).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.log(fact)));
    }
  });
  it("rejects x <= 0", () => {
    expect(() => lnGamma(0)).toThrow(RangeError);
    expect(() => lnGamma(-2.5)).toThrow(RangeError);
    expect(() => lnGamma(NaN)).toThrow(RangeError);
  });
});

describe("growthPerQuarter", () => {
  it("compounds back to the annual rate", () => {
    for (const g of [-0.5, -0.03, 0, 0.001, 0.08, 0.25, 3]) {
      const q = growthPerQuarter(g);
      expect(Math.abs(Math.pow(1 + q, 4) - 1 - g)).toBeLessThanOrEqual(1e-15 * (1 + Math.abs(g)));
      expect(Math.abs(q - (Math.pow(1 + g, 0.25) - 1))).toBeLessThanOrEqual(1e-15 * (1 + Math.abs(g)));
    }
    expect(growthPerQuarter(0)).toBe(0);
    expect(growthPerQuarter(-1)).toBe(-1);
    expect(() => growthPerQuarter(-1.5)).toThrow(RangeError);
  });
});
