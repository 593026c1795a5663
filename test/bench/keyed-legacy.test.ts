import { describe, expect, it } from "vitest";
import { legacyKeyedUniform } from "../../bench/keyed-legacy.js";
import { streamId } from "../../src/random/keyed.js";

describe("legacy keyed draw (bench/draws.ts's 'old')", () => {
  it("reproduces the values the pre-KeyedPass keyedUniform gave (pinned in test/random/keyed.test.ts until the change)", () => {
    expect(legacyKeyedUniform(0, 0, 0, 0, 0)).toBe(0.22663698923964415);
    expect(legacyKeyedUniform(123456789, streamId("leads"), 17, 12, 3)).toBe(0.5911482731669698);
    expect(Math.floor(legacyKeyedUniform(123456789, streamId("leads"), 17, 12, 3) * 2 ** 32)).toBe(2538962500);
  });
});
