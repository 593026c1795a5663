// The core's faster paths give exactly the values of the plain definitions they replace in the
// hot loops (so results stay bit-identical): keys from a per-group base, utilities from terms
// tabled per quarter, the outside choice from the district choice's kept terms, and draws taken
// a group or a pass at a time.
import { describe, expect, it } from "vitest";
import { combineKeys } from "../../src/random/keyed.js";
import { agentKey, agentKeyAt, agentKeyBase, COUNT_SLOT } from "../../src/model/streams.js";
import { districtChoice, districtProbability, districtUtility, leadUtility, outsideChoice, outsideChoiceAfter, prepareLeadUtility } from "../../src/model/choice.js";
import { leadInvestment, leadInvestments } from "../../src/model/leads.js";
import { scenario, stepped } from "./fixtures.js";

describe("agent keys from a group's base", () => {
  it("equal the nested combineKeys definition", () => {
    for (const source of [1, 3, 7])
      for (const group of [0, 2, 5])
        for (const industry of [0, 4, 7])
          for (const quarter of [-4, 0, 13, 27]) {
            const base = agentKeyBase(source, group, industry, quarter);
            for (const k of [0, 1, 2, 99, COUNT_SLOT]) {
              const plain = combineKeys(combineKeys(combineKeys(source, group * 256 + industry), quarter + 4096), k);
              expect(agentKeyAt(base, k)).toBe(plain);
              expect(agentKey(source, group, industry, quarter, k)).toBe(plain);
            }
          }
  });
});

describe("the lead's district utility and choice", () => {
  it("leadUtility equals districtUtility, and the kept terms give outsideChoice's answer, at every industry and a range of land needs", async () => {
    const sim = stepped(await scenario("baseline.json"), 5, 14);
    const { p, s } = sim;
    prepareLeadUtility(p, s);
    const I = p.industries.ids.length;
    let compared = 0;
    for (let i = 0; i < I; i++)
      for (const need of [0, 0.5, 3, 40, 400, 1e5]) {
        const v = districtUtility(p, s, i, need);
        expect(Object.is(leadUtility(p, s, i, need), v)).toBe(true);
        const pd = districtProbability(p, s, i, v);
        expect(Object.is(districtChoice(p, s, i, v), pd)).toBe(true);
        for (let j = 0; j < 40; j++) {
          const u = pd + ((1 - pd) * (j + 0.5)) / 40;
          districtChoice(p, s, i, v);
          expect(outsideChoiceAfter(p, s, i, u)).toBe(outsideChoice(p, s, i, v, u));
          compared += 1;
        }
      }
    expect(compared).toBe(I * 6 * 40);
  });
});

describe("lead investments drawn a group at a time", () => {
  it("equal leadInvestment of each key, for every tier", async () => {
    const { p, s } = stepped(await scenario("baseline.json"), 5, 9);
    const n = 3000;
    const keys = Uint32Array.from({ length: n }, (_, j) => agentKeyAt(agentKeyBase(1, 2, 3, 9), j));
    const out = new Float64Array(n + 1).fill(-1);
    for (let t = 0; t < p.tiers.ids.length; t++) {
      leadInvestments(p, s, t, keys, n, out);
      for (let j = 0; j < n; j++) expect(Object.is(out[j], leadInvestment(p, s, t, keys[j]))).toBe(true);
      expect(out[n]).toBe(-1);
    }
  });
});
