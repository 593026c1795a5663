/**
 * The scenario schema: the single source of the scenario type, its validation and the JSON
 * Schema that editors use (scenarios/scenario.schema.json). Cross-references between sections
 * (a target naming a park, the chain matrix's size) are checked here after the shapes.
 */
import { z } from "zod";
import { supportOf, type Num } from "./schema-number.js";
import {
  byId,
  ChainSchema,
  DynamicsSchema,
  HorizonSchema,
  IndustrySchema,
  InstitutionKindSchema,
  ParkSchema,
  TierSchema,
} from "./schema-structure.js";
import { CompetitorSchema, InitialStateSchema } from "./schema-state.js";
import {
  AttractionSchema,
  ChoiceSchema,
  CostsSchema,
  FactorsSchema,
  TargetSchema,
} from "./schema-levers.js";
import { CalibrationSchema, PosteriorSchema } from "./schema-calibration.js";
import { jsonPathProblem, parseJsonPath, valueAt } from "./json-path.js";

/** Minimum number of parks in a rank target's field (the home park plus competitors). */
export const MIN_RANK_FIELD = 11;

/** Shape of a resolved scenario, before cross-reference checks. */
export const ScenarioShape = z.strictObject({
  name: z.string(),
  description: z.string().optional(),
  horizon: HorizonSchema,
  parks: byId(ParkSchema),
  industries: byId(IndustrySchema),
  chain: ChainSchema,
  tiers: byId(TierSchema),
  institutionKinds: byId(InstitutionKindSchema),
  dynamics: DynamicsSchema,
  initialState: InitialStateSchema,
  competitors: byId(CompetitorSchema),
  attraction: AttractionSchema,
  factors: FactorsSchema,
  costs: CostsSchema,
  choice: ChoiceSchema,
  targets: byId(TargetSchema).default({}),
  calibration: CalibrationSchema.optional(),
  posterior: PosteriorSchema.optional(),
});

type Shape = z.infer<typeof ScenarioShape>;
type Ctx = z.RefinementCtx;
type Path = (string | number)[];

const upper = (x: Num): number => (typeof x === "number" ? x : supportOf(x)[1]);

function issue(ctx: Ctx, path: Path, message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}

function checkRef(ctx: Ctx, path: Path, id: string, known: Record<string, unknown>, what: string) {
  if (!Object.hasOwn(known, id)) {
    const list = Object.keys(known).sort().join(", ");
    issue(ctx, path, `unknown ${what} "${id}"; expected one of: ${list}`);
  }
}

/** Keys of a per-park record must be exactly the scenario's parks. */
function checkParkKeys(ctx: Ctx, path: Path, rec: Record<string, unknown>, s: Shape) {
  for (const k of Object.keys(rec)) checkRef(ctx, [...path, k], k, s.parks, "park");
  for (const p of Object.keys(s.parks))
    if (!Object.hasOwn(rec, p)) issue(ctx, path, `missing an entry for park "${p}"`);
}

/** A schedule must say what holds in the first simulated year. */
function checkSchedule(ctx: Ctx, path: Path, sched: Record<string, unknown>, s: Shape) {
  const years = Object.keys(sched).map(Number);
  if (!years.some((y) => y <= s.horizon.startYear))
    issue(ctx, path, `schedule needs a year <= ${s.horizon.startYear} (the first simulated year); has ${years.join(", ") || "none"}`);
}

function checkChain(ctx: Ctx, s: Shape) {
  const ids = Object.keys(s.industries).sort();
  const order = s.chain.order;
  const n = ids.length;
  if (order.length !== n || [...order].sort().join() !== ids.join())
    issue(ctx, ["chain", "order"], `must list each industry once (${ids.join(", ")})`);
  if (s.chain.matrix.length !== n)
    issue(ctx, ["chain", "matrix"], `must have ${n} rows (one per industry), has ${s.chain.matrix.length}`);
  s.chain.matrix.forEach((row, i) => {
    if (row.length !== n) issue(ctx, ["chain", "matrix", i], `must have ${n} columns, has ${row.length}`);
  });
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (const row of s.chain.matrix) if (j < row.length) sum += upper(row[j]);
    if (sum > 1 + 1e-12)
      issue(
        ctx,
        ["chain", "matrix"],
        `column ${j} (${order[j] ?? "?"}) sums to ${+sum.toPrecision(6)}, must be <= 1 (distributions count at their upper bound)`,
      );
  }
}

function checkHorizon(ctx: Ctx, s: Shape) {
  if (s.horizon.endYear < s.horizon.startYear)
    issue(ctx, ["horizon", "endYear"], `must be >= startYear (${s.horizon.startYear}), got ${s.horizon.endYear}`);
}

function checkNonEmpty(ctx: Ctx, s: Shape) {
  if (Object.keys(s.parks).length === 0) issue(ctx, ["parks"], "needs at least one park");
  if (Object.keys(s.industries).length === 0) issue(ctx, ["industries"], "needs at least one industry");
  if (Object.keys(s.tiers).length === 0) issue(ctx, ["tiers"], "needs at least one tier");
}

function checkIndustries(ctx: Ctx, s: Shape) {
  for (const [id, ind] of Object.entries(s.industries)) {
    checkRef(ctx, ["industries", id, "homePark"], ind.homePark, s.parks, "park");
    const lag = ind.constructionLagQuarters;
    if ([lag.min, lag.mode, lag.max].every((x) => typeof x === "number") && !(lag.min <= lag.mode && lag.mode <= lag.max))
      issue(ctx, ["industries", id, "constructionLagQuarters"], "needs min <= mode <= max");
  }
}

function checkInstitutionKinds(ctx: Ctx, s: Shape) {
  for (const [id, k] of Object.entries(s.institutionKinds))
    checkRef(ctx, ["institutionKinds", id, "homePark"], k.homePark, s.parks, "park");
}

function checkState(ctx: Ctx, s: Shape) {
  const st = s.initialState;
  st.firms.forEach((f, i) => {
    const p: Path = ["initialState", "firms", i];
    checkRef(ctx, [...p, "park"], f.park, s.parks, "park");
    checkRef(ctx, [...p, "industry"], f.industry, s.industries, "industry");
    checkRef(ctx, [...p, "tier"], f.tier, s.tiers, "tier");
  });
  st.institutions.forEach((g, i) => {
    checkRef(ctx, ["initialState", "institutions", i, "park"], g.park, s.parks, "park");
    checkRef(ctx, ["initialState", "institutions", i, "kind"], g.kind, s.institutionKinds, "institution kind");
  });
  st.projects.forEach((pr, i) => {
    const p: Path = ["initialState", "projects", i];
    checkRef(ctx, [...p, "park"], pr.park, s.parks, "park");
    checkRef(ctx, [...p, "industry"], pr.industry, s.industries, "industry");
    checkRef(ctx, [...p, "tier"], pr.tier, s.tiers, "tier");
  });
  checkParkKeys(ctx, ["initialState", "parks"], st.parks, s);
}

function checkCompetitors(ctx: Ctx, s: Shape) {
  for (const [id, c] of Object.entries(s.competitors)) {
    for (const k of Object.keys(c.industryShare))
      checkRef(ctx, ["competitors", id, "industryShare", k], k, s.industries, "industry");
    c.anchorIndustries.forEach((k, i) =>
      checkRef(ctx, ["competitors", id, "anchorIndustries", i], k, s.industries, "industry"));
  }
}

function checkLevers(ctx: Ctx, s: Shape) {
  const a = s.attraction;
  for (const k of ["promotionTeams", "incentiveLevel", "incentiveBudget", "chainTargeting"] as const)
    checkSchedule(ctx, ["attraction", k], a[k], s);
  for (const k of Object.keys(a.targeting)) checkRef(ctx, ["attraction", "targeting", k], k, s.industries, "industry");
  const f = s.factors;
  for (const k of ["landQuotaMu", "talentMigration", "housingAdded", "infrastructure", "services"] as const) {
    checkParkKeys(ctx, ["factors", k], f[k], s);
    for (const [park, sched] of Object.entries(f[k])) checkSchedule(ctx, ["factors", k, park], sched, s);
  }
  for (const k of ["talentProgrammePersons", "guidanceFund", "approvalSpeed", "landCost"] as const)
    checkSchedule(ctx, ["factors", k], f[k], s);
}

function checkTargets(ctx: Ctx, s: Shape) {
  const groups = { ...s.tiers, ...s.institutionKinds };
  for (const [id, t] of Object.entries(s.targets)) {
    const p: Path = ["targets", id];
    const horizonOk = s.horizon.startYear <= s.horizon.endYear;
    if (horizonOk && (t.year < s.horizon.startYear || t.year > s.horizon.endYear))
      issue(ctx, [...p, "year"], `must lie within the horizon ${s.horizon.startYear}-${s.horizon.endYear}, got ${t.year}`);
    switch (t.kind) {
      case "attracted":
        t.groups.forEach((g, i) => checkRef(ctx, [...p, "groups", i], g, groups, "tier or institution kind"));
        break;
      case "output":
        t.parks.forEach((k, i) => checkRef(ctx, [...p, "parks", i], k, s.parks, "park"));
        break;
      case "cluster-order": {
        if (t.thresholds.length > Object.keys(s.parks).length)
          issue(ctx, [...p, "thresholds"], `has ${t.thresholds.length} thresholds but the district has only ${Object.keys(s.parks).length} parks`);
        const plain = t.thresholds.filter((x): x is number => typeof x === "number");
        if (plain.length === t.thresholds.length && plain.some((x, i) => i > 0 && x > plain[i - 1]))
          issue(ctx, [...p, "thresholds"], `must be in descending order, got [${plain.join(", ")}]`);
        break;
      }
      case "rank": {
        checkRef(ctx, [...p, "park"], t.park, s.parks, "park");
        const field = t.field === "all" ? Object.keys(s.competitors) : t.field;
        if (Array.isArray(t.field)) t.field.forEach((c, i) => checkRef(ctx, [...p, "field", i], c, s.competitors, "competitor"));
        if (field.length + 1 < MIN_RANK_FIELD)
          issue(ctx, [...p, "field"], `a rank needs a field of at least ${MIN_RANK_FIELD} parks (the park and ${MIN_RANK_FIELD - 1} competitors); has ${field.length + 1}`);
        break;
      }
    }
  }
}

/** A part of the scenario a check reads: the values below a path, or only the keys of a record. */
interface Read {
  path: string[];
  keysOnly: boolean;
}
const deep = (p: string): Read => ({ path: p.split("."), keysOnly: false });
const keys = (p: string): Read => ({ path: p.split("."), keysOnly: true });

/** Each cross-reference check with what it reads ("*" matches any key). */
/** Labels of a metric's breakdown that are scenario ids, by breakdown. */
function breakdownIds(s: Shape, by: string): Record<string, unknown> | undefined {
  const table: Record<string, Record<string, unknown>> = {
    park: s.parks, industry: s.industries, tier: s.tiers, kind: s.institutionKinds, competitor: s.competitors,
  };
  return table[by];
}

function checkCalibration(ctx: Ctx, s: Shape) {
  if (!s.calibration) return;
  s.calibration.exclude.forEach((path, i) => {
    const problem = jsonPathProblem(path);
    if (problem !== null) issue(ctx, ["calibration", "exclude", i], problem);
  });
  for (const [id, o] of Object.entries(s.calibration.observations)) {
    const p: Path = ["calibration", "observations", id];
    const known = breakdownIds(s, o.metric.split("/")[1]);
    if (known) checkRef(ctx, [...p, "of"], o.of, known, o.metric.split("/")[1]);
    if (o.min === undefined && o.max === undefined) issue(ctx, p, "needs min, max or both");
    if (o.min !== undefined && o.max !== undefined && o.min > o.max) issue(ctx, [...p, "max"], `must be >= min (${o.min}), got ${o.max}`);
  }
}

function checkPosterior(ctx: Ctx, s: Shape) {
  if (!s.posterior) return;
  const { parameters, draws } = s.posterior;
  parameters.forEach((path, i) => {
    const problem = jsonPathProblem(path);
    if (problem !== null) return issue(ctx, ["posterior", "parameters", i], problem);
    const v = valueAt(s, parseJsonPath(path)!);
    if (typeof v !== "number" && !(typeof v === "object" && v !== null && "dist" in v))
      issue(ctx, ["posterior", "parameters", i], `${path} is not a numeric parameter of the scenario`);
  });
  draws.forEach((row, r) => {
    if (row.length !== parameters.length)
      issue(ctx, ["posterior", "draws", r], `has ${row.length} values, expected ${parameters.length} (one per parameter)`);
  });
}

const CHECKS: { reads: Read[]; run: (ctx: Ctx, s: Shape) => void }[] = [
  { reads: [deep("horizon")], run: checkHorizon },
  { reads: [keys("parks"), keys("industries"), keys("tiers")], run: checkNonEmpty },
  { reads: [deep("industries.*.homePark"), deep("industries.*.constructionLagQuarters"), keys("parks")], run: checkIndustries },
  { reads: [deep("institutionKinds.*.homePark"), keys("parks")], run: checkInstitutionKinds },
  { reads: [keys("industries"), deep("chain")], run: checkChain },
  {
    reads: [
      deep("initialState.firms"),
      deep("initialState.institutions"),
      deep("initialState.projects"),
      keys("initialState.parks"),
      ...["parks", "industries", "tiers", "institutionKinds"].map(keys),
    ],
    run: checkState,
  },
  { reads: [keys("competitors.*.industryShare"), deep("competitors.*.anchorIndustries"), keys("industries")], run: checkCompetitors },
  {
    reads: [
      deep("horizon"),
      keys("parks"),
      keys("industries"),
      ...["promotionTeams", "incentiveLevel", "incentiveBudget", "chainTargeting", "targeting"].map((k) => keys(`attraction.${k}`)),
      ...["landQuotaMu", "talentMigration", "housingAdded", "infrastructure", "services"].map((k) => keys(`factors.${k}.*`)),
      ...["talentProgrammePersons", "guidanceFund", "approvalSpeed", "landCost"].map((k) => keys(`factors.${k}`)),
    ],
    run: checkLevers,
  },
  {
    reads: [deep("targets"), deep("horizon"), ...["parks", "tiers", "institutionKinds", "competitors"].map(keys)],
    run: checkTargets,
  },
  { reads: [deep("calibration"), ...["parks", "industries", "tiers", "institutionKinds", "competitors"].map(keys)], run: checkCalibration },
  { reads: [deep("posterior")], run: checkPosterior },
];

/**
 * Whether a shape issue at `issuePath` makes a read unsafe: it lies inside what is read, or
 * above it (a wrong type further up); for a keys-only read, only an issue at or above the record.
 */
function blocks(issuePath: readonly PropertyKey[], read: Read): boolean {
  const n = Math.min(issuePath.length, read.path.length);
  for (let i = 0; i < n; i++) if (read.path[i] !== "*" && read.path[i] !== String(issuePath[i])) return false;
  return !read.keysOnly || issuePath.length <= read.path.length;
}

const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The full scenario schema with cross-reference checks. The checks also run when other parts
 * have shape problems (so that one pass reports every problem), each only when what it reads
 * parsed cleanly.
 */
export const ScenarioSchema = ScenarioShape.superRefine(
  (s, ctx) => {
    // An unknown key does not stop its object from parsing: only other issues make reads unsafe.
    const shapeIssues = ctx.issues.filter((i) => i.code !== "unrecognized_keys").map((i) => i.path ?? []);
    for (const check of CHECKS)
      if (!check.reads.some((r) => shapeIssues.some((p) => blocks(p, r)))) check.run(ctx, s);
  },
  { when: (payload) => isObject(payload.value) },
);

/** A validated scenario (distributions still undrawn). */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** One target of a scenario. */
export type Target = Scenario["targets"][string];
