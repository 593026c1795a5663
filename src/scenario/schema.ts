/**
 * The scenario schema: the single source of the scenario type, its validation and the JSON
 * Schema that editors use (scenarios/scenario.schema.json). Every field describes its meaning
 * and unit; cross-reference checks (schema-checks.ts) run after the shapes.
 */
import { z } from "zod";
import {
  byId,
  ChainSchema,
  HistorySchema,
  HorizonSchema,
  IndustrySchema,
  InstitutionKindSchema,
  LabourMarketSchema,
  ParkSchema,
  TierSchema,
} from "./schema-structure.js";
import { DynamicsSchema, ReportingSchema } from "./schema-dynamics.js";
import { CompetitorSchema, EventSchema, InitialStateSchema, RankFieldSchema } from "./schema-state.js";
import { AttractionSchema, ChoiceSchema, CostsSchema, FactorsSchema } from "./schema-levers.js";
import { TargetSchema } from "./schema-targets.js";
import { CalibrationSchema, PosteriorSchema } from "./schema-calibration.js";
import { CHECKS, type Read } from "./schema-checks.js";

/** Shape of a resolved scenario, before cross-reference checks. */
export const ScenarioShape = z.strictObject({
  name: z.string().describe("name of the scenario (results carry it)"),
  description: z.string().optional().describe("what the scenario represents"),
  horizon: HorizonSchema.describe("the projection's years"),
  history: HistorySchema.describe("the history every run simulates before the projection"),
  parks: byId(ParkSchema).describe("the district's parks"),
  labourMarkets: byId(LabourMarketSchema).describe("labour markets, one per industry group"),
  industries: byId(IndustrySchema).describe("the industries"),
  chain: ChainSchema.describe("the supply-chain matrix"),
  tiers: byId(TierSchema).describe("firm tiers"),
  institutionKinds: byId(InstitutionKindSchema).describe("institution kinds"),
  dynamics: DynamicsSchema.describe("dynamics of capacity, shocks, signing, building and exit"),
  reporting: ReportingSchema.describe("thresholds of reported figures"),
  initialState: InitialStateSchema.describe("the district at the end of the year before the history"),
  events: byId(EventSchema).default({}).describe("known signings that occur in every run"),
  competitors: byId(CompetitorSchema).describe("named competitor parks"),
  rankField: RankFieldSchema.describe("the national field of the park ranking"),
  attraction: AttractionSchema.describe("attraction levers"),
  factors: FactorsSchema.describe("factor-supply levers"),
  costs: CostsSchema.describe("fiscal costs of the levers and the local tax share"),
  choice: ChoiceSchema.describe("location choice"),
  targets: byId(TargetSchema).default({}).describe("the plan's targets"),
  calibration: CalibrationSchema.optional().describe("observations a calibration reproduces"),
  posterior: PosteriorSchema.optional().describe("accepted calibration samples that runs use"),
});

/** A scenario's shape before cross-reference checks (what the checks read). */
export type ScenarioShapeType = z.infer<typeof ScenarioShape>;

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
    for (const check of CHECKS) if (!check.reads.some((r) => shapeIssues.some((p) => blocks(p, r)))) check.run(ctx, s);
  },
  { when: (payload) => isObject(payload.value) },
);

/** A validated scenario (distributions still undrawn). */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** One target of a scenario. */
export type Target = Scenario["targets"][string];
/** One observation of a scenario's calibration. */
export type ObservationSpec = NonNullable<Scenario["calibration"]>["observations"][string];
