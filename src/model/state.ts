/**
 * The model's state as struct-of-arrays: one growable store of firm agents (a `stage` and `tier`
 * column, switches in the rules) with a list of the live ones, one of institutions, and the
 * per-park / per-industry aggregates through which agents interact. Nothing here allocates per
 * agent inside a step: stores grow by doubling, between per-agent loops.
 */

/** Lifecycle stages of a firm agent (docs/model.md, "Industries and agents"). */
export const Stage = {
  /** signed on paper only: no land, spending or incentive */
  void: 0,
  /** signed, its land request waiting in the park's queue */
  waitingLand: 1,
  /** land served, waiting for approval */
  approval: 2,
  /** under construction, spending its realised investment */
  building: 3,
  ramping: 4,
  producing: 5,
  exited: 6,
  /** its land request lapsed before it was served */
  lostToLand: 7,
} as const;

/** Number of firm stages (for per-stage counts). */
export const STAGE_COUNT = 8;

type Column = Uint8Array | Uint32Array | Int32Array | Float64Array;

/** Struct-of-arrays store of firm agents; index = agent id; capacity doubles when full. */
export class FirmStore {
  /** number of agents ever created (live and dead) */
  count = 0;
  park!: Uint8Array;
  industry!: Uint8Array;
  tier!: Uint8Array;
  stage!: Uint8Array;
  /** 1 when signed during the run (not in the initial state) */
  entrant!: Uint8Array;
  /** 1 while a land request of the firm waits in its park's queue */
  queued!: Uint8Array;
  /** common-random-number key of the agent (stable across scenarios) */
  key!: Uint32Array;
  /** quarter index of signing (-1 for the initial state) */
  signedQ!: Int32Array;
  /** quarter index production started (age of the shock process counts from it) */
  prodQ!: Int32Array;
  /** quarters left in the current stage (approval, building) */
  timer!: Int32Array;
  /** quarters the current land request has waited */
  waited!: Int32Array;
  /** construction quarters fixed for the project (known events), 0 = draw from the industry's lag */
  buildFixed!: Int32Array;
  /** incentive instalments left to pay */
  instalmentsLeft!: Int32Array;
  /** capacity the firm's land allows it to use, 亿元/yr */
  capacity!: Float64Array;
  /** desired capacity K* from the accelerator (capacity = min(K*, what land allows)), 亿元/yr */
  desired!: Float64Array;
  /** fraction of capacity reached while ramping, (0, 1] */
  ramp!: Float64Array;
  /** potential output K x ramp this quarter and last quarter, 亿元/yr */
  potential!: Float64Array;
  prevPotential!: Float64Array;
  /** AR(1) firm shock, log points per quarter */
  shock!: Float64Array;
  /** land held, 亩 */
  landMu!: Float64Array;
  /** land of the pending request, 亩 */
  requestMu!: Float64Array;
  /** signed investment, 亿元 */
  investment!: Float64Array;
  /** realised investment spent so far, and per quarter of construction, 亿元 */
  spent!: Float64Array;
  spendPerQ!: Float64Array;
  /** incentive committed, paid, cancelled, and one instalment, 亿元 */
  committed!: Float64Array;
  paid!: Float64Array;
  cancelled!: Float64Array;
  instalment!: Float64Array;

  constructor(initialCapacity = 1024) {
    this.allocate(Math.max(16, initialCapacity));
  }

  /** Allocated slots. */
  get capacitySlots(): number {
    return this.park.length;
  }

  private allocate(n: number): void {
    const grow = <T extends Column>(old: T | undefined, make: (n: number) => T): T => {
      const next = make(n);
      if (old) next.set(old.subarray(0, this.count));
      return next;
    };
    const u8 = (k: number) => new Uint8Array(k);
    const i32 = (k: number) => new Int32Array(k);
    const f64 = (k: number) => new Float64Array(k);
    this.park = grow(this.park, u8);
    this.industry = grow(this.industry, u8);
    this.tier = grow(this.tier, u8);
    this.stage = grow(this.stage, u8);
    this.entrant = grow(this.entrant, u8);
    this.queued = grow(this.queued, u8);
    this.key = grow(this.key, (k) => new Uint32Array(k));
    for (const c of ["signedQ", "prodQ", "timer", "waited", "buildFixed", "instalmentsLeft"] as const) this[c] = grow(this[c], i32);
    for (const c of FLOAT_COLUMNS) this[c] = grow(this[c], f64);
  }

  /** Empties the store for a new run, keeping its arrays (at least `slots` of them); slots past `count` are never read, `add` writes every column. */
  clear(slots: number): this {
    this.count = 0;
    this.reserve(slots);
    return this;
  }

  /** Makes room for `extra` more agents (call between, not inside, per-agent loops). */
  reserve(extra: number): void {
    if (this.count + extra <= this.park.length) return;
    let n = this.park.length;
    while (n < this.count + extra) n *= 2;
    this.allocate(n);
  }

  /** Appends an agent with zeroed numeric columns and returns its index. */
  add(park: number, industry: number, tier: number, stage: number, key: number, signedQ: number): number {
    this.reserve(1);
    const i = this.count++;
    this.park[i] = park;
    this.industry[i] = industry;
    this.tier[i] = tier;
    this.stage[i] = stage;
    this.key[i] = key >>> 0;
    this.signedQ[i] = signedQ;
    this.entrant[i] = signedQ >= 0 ? 1 : 0;
    this.queued[i] = 0;
    this.prodQ[i] = 0;
    this.timer[i] = 0;
    this.waited[i] = 0;
    this.buildFixed[i] = 0;
    this.instalmentsLeft[i] = 0;
    // Columns zeroed one by one (a loop over column names would be a megamorphic keyed access per agent).
    this.capacity[i] = 0;
    this.desired[i] = 0;
    this.ramp[i] = 0;
    this.potential[i] = 0;
    this.prevPotential[i] = 0;
    this.shock[i] = 0;
    this.landMu[i] = 0;
    this.requestMu[i] = 0;
    this.investment[i] = 0;
    this.spent[i] = 0;
    this.spendPerQ[i] = 0;
    this.committed[i] = 0;
    this.paid[i] = 0;
    this.cancelled[i] = 0;
    this.instalment[i] = 0;
    return i;
  }
}

const FLOAT_COLUMNS = [
  "capacity", "desired", "ramp", "potential", "prevPotential", "shock", "landMu", "requestMu", "investment",
  "spent", "spendPerQ", "committed", "paid", "cancelled", "instalment",
] as const;

/** A growable list of agent indices (the live firms, a park's land queue). */
export class IndexList {
  items: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    this.items = new Int32Array(Math.max(4, capacity));
  }

  /** Empties the list, keeping its array. */
  clear(): this {
    this.length = 0;
    return this;
  }

  /** Appends an index (grows by doubling). */
  push(k: number): void {
    if (this.length === this.items.length) {
      const next = new Int32Array(this.items.length * 2);
      next.set(this.items);
      this.items = next;
    }
    this.items[this.length++] = k;
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
  /** quarter index of signing (-1 for the initial state) */
  signedQ = new Int32Array(64);

  /** Appends an institution and returns its index. */
  add(kind: number, park: number, openLeft: number, signedQ: number): number {
    if (this.count === this.kind.length) {
      const n = this.kind.length * 2;
      const grow = <T extends Uint8Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
      this.kind = grow(this.kind, new Uint8Array(n));
      this.park = grow(this.park, new Uint8Array(n));
      this.open = grow(this.open, new Uint8Array(n));
      this.openLeft = grow(this.openLeft, new Int32Array(n));
      this.entrant = grow(this.entrant, new Uint8Array(n));
      this.signedQ = grow(this.signedQ, new Int32Array(n));
    }
    const i = this.count++;
    this.kind[i] = kind;
    this.park[i] = park;
    this.openLeft[i] = openLeft;
    this.open[i] = openLeft <= 0 ? 1 : 0;
    this.entrant[i] = signedQ >= 0 ? 1 : 0;
    this.signedQ[i] = signedQ;
    return i;
  }
}

/** Reasons a lead is lost (docs/model.md, "Leads and location choice"); index into lead-loss counters. */
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
  approval: 8,
} as const;
/** Names of the fiscal levers, in index order. */
export const LEVERS = ["promotion", "land", "talent", "housing", "fund", "incentives", "infrastructure", "services", "approval"] as const;
/** Name of a fiscal lever. */
export type LeverName = (typeof LEVERS)[number];

/** Incentive accounts, index into the account counters: cumulative from the projection's start (outstanding: a stock). */
export const Account = { committed: 0, paid: 1, cancelled: 2, outstanding: 3 } as const;
/** Names of the incentive accounts, in index order. */
export const ACCOUNTS = ["committed", "paid", "cancelled", "outstanding"] as const;
