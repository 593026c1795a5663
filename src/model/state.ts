/**
 * The model's state as struct-of-arrays: one growable store of firm agents (a `stage` and `tier`
 * column, switches in the rules), one of institutions, and per-park / per-industry aggregates.
 * Nothing here allocates per agent inside a step: stores grow by doubling between steps.
 */

/** Lifecycle stages of a firm agent (MODEL.md "Stages"). */
export const Stage = {
  /** signed, waiting for land */
  waitingLand: 0,
  building: 1,
  ramping: 2,
  producing: 3,
  exited: 4,
  /** abandoned while waiting: its patience for land ran out */
  lostToLand: 5,
} as const;

/** Number of firm stages (for per-stage counts). */
export const STAGE_COUNT = 6;

/** Struct-of-arrays store of firm agents; index = agent id; capacity doubles when full. */
export class FirmStore {
  /** number of agents ever created (live and dead) */
  count = 0;
  park!: Uint8Array;
  industry!: Uint8Array;
  tier!: Uint8Array;
  stage!: Uint8Array;
  /** 1 when the firm was signed during the run (not in the initial state) */
  entrant!: Uint8Array;
  /** common-random-number key of the agent (stable across scenarios) */
  key!: Uint32Array;
  /** quarter index of entry into the district (negative for the initial state) */
  entryQuarter!: Int32Array;
  /** quarters waited for land so far */
  waited!: Int32Array;
  /** quarters of construction left */
  buildLeft!: Int32Array;
  /** capacity at full ramp, 亿元/yr */
  capacity!: Float64Array;
  /** fraction of capacity reached while ramping, (0, 1] */
  ramp!: Float64Array;
  /** AR(1) firm shock, log points */
  shock!: Float64Array;
  /** land held, 亩 */
  landMu!: Float64Array;
  /** land needed before construction can start, 亩 */
  landNeedMu!: Float64Array;
  /** signed investment, 亿元 */
  investment!: Float64Array;
  /** realised investment spent so far, 亿元 */
  realised!: Float64Array;
  /** output this quarter, annualised, 亿元/yr */
  output!: Float64Array;
  /** output last quarter, annualised, 亿元/yr */
  prevOutput!: Float64Array;

  constructor(initialCapacity = 1024) {
    this.allocate(Math.max(16, initialCapacity));
  }

  /** Allocated slots. */
  get capacitySlots(): number {
    return this.park.length;
  }

  private allocate(n: number): void {
    const grow = <T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(old: T | undefined, make: (n: number) => T): T => {
      const next = make(n);
      if (old) next.set(old.subarray(0, this.count));
      return next;
    };
    this.park = grow(this.park, (k) => new Uint8Array(k));
    this.industry = grow(this.industry, (k) => new Uint8Array(k));
    this.tier = grow(this.tier, (k) => new Uint8Array(k));
    this.stage = grow(this.stage, (k) => new Uint8Array(k));
    this.entrant = grow(this.entrant, (k) => new Uint8Array(k));
    this.key = grow(this.key, (k) => new Uint32Array(k));
    this.entryQuarter = grow(this.entryQuarter, (k) => new Int32Array(k));
    this.waited = grow(this.waited, (k) => new Int32Array(k));
    this.buildLeft = grow(this.buildLeft, (k) => new Int32Array(k));
    this.capacity = grow(this.capacity, (k) => new Float64Array(k));
    this.ramp = grow(this.ramp, (k) => new Float64Array(k));
    this.shock = grow(this.shock, (k) => new Float64Array(k));
    this.landMu = grow(this.landMu, (k) => new Float64Array(k));
    this.landNeedMu = grow(this.landNeedMu, (k) => new Float64Array(k));
    this.investment = grow(this.investment, (k) => new Float64Array(k));
    this.realised = grow(this.realised, (k) => new Float64Array(k));
    this.output = grow(this.output, (k) => new Float64Array(k));
    this.prevOutput = grow(this.prevOutput, (k) => new Float64Array(k));
  }

  /** Makes room for `extra` more agents (call between, not inside, per-agent loops). */
  reserve(extra: number): void {
    if (this.count + extra <= this.park.length) return;
    let n = this.park.length;
    while (n < this.count + extra) n *= 2;
    this.allocate(n);
  }

  /** Appends an agent with zeroed numeric columns and returns its index. */
  add(park: number, industry: number, tier: number, stage: number, key: number, entryQuarter: number): number {
    this.reserve(1);
    const i = this.count++;
    this.park[i] = park;
    this.industry[i] = industry;
    this.tier[i] = tier;
    this.stage[i] = stage;
    this.key[i] = key >>> 0;
    this.entryQuarter[i] = entryQuarter;
    this.entrant[i] = entryQuarter >= 0 ? 1 : 0;
    this.waited[i] = 0;
    this.buildLeft[i] = 0;
    this.capacity[i] = 0;
    this.ramp[i] = 0;
    this.shock[i] = 0;
    this.landMu[i] = 0;
    this.landNeedMu[i] = 0;
    this.investment[i] = 0;
    this.realised[i] = 0;
    this.output[i] = 0;
    this.prevOutput[i] = 0;
    return i;
  }
}

/** Institutions (schools, top medical institutions, platforms): a kind, a park, an opening time. */
export class InstitutionStore {
  count = 0;
  kind = new Uint8Array(64);
  park = new Uint8Array(64);
  /** 1 once open, 0 while signed and not yet open */
  open = new Uint8Array(64);
  /** quarters left until opening */
  openLeft = new Int32Array(64);
  /** 1 when signed during the run */
  entrant = new Uint8Array(64);

  /** Appends an institution and returns its index. */
  add(kind: number, park: number, openLeft: number, entrant: boolean): number {
    if (this.count === this.kind.length) {
      const n = this.kind.length * 2;
      const grow = <T extends Uint8Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
      this.kind = grow(this.kind, new Uint8Array(n));
      this.park = grow(this.park, new Uint8Array(n));
      this.open = grow(this.open, new Uint8Array(n));
      this.openLeft = grow(this.openLeft, new Int32Array(n));
      this.entrant = grow(this.entrant, new Uint8Array(n));
    }
    const i = this.count++;
    this.kind[i] = kind;
    this.park[i] = park;
    this.openLeft[i] = openLeft;
    this.open[i] = openLeft <= 0 ? 1 : 0;
    this.entrant[i] = entrant ? 1 : 0;
    return i;
  }
}

/** Reasons a lead is lost (MODEL.md "Stages"); index into lead-loss counters. */
export const LossReason = { competitor: 0, stayOut: 1, budget: 2, land: 3 } as const;
/** Names of the loss reasons, in index order. */
export const LOSS_REASONS = ["competitor", "stay-out", "budget", "land"] as const;
/** Name of a loss reason. */
export type LossReasonName = (typeof LOSS_REASONS)[number];

/** Fiscal levers, index into the per-lever cost counters. */
export const Lever = {
  promotion: 0,
  land: 1,
  talent: 2,
  housing: 3,
  fund: 4,
  incentives: 5,
  infrastructure: 6,
  services: 7,
} as const;
/** Names of the fiscal levers, in index order. */
export const LEVERS = ["promotion", "land", "talent", "housing", "fund", "incentives", "infrastructure", "services"] as const;
/** Name of a fiscal lever. */
export type LeverName = (typeof LEVERS)[number];

/** The whole mutable state of one run. Sizes: P parks, I industries, T tiers, K kinds, C competitors. */
export interface ModelState {
  /** quarter index, 0 = first quarter of the horizon */
  quarter: number;
  firms: FirmStore;
  institutions: InstitutionStore;
  /** national market index per industry (start = 1) */
  marketIndex: Float64Array;
  /** change of ln(market index) this quarter per industry */
  marketGrowthLn: Float64Array;
  /** competitor output, 亿元/yr, and last year's value (for growth) */
  competitorOutput: Float64Array;
  competitorOutputYearAgo: Float64Array;
  /** per park: free and used land (亩), talent pool and housing (persons) */
  landFreeMu: Float64Array;
  landUsedMu: Float64Array;
  talentPool: Float64Array;
  housing: Float64Array;
  /** per park: talent demand of potential output this quarter (persons) */
  talentDemand: Float64Array;
  /** per park: indices this quarter, [0, 1] */
  infrastructure: Float64Array;
  services: Float64Array;
  /** per park x industry (p * I + i): output this and last quarter, 亿元/yr; producing anchors */
  parkIndustryOutput: Float64Array;
  parkIndustryOutputPrev: Float64Array;
  parkIndustryAnchors: Float64Array;
  /** per industry: district output, 亿元/yr */
  industryOutput: Float64Array;
  /** per industry: chain completeness in [0, 1] */
  chainCompleteness: Float64Array;
  /** per park, from open institutions: graduates and spill-over per year, extra health demand (亿元/yr) */
  parkGraduatesPerYear: Float64Array;
  parkSpilloverPerYear: Float64Array;
  parkHealthDemand: Float64Array;
  /** start-ups per year formed by open institutions, district-wide */
  institutionStartupsPerYear: number;
  /** scratch per park x industry: change of ln(1 + output) over the last quarter */
  cellGrowthLn: Float64Array;
  /** scratch per competitor x industry: deterministic utility of the competitor for a firm lead */
  competitorUtility: Float64Array;
  /** per industry: logit weight of every alternative but the district this quarter (choice.ts) */
  outsideWeight: Float64Array;
  /** incentive budget left this year, 亿元 */
  budgetLeft: number;
  /** cumulative newly signed groups per tier (T) and institutions per kind (K) */
  attractedTier: Float64Array;
  attractedKind: Float64Array;
  /** cumulative leads generated, and lost by reason (LOSS_REASONS) */
  leads: number;
  leadsLost: Float64Array;
  /** cumulative firms that entered production (initial producing firms included) and that exited */
  firmsEntered: number;
  firmsExited: number;
  /** cumulative start-ups formed, institution leads and institutions signed */
  startups: number;
  institutionLeads: number;
  /** cumulative incentivised signings, and those that would have come anyway (deadweight) */
  incentivised: number;
  deadweight: number;
  /** fiscal cost this quarter per lever (LEVERS), 亿元 */
  costQuarter: Float64Array;
  /** incentive payments scheduled per future quarter, 亿元 (ring indexed by quarter) */
  incentivePayments: Float64Array;
  /** this quarter's flows for growth decomposition, 亿元/yr: entrants' and exiters' output */
  entrantOutput: number;
  exitOutput: number;
  /** signed investment this quarter and realised investment spent this quarter, 亿元 */
  signedInvestmentQuarter: number;
  realisedInvestmentQuarter: number;
}
