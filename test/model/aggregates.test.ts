import { describe, expect, it } from "vitest";
import { chainCompleteness } from "../../src/model/aggregates.js";

describe("chainCompleteness", () => {
  it("is one half on each side when local supply just equals the need", () => {
    // two industries: 0 supplies half of 1's inputs; 1 is 0's customer
    const a = Float64Array.from([0, 0.5, 0, 0]);
    const out = new Float64Array(2);
    chainCompleteness(a, Float64Array.from([50, 100]), out);
    // industry 1: supplier side 50 / (50 + 0.5 x 100) = 0.5; no customer links
    expect(out[1]).toBeCloseTo(0.5, 12);
    // industry 0: customer side 0.5 x 100 / (0.5 x 100 + 50) = 0.5; no supplier links
    expect(out[0]).toBeCloseTo(0.5, 12);
  });

  it("rises with the supplier's output and is 0 without links", () => {
    const a = Float64Array.from([0, 0.5, 0, 0, 0, 0, 0, 0, 0]);
    const low = new Float64Array(3);
    const high = new Float64Array(3);
    chainCompleteness(a, Float64Array.from([10, 100, 5]), low);
    chainCompleteness(a, Float64Array.from([200, 100, 5]), high);
    expect(high[1]).toBeGreaterThan(low[1]);
    expect(high[1]).toBeLessThan(1);
    expect(low[2]).toBe(0);
  });
});
