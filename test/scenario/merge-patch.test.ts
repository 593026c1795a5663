import { describe, expect, it } from "vitest";
import { mergePatch, mergePatchInPlace } from "../../src/scenario/merge-patch.js";
import { stripComments, stripTopLevel } from "../../src/scenario/meta-keys.js";

describe("mergePatch (RFC 7396)", () => {
  // The examples of RFC 7396, Appendix A.
  const rfc: [unknown, unknown, unknown][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, result] of rfc)
    it(`${JSON.stringify(target)} + ${JSON.stringify(patch)}`, () => expect(mergePatch(target, patch)).toEqual(result));

  it("replaces a distribution whole, dropping the base's keys and the patch's nulls", () => {
    const base = { x: { dist: "triangular", min: 0, mode: 1, max: 2 } };
    expect(mergePatch(base, { x: { dist: "uniform", min: 0, max: 3, mode: null } })).toEqual({ x: { dist: "uniform", min: 0, max: 3 } });
    expect(mergePatch({ x: 1 }, { x: { dist: "normal", mean: 1, sd: 0.1 } })).toEqual({ x: { dist: "normal", mean: 1, sd: 0.1 } });
  });

  it("still merges a patch without dist into a base distribution (RFC rule)", () => {
    expect(mergePatch({ x: { dist: "uniform", min: 0, max: 1 } }, { x: { max: 2 } })).toEqual({ x: { dist: "uniform", min: 0, max: 2 } });
  });

  it("does not modify its inputs and keeps __proto__ as an ordinary key", () => {
    const base = { a: { b: 1 } };
    const patch = JSON.parse('{"a": {"c": 2}, "__proto__": {"polluted": true}}');
    const out = mergePatch(base, patch) as Record<string, unknown>;
    expect(base).toEqual({ a: { b: 1 } });
    expect(Object.keys(out)).toEqual(["a", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("meta keys", () => {
  it("strips $comment at any depth, in arrays and records too", () => {
    const problems: { jsonPath: string; message: string }[] = [];
    const out = stripComments({ $comment: "top", a: [{ $comment: "x", b: 1 }], r: { "id-1": { $comment: 5, c: 2 }, $comment: "rec" } }, problems);
    expect(out).toEqual({ a: [{ b: 1 }], r: { "id-1": { c: 2 } } });
    expect(problems).toEqual([{ jsonPath: '$.r["id-1"].$comment', message: '"$comment" must be a string (found number)' }]);
  });

  it("strips $schema and extends at the top only", () => {
    expect(stripTopLevel({ $schema: "./s.json", extends: "./b.json", a: { extends: 1 } })).toEqual({ a: { extends: 1 } });
  });
});

describe("mergePatchInPlace", () => {
  it("gives the same result as mergePatch over a chain of patches, without touching the patches", () => {
    const patches: unknown[] = [
      { a: { b: 1, c: [1, 2] }, d: { dist: "uniform", min: 0, max: 1 }, e: "x" },
      { a: { b: null, f: { g: 2 } }, d: { dist: "normal", mean: 0, sd: 1 }, h: null },
      { a: { f: { g: null, i: 3 } }, e: { j: null, k: 4 }, ["__proto__"]: { polluted: true } },
      { a: 7, d: { min: null, sd: 2 } },
    ];
    const frozen = JSON.stringify(patches);
    let byCopy: unknown = {};
    let inPlace: unknown = {};
    for (const p of patches) {
      byCopy = mergePatch(byCopy, p);
      inPlace = mergePatchInPlace(inPlace, p);
      expect(inPlace).toEqual(byCopy);
      expect(JSON.stringify(inPlace)).toBe(JSON.stringify(byCopy));
    }
    expect(JSON.stringify(patches)).toBe(frozen);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
