import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/scenario/errors.js";
import { exampleData, problemAt, problemsOf, problemsOfExample, tempDir, writeFixture } from "./fixtures.js";

/** The single problem of a modified example, checked to name the file and the JSON path. */
async function onlyProblem(change: (s: Record<string, any>) => void, jsonPath: string) {
  const problems = await problemsOfExample(change);
  expect(problems.map(formatProblem)).toHaveLength(1);
  const p = problemAt(problems, jsonPath);
  expect(p.file).toMatch(/bad\.json$/);
  expect(p.line).toBeGreaterThan(0);
  return p;
}

describe("shape problems name the file, the path and what was expected", () => {
  it("an unknown key, with a did-you-mean", async () => {
    const p = await onlyProblem((s) => (s.industries.biopharma.marketTrnd = 0.1), "$.industries.biopharma.marketTrnd");
    expect(p.message).toBe('unknown key "marketTrnd"; did you mean "marketTrend"?');
    const renamed = await problemsOfExample((s) => {
      s.industries.biopharma.marketTrnd = s.industries.biopharma.marketTrend;
      delete s.industries.biopharma.marketTrend;
    });
    // the missing key is located at its object (line of "biopharma"), before the misspelt key
    expect(renamed.map((q) => q.message)).toEqual([
      'missing required key "marketTrend" (expected a number >= -0.5 and <= 1, or a distribution)',
      'unknown key "marketTrnd"; did you mean "marketTrend"?',
    ]);
  });

  it("an unknown key without a close match lists the allowed keys", async () => {
    const p = await onlyProblem((s) => (s.horizon.foo = 1), "$.horizon.foo");
    expect(p.message).toBe('unknown key "foo"; allowed keys: startYear, endYear');
  });

  it("an unknown key at the top level and inside a distribution", async () => {
    const problems = await problemsOfExample((s) => {
      s.industrys = {};
      s.dynamics.agglomerationElasticity.mod = 0.3;
    });
    expect(problemAt(problems, "$.industrys").message).toBe('unknown key "industrys"; did you mean "industries"?');
    expect(problemAt(problems, "$.dynamics.agglomerationElasticity.mod").message).toBe('unknown key "mod"; did you mean "mode"?');
  });

  it("a wrong type says expected versus found", async () => {
    const p = await onlyProblem((s) => (s.tiers.leader.inducesSuppliers = "no"), "$.tiers.leader.inducesSuppliers");
    expect(p.message).toBe('expected true or false (found "no")');
    const q = await onlyProblem((s) => (s.industries["med-devices"].marketTrend = "high"), '$.industries["med-devices"].marketTrend');
    expect(q.message).toBe('expected a number >= -0.5 and <= 1, or a distribution (found "high")');
  });

  it("a missing required key is named", async () => {
    const p = await onlyProblem((s) => delete s.costs.perTeamYear, "$.costs.perTeamYear");
    expect(p.message).toBe('missing required key "perTeamYear" (expected a number >= 0, or a distribution)');
  });

  it("negative land", async () => {
    const p = await onlyProblem((s) => (s.initialState.parks.biopark.landFreeMu = -5), "$.initialState.parks.biopark.landFreeMu");
    expect(p.message).toBe("expected a number >= 0 and <= 100000000, or a distribution (found -5)");
  });

  it("a probability above 1", async () => {
    const p = await onlyProblem((s) => (s.industries["health-services"].landNeedShare = 1.2), '$.industries["health-services"].landNeedShare');
    expect(p.message).toBe("expected a number >= 0 and <= 1, or a distribution (found 1.2)");
  });

  it("a fraction where a whole number is needed", async () => {
    const p = await onlyProblem((s) => (s.dynamics.youngAgeQuarters = 2.5), "$.dynamics.youngAgeQuarters");
    expect(p.message).toBe("expected a whole number >= 0 and <= 80, or a distribution (found 2.5)");
  });

  it("a bound on a plain number", async () => {
    const p = await onlyProblem((s) => (s.horizon.endYear = 2200), "$.horizon.endYear");
    expect(p.message).toBe("expected a whole number <= 2100 (found 2200)");
  });

  it("a distribution with a bad field reports the nested path", async () => {
    const p = await onlyProblem((s) => (s.dynamics.shockVolatility = { dist: "normal", mean: 0.1, sd: "wide" }), "$.dynamics.shockVolatility.sd");
    expect(p.message).toBe('expected a number (found "wide")');
    const q = await onlyProblem((s) => (s.dynamics.shockVolatility = { dist: "normal", mean: 0.1 }), "$.dynamics.shockVolatility.sd");
    expect(q.message).toBe('missing required key "sd" (expected a number)');
  });

  it("an unknown distribution family lists the allowed values of dist", async () => {
    const p = await onlyProblem((s) => (s.dynamics.shockPersistence = { dist: "gamma", k: 2 }), "$.dynamics.shockPersistence.dist");
    expect(p.message).toBe('expected one of "uniform", "normal", "lognormal", "triangular", "beta", "choice" (found "gamma")');
    const q = await onlyProblem((s) => (s.dynamics.shockPersistence = { min: 0, max: 1 }), "$.dynamics.shockPersistence.dist");
    expect(q.message).toContain('missing required key "dist" (expected one of "uniform", "normal"');
  });

  it("an unknown target kind lists the allowed kinds", async () => {
    const p = await onlyProblem((s) => (s.targets["top-ten"].kind = "ranking"), '$.targets["top-ten"].kind');
    expect(p.message).toBe('expected one of "attracted", "output", "cluster-order", "rank" (found "ranking")');
  });

  it("a number-or-distribution field given neither names what it expects", async () => {
    const p = await onlyProblem((s) => (s.dynamics.shockVolatility = [0.1]), "$.dynamics.shockVolatility");
    expect(p.message).toBe("expected a number >= 0 and <= 2, or a distribution (found an array of 1)");
  });

  it("sizes have upper bounds, so an absurd input is refused", async () => {
    const p = await onlyProblem((s) => (s.initialState.firms[0].count = 1e12), "$.initialState.firms[0].count");
    expect(p.message).toBe("expected a whole number >= 0 and <= 1000000, or a distribution (found 1000000000000)");
    const q = await onlyProblem((s) => (s.attraction.promotionTeams["2018"] = 1e9), '$.attraction.promotionTeams["2018"]');
    expect(q.message).toBe("expected a number >= 0 and <= 100000, or a distribution (found 1000000000)");
    const r = await onlyProblem((s) => (s.tiers.leader.pool = { biopharma: 1e9 }), "$.tiers.leader.pool.biopharma");
    expect(r.message).toContain("<= 10000000");
  });

  it("an enum value", async () => {
    const p = await onlyProblem((s) => (s.attraction.unspentBudget = "keep"), "$.attraction.unspentBudget");
    expect(p.message).toBe('expected one of "carry-over", "lapse" (found "keep")');
  });

  it("a bad id and a bad schedule year as record keys", async () => {
    const problems = await problemsOfExample((s) => {
      s.tiers.Small = s.tiers.small;
      s.factors.landQuotaMu.biopark["19"] = 3;
    });
    expect(problemAt(problems, "$.tiers.Small").message).toBe(`invalid key "Small": expected an id: lower-case letters, digits and '-', starting with a letter`);
    expect(problemAt(problems, '$.factors.landQuotaMu.biopark["19"]').message).toBe('invalid key "19": expected a four-digit year such as "2018"');
  });

  it("a distribution whose support leaves the parameter's range", async () => {
    const p = await onlyProblem((s) => (s.dynamics.realisedInvestmentRatio = { dist: "uniform", min: 0.2, max: 1.3 }), "$.dynamics.realisedInvestmentRatio");
    expect(p.message).toBe("distribution support [0.2, 1.3] must lie within the parameter's range (a number >= 0 and <= 1); truncate it with min/max");
    const q = await onlyProblem((s) => (s.dynamics.shockVolatility = { dist: "normal", mean: 0.1, sd: 0.05 }), "$.dynamics.shockVolatility");
    expect(q.message).toContain("distribution support [-Infinity, Infinity] must lie within the parameter's range (a number >= 0 and <= 2)");
  });

  it("a distribution's own consistency check", async () => {
    const p = await onlyProblem((s) => (s.dynamics.agglomerationElasticity = { dist: "triangular", min: 0.1, mode: 0.6, max: 0.5 }), "$.dynamics.agglomerationElasticity");
    expect(p.message).toBe("triangular needs min <= mode <= max (got 0.1, 0.6, 0.5)");
  });

  it("a lognormal without min is allowed for a strictly positive parameter", async () => {
    const s = exampleData();
    s.industries.biopharma.nationalMarket = { dist: "lognormal", meanlog: 10, sdlog: 0.1, max: 1e6 };
    s.tiers.anchor.investmentMedian = { dist: "uniform", min: 0, max: 40 };
    const problems = await problemsOf(writeFixture(tempDir(), "x.json", s));
    expect(problems.map((p) => p.jsonPath)).toEqual(["$.tiers.anchor.investmentMedian"]);
    expect(problems[0].message).toContain("(a number > 0 and <= 100000)");
  });

  it("a duplicate key and a non-string $comment", async () => {
    const data = exampleData();
    data.horizon.$comment = 3;
    const text = JSON.stringify(data, null, 2).replace('"name": "example",', '"name": "example",\n  "name": "again",');
    const file = writeFixture(tempDir(), "dup.json", text);
    const problems = await problemsOf(file);
    expect(problemAt(problems, "$.name")).toMatchObject({ file, line: 5, column: 3, message: 'duplicate key "name" (only the last one would count; remove the other)' });
    expect(problemAt(problems, "$.horizon.$comment").message).toBe('"$comment" must be a string (found number)');
  });
});

describe("cross-reference problems", () => {
  it("a horizon ending before it starts", async () => {
    const problems = await problemsOfExample((s) => (s.horizon.endYear = 2017));
    expect(problemAt(problems, "$.horizon.endYear").message).toBe("must be >= startYear (2018), got 2017");
  });

  it("a chain matrix of the wrong size", async () => {
    const rows = await problemsOfExample((s) => s.chain.matrix.pop());
    expect(problemAt(rows, "$.chain.matrix").message).toBe("must have 3 rows (one per industry), has 2");
    const cols = await onlyProblem((s) => s.chain.matrix[2].pop(), "$.chain.matrix[2]");
    expect(cols.message).toBe("must have 3 columns, has 2");
  });

  it("a column sum above 1 (distributions at their upper bound)", async () => {
    const p = await onlyProblem((s) => (s.chain.matrix[1][2] = 0.75), "$.chain.matrix");
    expect(p.message).toBe("column 2 (health-services) sums to 1.05, must be <= 1 (distributions count at their upper bound)");
  });

  it("a target naming a park or a tier that does not exist", async () => {
    const problems = await problemsOfExample((s) => {
      s.targets["biopark-output"].parks = ["biopark", "nopark"];
      s.targets["anchors-signed"].groups = ["giant"];
    });
    expect(problems).toHaveLength(2);
    expect(problemAt(problems, '$.targets["biopark-output"].parks[1]').message).toBe('unknown park "nopark"; expected one of: biopark, health-park');
    expect(problemAt(problems, '$.targets["anchors-signed"].groups[0]').message).toBe(
      'unknown tier or institution kind "giant"; expected one of: anchor, hospital, leader, school, small',
    );
  });

  it("a rank field of fewer than 11 parks", async () => {
    const p = await onlyProblem((s) => (s.rankField.size = 5), "$.rankField.size");
    expect(p.message).toBe("expected a whole number >= 11 and <= 10000, or a distribution (found 5)");
  });

  it("a competitor in an unknown nest, and a district nest that does not exist", async () => {
    const problems = await problemsOfExample((s) => {
      s.competitors.zhangjiang.nest = "everywhere";
      s.choice.districtNest = "home";
    });
    expect(problemAt(problems, "$.competitors.zhangjiang.nest").message).toBe('unknown nest "everywhere"; expected one of: far, near');
    expect(problemAt(problems, "$.choice.districtNest").message).toBe('unknown nest "home"; expected one of: far, near');
  });

  it("an anchor tier in an industry where it does not exist", async () => {
    const p = await onlyProblem((s) => (s.tiers.anchor.pool["health-services"] = 5), '$.tiers.anchor.pool["health-services"]');
    expect(p.message).toBe('tier "anchor" exists only in biopharma, med-devices, not in "health-services"');
    const q = await onlyProblem((s) => (s.initialState.firms[0].industry = "health-services"), "$.initialState.firms[0].tier");
    expect(q.message).toBe('tier "anchor" exists only in biopharma, med-devices, not in "health-services"');
  });

  it("a labour share too large for the value-added ratios (added capacity must never lower value added)", async () => {
    const p = await onlyProblem((s) => (s.industries.biopharma.labourShare = 0.9), "$.industries.biopharma.labourShare");
    expect(p.message).toMatch(/^labourShare x valueAddedRatio of "health-services" \(0\.\d+\) must be <= this industry's valueAddedRatio \(0\.3\)/);
  });

  it("an output target of the wrong scope, and an all-in measure without its multiplier", async () => {
    const problems = await problemsOfExample((s) => {
      s.targets["biopark-output"].scope = "industries";
      s.targets.clusters.measure = "all-in";
    });
    expect(problemAt(problems, '$.targets["biopark-output"].industries').message).toBe('scope "industries" needs at least one of the industries');
    expect(problemAt(problems, '$.targets["biopark-output"].parks').message).toBe('scope "industries" counts industries; leave parks empty');
    expect(problemAt(problems, "$.targets.clusters.allInMultiplier").message).toBe('measure "all-in" needs allInMultiplier (all-in output per unit of revenue)');
  });

  it("a known event outside the run and a history that starts after the horizon", async () => {
    const problems = await problemsOfExample((s) => {
      s.events = { late: { name: "late", quarter: "2031Q1", industry: "biopharma", tier: "anchor", investment: 10 } };
      s.history.startYear = 2019;
    });
    expect(problemAt(problems, "$.events.late.quarter").message).toMatch(/^must lie within the run/);
    expect(problemAt(problems, "$.history.startYear").message).toBe("must lie within 20 years before horizon.startYear (2018), got 2019");
  });

  it("a schedule with no value for the first year", async () => {
    const p = await onlyProblem((s) => (s.attraction.promotionTeams = { "2019": 6 }), "$.attraction.promotionTeams");
    expect(p.message).toBe("schedule needs a year <= 2018 (the first simulated year); has 2019");
    const q = await onlyProblem((s) => (s.factors.services["health-park"] = { "2020": 0.7 }), '$.factors.services["health-park"]');
    expect(q.message).toContain("schedule needs a year <= 2018");
  });

  it("cluster thresholds out of order", async () => {
    const p = await onlyProblem((s) => (s.targets.clusters.thresholds = [100, 300]), "$.targets.clusters.thresholds");
    expect(p.message).toBe("must be in descending order, got [100, 300]");
  });
});

describe("every problem of a file is reported at once", () => {
  it("shape and cross-reference problems of different sections together, in file order", async () => {
    const problems = await problemsOfExample((s) => {
      s.industries.biopharma.marketTrnd = 0.1;
      s.industries["med-devices"].marketTrend = "high";
      s.initialState.parks.biopark.landFreeMu = -5;
      s.horizon.endYear = 2021;
      s.targets.clusters.year = 2022;
      s.chain.matrix[2] = [0.5, 0.9];
      s.attraction.promotionTeams = { "2019": 6 };
      s.attraction.unspentBudget = "keep";
      s.targets["biopark-output"].parks = ["nopark"];
      delete s.costs.perTeamYear;
    });
    expect(problems.map((p) => p.jsonPath)).toEqual([
      "$.industries.biopharma.marketTrnd",
      '$.industries["med-devices"].marketTrend',
      "$.chain.matrix[2]",
      "$.initialState.parks.biopark.landFreeMu",
      "$.attraction.promotionTeams",
      "$.attraction.unspentBudget",
      "$.costs.perTeamYear",
      '$.targets["biopark-output"].parks[0]',
      "$.targets.clusters.year",
    ]);
    const lines = problems.map((p) => p.line!);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it("a cross-reference check is skipped only when what it reads is broken", async () => {
    const problems = await problemsOfExample((s) => {
      s.chain.matrix[0][0] = "x";
      s.targets["biopark-output"].parks = ["nopark"];
    });
    // the chain check cannot run on a broken matrix, the target check still runs
    expect(problems.map((p) => p.jsonPath)).toEqual(["$.chain.matrix[0][0]", '$.targets["biopark-output"].parks[0]']);
  });
});
