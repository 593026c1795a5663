import { describe, expect, it } from "vitest";
import { closestKey, editDistance } from "../../src/scenario/did-you-mean.js";
import { formatJsonPath, jsonPathProblem, parseJsonPath } from "../../src/scenario/json-path.js";
import { normalizePath, resolveRelative } from "../../src/scenario/paths.js";

describe("did you mean", () => {
  it("edit distance counts swaps as one", () => {
    expect(editDistance("marketTrnd", "marketTrend")).toBe(1);
    expect(editDistance("hroizon", "horizon")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only close keys", () => {
    const keys = ["marketTrend", "marketVolatility", "name", "nameZh"];
    expect(closestKey("marketTrnd", keys)).toBe("marketTrend");
    expect(closestKey("MarketTrend", keys)).toBe("marketTrend");
    expect(closestKey("nam", keys)).toBe("name");
    expect(closestKey("volatility", keys)).toBeUndefined();
  });

  it("gives the same answer as comparing with every key, also for keys of other lengths and very long keys", () => {
    const keys = ["marketTrend", "marketVolatility", "name", "nameZh", "a", "abcdefghijklmnopqrstuvwxyz"];
    const bruteForce = (key: string) => {
      const ranked = keys.map((k) => [k, editDistance(key.toLowerCase(), k.toLowerCase())] as const).sort((a, b) => a[1] - b[1]);
      const best = ranked.find((r) => r[1] === ranked[0][1])!;
      return best[1] <= Math.max(1, Math.floor(Math.max(key.length, 3) / 3)) ? best[0] : undefined;
    };
    const tries = ["marketTrnd", "mrktTrend", "marketVolatilty", "nam", "nameZ", "nameZhh", "b", "", "abcdefghijklmnopqrstuvw", "x".repeat(40), "ab"];
    for (const t of tries) expect(closestKey(t, keys), t).toBe(bruteForce(t));
    expect(closestKey("x".repeat(200_000), keys)).toBeUndefined();
  });
});

describe("JSON paths", () => {
  it("uses dots for plain keys and brackets otherwise", () => {
    expect(formatJsonPath(["industries", "med-devices", "marketTrend"])).toBe('$.industries["med-devices"].marketTrend');
    expect(formatJsonPath(["chain", "matrix", 2, 0])).toBe("$.chain.matrix[2][0]");
    expect(formatJsonPath(["attraction", "promotionTeams", "2019"])).toBe('$.attraction.promotionTeams["2019"]');
    expect(formatJsonPath([])).toBe("$");
  });

  it("reads back exactly what it writes, and nothing else", () => {
    const cases: (string | number)[][] = [[], ["a"], ["industries", "health-management", "marketTrend"], ["m", 0, 12], ["k", 'we"ird\\ key'], ["2019"], ["$x", "_y"]];
    for (const segs of cases) expect(parseJsonPath(formatJsonPath(segs))).toEqual(segs);
    for (const bad of ["", "a.b", "$.", "$..a", "$[01]", "$[-1]", "$[x]", '$["unterminated]', "$.a b", '$["plain"]', "$.health-management"])
      expect(parseJsonPath(bad), bad).toBeNull();
  });

  it("says how to write a path that is not in the one written form", () => {
    expect(jsonPathProblem('$.industries["health-management"].marketTrend')).toBeNull();
    expect(jsonPathProblem("$.industries.health-management.marketTrend")).toBe(
      '"$.industries.health-management.marketTrend" is not written as the engine writes paths: write $.industries["health-management"].marketTrend',
    );
    expect(jsonPathProblem("industries.x")).toMatch(/is not a JSON path/);
  });
});

describe("extends paths", () => {
  it("resolve relative to the extending file", () => {
    expect(resolveRelative("scenarios/example-overlay.json", "./example.json")).toBe("scenarios/example.json");
    expect(resolveRelative("a/b/c.json", "../../d.json")).toBe("d.json");
    expect(resolveRelative("c.json", "../d.json")).toBe("../d.json");
    expect(resolveRelative("/x/y/c.json", "/abs/d.json")).toBe("/abs/d.json");
    expect(resolveRelative("/x/y/c.json", "../d.json")).toBe("/x/d.json");
    expect(normalizePath("a//./b/../c")).toBe("a/c");
  });
});
