/**
 * Scaling a scenario by an agent factor for the benchmarks: the same district, `factor` times
 * larger, so that the number of agent-steps grows about linearly with the factor while every
 * per-firm quantity (size, growth, land and talent per firm, choice utilities) stays as it was.
 */
import type { Distribution, Num } from "../src/scenario/schema-number.js";
import { childPath } from "../src/scenario/json-path.js";
import type { Scenario } from "../src/scenario/schema.js";

/** A number or a distribution multiplied by `f` (every draw becomes f x the unscaled draw for the same uniform). */
export function scaleNum(x: Num, f: number): Num {
  if (typeof x === "number") return x * f;
  const d: Distribution = x;
  const opt = (v: number | undefined) => (v === undefined ? undefined : v * f);
  switch (d.dist) {
    case "uniform":
      return { ...d, min: d.min * f, max: d.max * f };
    case "triangular":
      return { ...d, min: d.min * f, mode: d.mode * f, max: d.max * f };
    case "normal":
      return { ...d, mean: d.mean * f, sd: d.sd * f, min: opt(d.min), max: opt(d.max) };
    case "lognormal":
      return { ...d, meanlog: d.meanlog + Math.log(f), min: opt(d.min), max: opt(d.max) };
    case "beta":
      return { ...d, min: (d.min ?? 0) * f, max: (d.max ?? 1) * f };
    case "choice":
      return { ...d, values: d.values.map((v) => v * f) };
  }
}

/** A number or a distribution shifted by `delta` (every draw moves by delta). */
export function shiftNum(x: Num, delta: number): Num {
  if (typeof x === "number") return x + delta;
  const d: Distribution = x;
  const opt = (v: number | undefined) => (v === undefined ? undefined : v + delta);
  switch (d.dist) {
    case "uniform":
      return { ...d, min: d.min + delta, max: d.max + delta };
    case "triangular":
      return { ...d, min: d.min + delta, mode: d.mode + delta, max: d.max + delta };
    case "normal":
      return { ...d, mean: d.mean + delta, min: opt(d.min), max: opt(d.max) };
    case "lognormal":
      throw new Error("shiftNum: cannot shift a lognormal distribution");
    case "beta":
      return { ...d, min: (d.min ?? 0) + delta, max: (d.max ?? 1) + delta };
    case "choice":
      return { ...d, values: d.values.map((v) => v + delta) };
  }
}

/** Central value of a number or distribution (for a coefficient used in a compensation). */
function centre(x: Num): number {
  if (typeof x === "number") return x;
  switch (x.dist) {
    case "uniform":
      return (x.min + x.max) / 2;
    case "triangular":
      return (x.min + x.mode + x.max) / 3;
    case "normal":
      return x.mean;
    case "lognormal":
      return Math.exp(x.meanlog);
    case "beta":
      return (x.min ?? 0) + ((x.max ?? 1) - (x.min ?? 0)) * (x.alpha / (x.alpha + x.beta));
    case "choice":
      return x.values.reduce((s, v) => s + v, 0) / x.values.length;
  }
}

/** A transform of one parameter (applied to the scenario's value and to its posterior column). */
type Transform = (x: Num) => Num;

/**
 * The scenario with `factor` times the agents (pure: returns a deep copy, `scenario` is left
 * untouched). Scaled by the factor:
 * - initial state: firm group counts (rounded) and outputs, institution counts (rounded), each
 *   park's free and used land (projects and known events stay as they are); the labour supply
 *   follows, since it clears the initial demand;
 * - flows: land quotas, talent-programme persons, housing added, promotion teams, incentive
 *   budget and guidance fund (so the fund's start-up rate; start-ups from employment and from
 *   institutions scale through the firms and the institution count);
 * - prospect pools of tiers and institution kinds with their effort scales (and the chain
 *   work's), so that leads scale with the teams while saturation stays the same;
 * - the world around: each industry's national market (so market caps scale), competitor
 *   outputs and firm counts.
 * Compensated so per-firm behaviour is unchanged: each institution kind's capacity spill-over
 * is divided by the factor (the park's total stays the same), and the choice's location
 * constant is lowered by agglomeration x ln(factor) (ln(1 + f x output) ~ ln f + ln output for
 * the district and the competitors alike, so staying out keeps its odds), with the institution
 * kinds' utility constants raised by the same amount. Supplier leads scale through the number
 * of anchors. A parameter that is also a column of the scenario's posterior gets the same
 * transform in every posterior row. Targets are not rescaled (they do not change the work a
 * run does).
 */
export function scaleScenario(scenario: Scenario, factor: number): Scenario {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`scaleScenario: factor must be a positive number, got ${factor}`);
  const s = structuredClone(scenario);
  if (factor === 1) return s;
  const f = factor;
  const done = new Map<string, Transform>();
  /** Applies `t` to obj[key], whose JSON path is path + key, and records it. */
  const edit = (obj: Record<string, unknown>, path: string, key: string, t: Transform): void => {
    obj[key] = t(obj[key] as Num);
    done.set(childPath(path, key), t);
  };
  /** Applies `t` to every value of obj (a record keyed by id or year), recursing `depth` levels. */
  const editAll = (obj: Record<string, unknown>, path: string, t: Transform, depth = 0): void => {
    for (const key of Object.keys(obj)) {
      if (depth > 0) editAll(obj[key] as Record<string, unknown>, childPath(path, key), t, depth - 1);
      else edit(obj, path, key, t);
    }
  };
  const times: Transform = (x) => scaleNum(x, f);
  const count: Transform = (x) => (typeof x === "number" ? Math.round(x * f) : scaleNum(x, f));

  s.initialState.firms.forEach((g, i) => {
    const path = childPath("$.initialState.firms", i);
    edit(g, path, "count", count);
    edit(g, path, "output", times);
  });
  s.initialState.institutions.forEach((g, i) => edit(g, childPath("$.initialState.institutions", i), "count", count));
  for (const [id, park] of Object.entries(s.initialState.parks)) {
    const path = childPath("$.initialState.parks", id);
    for (const key of ["landFreeMu", "landUsedMu"] as const) edit(park, path, key, times);
  }
  const fa = s.factors;
  editAll(fa.landQuotaMu, "$.factors.landQuotaMu", times, 1);
  editAll(fa.housingAdded, "$.factors.housingAdded", times, 1);
  editAll(fa.talentProgrammePersons, "$.factors.talentProgrammePersons", times);
  editAll(fa.guidanceFund, "$.factors.guidanceFund", times);
  editAll(s.attraction.promotionTeams, "$.attraction.promotionTeams", times);
  editAll(s.attraction.incentiveBudget, "$.attraction.incentiveBudget", times);
  for (const [id, ind] of Object.entries(s.industries)) edit(ind, childPath("$.industries", id), "nationalMarket", times);
  // Prospect pools and the effort that saturates them scale together, so leads scale with the teams.
  for (const [id, t] of Object.entries(s.tiers)) {
    const path = childPath("$.tiers", id);
    editAll(t.pool, childPath(path, "pool"), count);
    edit(t, path, "effortScale", times);
  }
  edit(s.attraction, "$.attraction", "chainEffortScale", times);
  for (const [id, c] of Object.entries(s.competitors)) {
    const path = childPath("$.competitors", id);
    edit(c, path, "output", times);
    edit(c, path, "firms", times);
  }
  const shift = centre(s.choice.agglomeration) * Math.log(f);
  edit(s.choice, "$.choice", "locationConstant", (x) => shiftNum(x, -shift));
  for (const [id, k] of Object.entries(s.institutionKinds)) {
    const path = childPath("$.institutionKinds", id);
    edit(k, path, "spilloverPerYear", (x) => scaleNum(x, 1 / f));
    edit(k, path, "pool", count);
    edit(k, path, "effortScale", times);
    edit(k, path, "utilityConstant", (x) => shiftNum(x, shift));
  }
  const post = s.posterior;
  if (post) {
    post.parameters.forEach((path, j) => {
      const t = done.get(path);
      if (t) for (const row of post.draws) row[j] = t(row[j]) as number;
    });
  }
  return s;
}
