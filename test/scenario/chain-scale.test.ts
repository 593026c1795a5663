import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { ScenarioError } from "../../src/scenario/errors.js";
import { scenarioPath } from "./fixtures.js";

const example = readFileSync(scenarioPath("example.json"), "utf8");

/** An in-memory chain f0 -> f1 -> ... -> f(n-1) -> base.json (the example); `level` is each file's own content. */
function chain(n: number, level: (i: number) => Record<string, unknown>): Record<string, string> {
  const files: Record<string, string> = { "d/base.json": example };
  for (let i = 0; i < n; i++) files[`d/f${i}.json`] = JSON.stringify({ extends: i === n - 1 ? "base.json" : `f${i + 1}.json`, ...level(i) });
  return files;
}

/** The work units resolving the chain costs, and its outcome. */
function resolveMetered(files: Record<string, string>) {
  const meter = { units: 0 };
  try {
    const loaded = resolveScenario("d/f0.json", (f) => files[f], { meter });
    return { units: meter.units, files: loaded.files.length, problems: [] as string[] };
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    return { units: meter.units, files: -1, problems: err.problems.map((p) => `${p.file}: ${p.jsonPath}: ${p.message}`) };
  }
}

// The meter counts the characters scanned, the files visited and compared for cycles, the keys
// merged and the path steps taken to attribute problems: resolving a chain ten times as long
// must cost about ten times as much, not a hundred.
describe("a long extends chain costs work linear in its length", () => {
  it("a valid chain of 10,000 files", () => {
    const level = (i: number) => ({ description: `level ${i}`, attraction: { promotionTeams: { "2019": i % 7 } } });
    const small = resolveMetered(chain(1_000, level));
    const large = resolveMetered(chain(10_000, level));
    expect(small.problems).toEqual([]);
    expect(large.files).toBe(10_001);
    expect(large.units / small.units).toBeLessThan(12);
  });

  it("a chain whose every file adds to the merged scenario and makes a problem", () => {
    // each file adds a park of its own: the merged "parks" grows with the chain, and every park
    // lacks its land state, so there are as many problems as files
    const level = (i: number) => ({ parks: { [`p${i}`]: { name: `P${i}`, nameZh: "园", areaKm2: 1 } } });
    const small = resolveMetered(chain(1_000, level));
    const large = resolveMetered(chain(10_000, level));
    expect(small.problems.length).toBeGreaterThan(1);
    expect(large.problems.at(-1)).toMatch(/^d\/f0\.json: \$: and \d+ more problems \(only the first 200 are listed\)$/);
    expect(large.problems).toHaveLength(201);
    expect(large.units / small.units).toBeLessThan(12);
  });

  it("a cycle at the end of a long chain is found and named", () => {
    const files = chain(5_000, (i) => ({ description: `level ${i}` }));
    files["d/base.json"] = JSON.stringify({ extends: "f2500.json" });
    const { problems } = resolveMetered(files);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^d\/base\.json: \$\.extends: extends cycle: d\/f2500\.json -> d\/f2501\.json -> .* -> d\/base\.json -> d\/f2500\.json$/);
  });
});
