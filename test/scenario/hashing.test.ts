import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { canonicalJson } from "../../src/scenario/canonical-json.js";
import { sha256Hex } from "../../src/scenario/sha256.js";
import { scenarioHash } from "../../src/scenario/hash.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [{ d: "x y", c: null }], "€": true })).toBe('{"a":[{"c":null,"d":"x y"}],"b":1,"€":true}');
  });

  it("writes numbers as JavaScript does and skips undefined properties", () => {
    expect(canonicalJson({ x: 0.1 + 0.2, y: -0, z: 1e21, u: undefined })).toBe('{"x":0.30000000000000004,"y":0,"z":1e+21}');
  });
});

describe("sha256Hex", () => {
  it("matches node:crypto on the standard vectors and on multi-block UTF-8 text", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    for (const s of ["", "a".repeat(55), "a".repeat(56), "a".repeat(64), "亿元 亩 €".repeat(100)])
      expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
  });

  it("scenarioHash ignores key order", () => {
    expect(scenarioHash({ a: 1, b: { c: 2, d: 3 } })).toBe(scenarioHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(scenarioHash({ a: 1 })).not.toBe(scenarioHash({ a: 2 }));
  });
});
