/**
 * Cross-reference checks of a scenario, run after the shapes: ids that must exist, schedules
 * that must cover the first simulated year, the chain matrix's size and column sums, the
 * labour shares' bound, quarters within the run. Each check declares what it reads, so that it
 * runs only when that part parsed cleanly.
 */
import type { z } from "zod";
import { drawnValueProblem, supportOf, type Num } from "./schema-number.js";
import { parameterRange } from "./parameter-range.js";
import { jsonPathProblem, parseJsonPath, valueAt } from "./json-path.js";
import type { ScenarioShapeType as Shape } from "./schema.js";

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

const upper = (x: Num): number => (typeof x === "number" ? x : supportOf(x)[1]);
const lower = (x: Num): number => (typeof x === "number" ? x : supportOf(x)[0]);

function issue(ctx: Ctx, path: Path, message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}

function checkRef(ctx: Ctx, path: Path, id: string, known: Record<string, unknown>, what: string) {
  if (!Object.hasOwn(known, id)) {
    const list = Object.keys(known).sort().join(", ");
    issue(ctx, path, `unknown ${what} "${id}"; expected one of: ${list}`);
  }
}

/** Quarter index of "2018Q3" counted from year 0 (year x 4 + quarter - 1). */
export function quarterNumber(text: string): number {
  return Number(text.slice(0, 4)) * 4 + Number(text.slice(5)) - 1;
}

/** Keys of a per-park record must be exactly the scenario's parks. */
function checkParkKeys(ctx: Ctx, path: Path, rec: Record<string, unknown>, s: Shape) {
  for (const k of Object.keys(rec)) checkRef(ctx, [...path, k], k, s.parks, "park");
  for (const p of Object.keys(s.parks)) if (!Object.hasOwn(rec, p)) issue(ctx, path, `missing an entry for park "${p}"`);
}

/** A schedule must say what holds in the first simulated year (the history's first year). */
function checkSchedule(ctx: Ctx, path: Path, sched: Record<string, unknown>, s: Shape) {
  const first = s.history.startYear;
  const years = Object.keys(sched).map(Number);
  if (!years.some((y) => y <= first)) issue(ctx, path, `schedule needs a year <= ${first} (the first simulated year); has ${years.join(", ") || "none"}`);
}

/** Whether tier `t` exists in industry `i` (its list of industries, else every industry). */
const eligible = (s: Shape, tier: string, industry: string) => {
  const list = s.tiers[tier]?.industries;
  return list === undefined || list.includes(industry);
};

function checkTierIn(ctx: Ctx, path: Path, s: Shape, tier: string, industry: string) {
  if (Object.hasOwn(s.tiers, tier) && Object.hasOwn(s.industries, industry) && !eligible(s, tier, industry))
    issue(ctx, path, `tier "${tier}" exists only in ${s.tiers[tier].industries!.join(", ")}, not in "${industry}"`);
}

function checkHorizon(ctx: Ctx, s: Shape) {
  const h = s.horizon;
  if (h.endYear < h.startYear) issue(ctx, ["horizon", "endYear"], `must be >= startYear (${h.startYear}), got ${h.endYear}`);
  const first = s.history.startYear;
  if (first > h.startYear || first < h.startYear - 20)
    issue(ctx, ["history", "startYear"], `must lie within 20 years before horizon.startYear (${h.startYear}), got ${first}`);
  const q = quarterNumber(s.history.anchorLeadsFrom);
  if (q < first * 4 || q > h.endYear * 4 + 4)
    issue(ctx, ["history", "anchorLeadsFrom"], `must lie within the run (${first}Q1 to ${h.endYear + 1}Q1), got ${s.history.anchorLeadsFrom}`);
}

function checkNonEmpty(ctx: Ctx, s: Shape) {
  for (const k of ["parks", "industries", "tiers", "labourMarkets"] as const)
    if (Object.keys(s[k]).length === 0) issue(ctx, [k], `needs at least one entry`);
}

function checkIndustries(ctx: Ctx, s: Shape) {
  const va = Object.entries(s.industries).map(([id, ind]) => ({ id, hi: upper(ind.valueAddedRatio) }));
  for (const [id, ind] of Object.entries(s.industries)) {
    checkRef(ctx, ["industries", id, "homePark"], ind.homePark, s.parks, "park");
    checkRef(ctx, ["industries", id, "labourMarket"], ind.labourMarket, s.labourMarkets, "labour market");
    const lag = ind.constructionLagQuarters;
    if ([lag.min, lag.mode, lag.max].every((x) => typeof x === "number") && !(lag.min <= lag.mode && lag.mode <= lag.max))
      issue(ctx, ["industries", id, "constructionLagQuarters"], "needs min <= mode <= max");
    // beta_j x va_i <= va_j for every i: added capacity never lowers value added (docs/model.md, "Labour market").
    const worst = va.reduce((a, b) => (b.hi > a.hi ? b : a));
    if (upper(ind.labourShare) * worst.hi > lower(ind.valueAddedRatio) + 1e-12)
      issue(ctx, ["industries", id, "labourShare"], `labourShare x valueAddedRatio of "${worst.id}" (${+(upper(ind.labourShare) * worst.hi).toPrecision(4)}) must be <= this industry's valueAddedRatio (${lower(ind.valueAddedRatio)}); distributions count at their bounds`);
  }
  for (const [id, k] of Object.entries(s.institutionKinds)) checkRef(ctx, ["institutionKinds", id, "homePark"], k.homePark, s.parks, "park");
}

function checkChain(ctx: Ctx, s: Shape) {
  const ids = Object.keys(s.industries).sort();
  const order = s.chain.order;
  const n = ids.length;
  if (order.length !== n || [...order].sort().join() !== ids.join()) issue(ctx, ["chain", "order"], `must list each industry once (${ids.join(", ")})`);
  if (s.chain.matrix.length !== n) issue(ctx, ["chain", "matrix"], `must have ${n} rows (one per industry), has ${s.chain.matrix.length}`);
  s.chain.matrix.forEach((row, i) => {
    if (row.length !== n) issue(ctx, ["chain", "matrix", i], `must have ${n} columns, has ${row.length}`);
  });
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (const row of s.chain.matrix) if (j < row.length) sum += upper(row[j]);
    if (sum > 1 + 1e-12)
      issue(ctx, ["chain", "matrix"], `column ${j} (${order[j] ?? "?"}) sums to ${+sum.toPrecision(6)}, must be <= 1 (distributions count at their upper bound)`);
  }
}

function checkTiers(ctx: Ctx, s: Shape) {
  for (const [id, t] of Object.entries(s.tiers)) {
    t.industries?.forEach((k, i) => checkRef(ctx, ["tiers", id, "industries", i], k, s.industries, "industry"));
    for (const k of Object.keys(t.pool)) {
      checkRef(ctx, ["tiers", id, "pool", k], k, s.industries, "industry");
      checkTierIn(ctx, ["tiers", id, "pool", k], s, id, k);
    }
  }
}

function checkState(ctx: Ctx, s: Shape) {
  const st = s.initialState;
  for (const [list, name] of [[st.firms, "firms"], [st.projects, "projects"]] as const)
    list.forEach((f, i) => {
      const p: Path = ["initialState", name, i];
      checkRef(ctx, [...p, "park"], f.park, s.parks, "park");
      checkRef(ctx, [...p, "industry"], f.industry, s.industries, "industry");
      checkRef(ctx, [...p, "tier"], f.tier, s.tiers, "tier");
      checkTierIn(ctx, [...p, "tier"], s, f.tier, f.industry);
    });
  st.institutions.forEach((g, i) => {
    checkRef(ctx, ["initialState", "institutions", i, "park"], g.park, s.parks, "park");
    checkRef(ctx, ["initialState", "institutions", i, "kind"], g.kind, s.institutionKinds, "institution kind");
  });
  checkParkKeys(ctx, ["initialState", "parks"], st.parks, s);
}

function checkEvents(ctx: Ctx, s: Shape) {
  const first = s.history.startYear * 4;
  const last = s.horizon.endYear * 4 + 3;
  for (const [id, e] of Object.entries(s.events)) {
    const p: Path = ["events", id];
    checkRef(ctx, [...p, "industry"], e.industry, s.industries, "industry");
    checkRef(ctx, [...p, "tier"], e.tier, s.tiers, "tier");
    checkTierIn(ctx, [...p, "tier"], s, e.tier, e.industry);
    const q = quarterNumber(e.quarter);
    if (q < first || q > last) issue(ctx, [...p, "quarter"], `must lie within the run (${s.history.startYear}Q1 to ${s.horizon.endYear}Q4), got ${e.quarter}`);
    if (e.groundBreaking !== undefined && quarterNumber(e.groundBreaking) < q) issue(ctx, [...p, "groundBreaking"], `must not precede the signing (${e.quarter})`);
  }
}

function checkCompetitors(ctx: Ctx, s: Shape) {
  for (const [id, c] of Object.entries(s.competitors)) {
    for (const k of Object.keys(c.industryShare)) checkRef(ctx, ["competitors", id, "industryShare", k], k, s.industries, "industry");
    c.anchorIndustries.forEach((k, i) => checkRef(ctx, ["competitors", id, "anchorIndustries", i], k, s.industries, "industry"));
    checkRef(ctx, ["competitors", id, "nest"], c.nest, s.choice.nests, "nest");
  }
  checkRef(ctx, ["choice", "districtNest"], s.choice.districtNest, s.choice.nests, "nest");
}

const PARK_SCHEDULES = ["landQuotaMu", "housingAdded", "infrastructure", "services"] as const;
const SCHEDULES = ["talentProgrammePersons", "guidanceFund", "approvalSpeed", "landCost"] as const;
const ATTRACTION_SCHEDULES = ["promotionTeams", "incentiveLevel", "incentiveBudget", "chainTargeting"] as const;

function checkLevers(ctx: Ctx, s: Shape) {
  const a = s.attraction;
  for (const k of ATTRACTION_SCHEDULES) checkSchedule(ctx, ["attraction", k], a[k], s);
  const groups = { ...s.tiers, ...s.institutionKinds };
  for (const [k, sched] of Object.entries(a.effort)) {
    checkRef(ctx, ["attraction", "effort", k], k, groups, "tier or institution kind");
    checkSchedule(ctx, ["attraction", "effort", k], sched, s);
  }
  for (const [k, sched] of Object.entries(a.targeting)) {
    checkRef(ctx, ["attraction", "targeting", k], k, s.industries, "industry");
    checkSchedule(ctx, ["attraction", "targeting", k], sched, s);
  }
  const f = s.factors;
  for (const k of PARK_SCHEDULES) {
    checkParkKeys(ctx, ["factors", k], f[k], s);
    for (const [park, sched] of Object.entries(f[k])) checkSchedule(ctx, ["factors", k, park], sched, s);
  }
  for (const k of SCHEDULES) checkSchedule(ctx, ["factors", k], f[k], s);
}

function checkTargets(ctx: Ctx, s: Shape) {
  const groups = { ...s.tiers, ...s.institutionKinds };
  for (const [id, t] of Object.entries(s.targets)) {
    const p: Path = ["targets", id];
    if (s.horizon.startYear <= s.horizon.endYear && (t.year < s.horizon.startYear || t.year > s.horizon.endYear))
      issue(ctx, [...p, "year"], `must lie within the horizon ${s.horizon.startYear}-${s.horizon.endYear}, got ${t.year}`);
    switch (t.kind) {
      case "attracted":
        t.groups.forEach((g, i) => checkRef(ctx, [...p, "groups", i], g, groups, "tier or institution kind"));
        break;
      case "output": {
        t.parks.forEach((k, i) => checkRef(ctx, [...p, "parks", i], k, s.parks, "park"));
        t.industries.forEach((k, i) => checkRef(ctx, [...p, "industries", i], k, s.industries, "industry"));
        const [used, unused] = t.scope === "parks" ? (["parks", "industries"] as const) : (["industries", "parks"] as const);
        if (t[used].length === 0) issue(ctx, [...p, used], `scope "${t.scope}" needs at least one of the ${used}`);
        if (t[unused].length > 0) issue(ctx, [...p, unused], `scope "${t.scope}" counts ${used}; leave ${unused} empty`);
        break;
      }
      case "cluster-order": {
        const units = Object.keys(t.scope === "parks" ? s.parks : s.industries).length;
        if (t.thresholds.length > units) issue(ctx, [...p, "thresholds"], `has ${t.thresholds.length} thresholds but the scope has only ${units} ${t.scope}`);
        const plain = t.thresholds.filter((x): x is number => typeof x === "number");
        if (plain.length === t.thresholds.length && plain.some((x, i) => i > 0 && x > plain[i - 1]))
          issue(ctx, [...p, "thresholds"], `must be in descending order, got [${plain.join(", ")}]`);
        break;
      }
      case "rank":
        checkRef(ctx, [...p, "park"], t.park, s.parks, "park");
        break;
    }
    if ((t.kind === "output" || t.kind === "cluster-order") && t.measure === "all-in" && t.allInMultiplier === undefined)
      issue(ctx, [...p, "allInMultiplier"], `measure "all-in" needs allInMultiplier (all-in output per unit of revenue)`);
  }
}

/** Labels of a metric's breakdown that are scenario ids, by breakdown. */
function breakdownIds(s: Shape, by: string): Record<string, unknown> | undefined {
  const table: Record<string, Record<string, unknown>> = {
    park: s.parks, industry: s.industries, tier: s.tiers, kind: s.institutionKinds, competitor: s.competitors, market: s.labourMarkets,
  };
  return table[by];
}

function checkCalibration(ctx: Ctx, s: Shape) {
  if (!s.calibration) return;
  const until = quarterNumber(s.calibration.until);
  if (until < s.history.startYear * 4 || until > s.horizon.endYear * 4 + 3)
    issue(ctx, ["calibration", "until"], `must lie within the run (${s.history.startYear}Q1 to ${s.horizon.endYear}Q4), got ${s.calibration.until}`);
  s.calibration.exclude.forEach((path, i) => {
    const problem = jsonPathProblem(path);
    if (problem !== null) issue(ctx, ["calibration", "exclude", i], problem);
  });
  s.calibration.parameters?.forEach((path, i) => {
    const problem = jsonPathProblem(path);
    if (problem !== null) return issue(ctx, ["calibration", "parameters", i], problem);
    const v = valueAt(s, parseJsonPath(path)!);
    if (!(typeof v === "object" && v !== null && "dist" in v)) issue(ctx, ["calibration", "parameters", i], `${path} is not a distribution of the scenario`);
  });
  for (const [id, o] of Object.entries(s.calibration.observations)) {
    if (o.kind !== "range") continue;
    const p: Path = ["calibration", "observations", id];
    const by = o.metric.split("/")[1];
    const known = breakdownIds(s, by);
    if (known) checkRef(ctx, [...p, "of"], o.of, known, by);
    if (o.min === undefined && o.max === undefined) issue(ctx, p, "needs min, max or both");
    if (o.min !== undefined && o.max !== undefined && o.min > o.max) issue(ctx, [...p, "max"], `must be >= min (${o.min}), got ${o.max}`);
    if (o.year < s.history.startYear || o.year > s.horizon.endYear) issue(ctx, [...p, "year"], `must lie within the run (${s.history.startYear}-${s.horizon.endYear}), got ${o.year}`);
  }
}

/** Out-of-range posterior values reported one by one; the rest are counted in one line. */
const MAX_POSTERIOR_PROBLEMS = 20;

function checkPosterior(ctx: Ctx, s: Shape) {
  if (!s.posterior) return;
  const { parameters, draws, historySeeds } = s.posterior;
  parameters.forEach((path, i) => {
    const problem = jsonPathProblem(path);
    if (problem !== null) return issue(ctx, ["posterior", "parameters", i], problem);
    const v = valueAt(s, parseJsonPath(path)!);
    if (typeof v !== "number" && !(typeof v === "object" && v !== null && "dist" in v))
      issue(ctx, ["posterior", "parameters", i], `${path} is not a numeric parameter of the scenario`);
  });
  // a posterior value is drawn like any other: it must lie in the parameter's range (issue 11, item 9)
  const ranges = parameters.map((path) => {
    const segments = jsonPathProblem(path) === null ? parseJsonPath(path) : null;
    return segments ? parameterRange(segments) : undefined;
  });
  let outOfRange = 0;
  draws.forEach((row, r) => {
    if (row.length !== parameters.length) return issue(ctx, ["posterior", "draws", r], `has ${row.length} values, expected ${parameters.length} (one per parameter)`);
    row.forEach((value, i) => {
      const range = ranges[i];
      const problem = range ? drawnValueProblem(value, range) : null;
      if (problem !== null && ++outOfRange <= MAX_POSTERIOR_PROBLEMS) issue(ctx, ["posterior", "draws", r, i], `${parameters[i]}: expected ${problem}, found ${value}`);
    });
  });
  if (outOfRange > MAX_POSTERIOR_PROBLEMS) issue(ctx, ["posterior", "draws"], `${outOfRange - MAX_POSTERIOR_PROBLEMS} more values out of their parameters' ranges`);
  if (historySeeds.length !== draws.length) issue(ctx, ["posterior", "historySeeds"], `has ${historySeeds.length} seeds, expected ${draws.length} (one per row of draws)`);
}

/** A part of the scenario a check reads: the values below a path, or only the keys of a record. */
export interface Read {
  path: string[];
  keysOnly: boolean;
}
const deep = (p: string): Read => ({ path: p.split("."), keysOnly: false });
const keys = (p: string): Read => ({ path: p.split("."), keysOnly: true });
const ids = (...sections: string[]) => sections.map(keys);

/** Each cross-reference check with what it reads ("*" matches any key). */
export const CHECKS: { reads: Read[]; run: (ctx: Ctx, s: Shape) => void }[] = [
  { reads: [deep("horizon"), deep("history")], run: checkHorizon },
  { reads: ids("parks", "industries", "tiers", "labourMarkets"), run: checkNonEmpty },
  {
    reads: [deep("industries"), deep("institutionKinds.*.homePark"), ...ids("parks", "labourMarkets")],
    run: checkIndustries,
  },
  { reads: [keys("industries"), deep("chain")], run: checkChain },
  { reads: [deep("tiers"), keys("industries")], run: checkTiers },
  {
    reads: [deep("initialState"), deep("tiers.*.industries"), ...ids("parks", "industries", "tiers", "institutionKinds")],
    run: checkState,
  },
  { reads: [deep("events"), deep("history"), deep("horizon"), deep("tiers.*.industries"), ...ids("industries", "tiers")], run: checkEvents },
  {
    reads: [keys("competitors.*.industryShare"), deep("competitors.*.anchorIndustries"), deep("competitors.*.nest"), keys("choice.nests"), deep("choice.districtNest"), keys("industries")],
    run: checkCompetitors,
  },
  {
    reads: [
      deep("history"),
      ...ids("parks", "industries", "tiers", "institutionKinds"),
      ...[...ATTRACTION_SCHEDULES, "effort", "targeting"].map((k) => keys(`attraction.${k}`)),
      ...["effort", "targeting"].map((k) => keys(`attraction.${k}.*`)),
      ...PARK_SCHEDULES.map((k) => keys(`factors.${k}.*`)),
      ...PARK_SCHEDULES.map((k) => keys(`factors.${k}`)),
      ...SCHEDULES.map((k) => keys(`factors.${k}`)),
    ],
    run: checkLevers,
  },
  { reads: [deep("targets"), deep("horizon"), ...ids("parks", "industries", "tiers", "institutionKinds")], run: checkTargets },
  { reads: [deep("calibration"), deep("history"), deep("horizon"), ...ids("parks", "industries", "tiers", "institutionKinds", "competitors", "labourMarkets")], run: checkCalibration },
  { reads: [deep("posterior")], run: checkPosterior },
];
