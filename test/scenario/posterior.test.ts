import { describe, expect, it } from "vitest";
import { drawScenario } from "../../src/model/draw.js";
import { loadScenario } from "../../src/scenario/load.js";
import { exampleData, problemAt, problemsOfExample, tempDir, writeFixture } from "./fixtures.js";

const PATH = '$.industries["med-devices"].marketTrend';

describe("posterior parameter paths", () => {
  it("a path in another syntax is bad input that says how to write it, never silently drawn from the prior", async () => {
    const problems = await problemsOfExample((s) => {
      s.industries["med-devices"].marketTrend = { dist: "uniform", min: 0.01, max: 0.05 };
      s.posterior = { parameters: ["$.industries.med-devices.marketTrend"], draws: [[0.0421]], historySeeds: [7], source: "test" };
    });
    expect(problemAt(problems, "$.posterior.parameters[0]").message).toBe(
      `"$.industries.med-devices.marketTrend" is not written as the engine writes paths: write ${PATH}`,
    );
  });

  it("an unparseable or unknown path is bad input", async () => {
    const problems = await problemsOfExample((s) => {
      s.posterior = { parameters: ["industries.x", "$.industries.nothing.marketTrend"], draws: [[1, 2]], historySeeds: [7], source: "test" };
    });
    expect(problemAt(problems, "$.posterior.parameters[0]").message).toMatch(/is not a JSON path/);
    expect(problemAt(problems, "$.posterior.parameters[1]").message).toMatch(/is not a numeric parameter/);
  });

  it("a path in the written form takes the posterior row's value", async () => {
    const s = exampleData();
    delete s.$schema;
    s.industries["med-devices"].marketTrend = { dist: "uniform", min: 0.01, max: 0.05 };
    s.posterior = { parameters: [PATH], draws: [[0.0421]], historySeeds: [7], source: "test" };
    const { scenario } = await loadScenario(writeFixture(tempDir(), "post.json", s));
    const { values } = drawScenario(scenario, 7);
    expect(values.find((v) => v.path === PATH)?.value).toBe(0.0421);
  });
});
