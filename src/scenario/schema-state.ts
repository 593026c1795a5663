/**
 * The state at the end of the year before the horizon starts, and the competitor parks
 * (MODEL.md: "Agents", "The initial state includes projects already signed or building").
 */
import { z } from "zod";
import { Id, byId } from "./schema-structure.js";
import { num, nonneg, positive } from "./schema-number.js";

/** A block of existing firms of one park, industry and tier. */
export const FirmGroupSchema = z.strictObject({
  park: Id,
  industry: Id,
  tier: Id,
  /** number of producing firms */
  count: num({ min: 0, int: true }),
  /** their combined annual output, 亿元/yr (split among them with the tier's lognormal spread) */
  output: nonneg(),
}).meta({ id: "FirmGroup" });

/** A block of existing institutions of one kind in one park. */
export const InstitutionGroupSchema = z.strictObject({
  park: Id,
  kind: Id,
  count: num({ min: 0, int: true }),
}).meta({ id: "InstitutionGroup" });

/** A project signed or building at the start (e.g. the Kelun park). */
export const ProjectSchema = z.strictObject({
  name: z.string(),
  park: Id,
  industry: Id,
  tier: Id,
  /** signed investment, 亿元 */
  investment: positive(),
  /** capacity at full output, 亿元/yr */
  capacity: positive(),
  /** land already assigned, 亩 (0 if it still waits for land) */
  landMu: nonneg(),
  stage: z.enum(["signed", "building"]),
  /** quarters of construction left at the start (ignored for "signed", which draws a lag) */
  remainingBuildQuarters: num({ min: 0, int: true }),
}).meta({ id: "Project" });

/** Per-park factor stocks at the start. */
export const ParkStateSchema = z.strictObject({
  /** serviced industrial land available and unused, 亩 */
  landFreeMu: nonneg(),
  /** land in use by firms, 亩 */
  landUsedMu: nonneg(),
  /** skilled workers available to the park's firms, persons */
  talentPool: nonneg(),
  /** talent the park's housing can hold, persons (caps the pool) */
  housingCapacity: nonneg(),
}).meta({ id: "ParkState" });

/** Everything that exists when the horizon starts. */
export const InitialStateSchema = z.strictObject({
  firms: z.array(FirmGroupSchema),
  institutions: z.array(InstitutionGroupSchema),
  projects: z.array(ProjectSchema),
  parks: byId(ParkStateSchema),
}).meta({ id: "InitialState" });

/** A competitor park: an aggregate agent valued with the district's utility terms. */
export const CompetitorSchema = z.strictObject({
  name: z.string(),
  nameZh: z.string().optional(),
  /** annual output of its health/biomedical industry in the year before startYear, 亿元/yr */
  output: positive(),
  /** trend growth of that output, share per year */
  growth: num({ min: -0.5, max: 1 }),
  /** volatility of its growth, sd of log growth per year */
  volatility: num({ min: 0, max: 1 }),
  /** share of its output in each industry (missing industries: 0) */
  industryShare: byId(num({ min: 0, max: 1 })),
  /** industries in which it hosts an anchor firm */
  anchorIndustries: z.array(Id),
  /** chain completeness, talent slack, land readiness, infrastructure, services in [0, 1] */
  chainCompleteness: num({ min: 0, max: 1 }),
  talentSlack: num({ min: 0, max: 1 }),
  landReadiness: num({ min: 0, max: 1 }),
  infrastructure: num({ min: 0, max: 1 }),
  services: num({ min: 0, max: 1 }),
  /** incentive it offers as a share of investment */
  incentiveShare: num({ min: 0, max: 1 }),
  /** land cost index (district 2017 = 1) */
  landCost: nonneg(),
  /** number of firms, for the rank index */
  firms: nonneg(),
}).meta({ id: "Competitor" });
