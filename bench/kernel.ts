/**
 * The reference kernel: the tightest loop we can write over typed arrays that does the same
 * per-agent arithmetic as the model's growth, labour and exit steps (src/model/growth.ts,
 * labour.ts, exit.ts), with the same math module (src/random: keyedUniform, normalQuantile,
 * exp, log1p). The benchmarks report the model's throughput as a ratio to this kernel measured
 * in the same process, which cancels most of the machine's speed and load.
 *
 * FROZEN: this file is frozen once merged. Later changes to the model are measured against it,
 * never the other way round; do not edit it to make a ratio look better (a change here
 * invalidates bench/baseline.json and every figure in the README). It depends on nothing in
 * src/model, only on src/random (the shared math, whose cost both sides pay alike).
 *
 * Per agent and quarter it does: growth (AR(1) shock with a keyed normal draw, d ln K from the
 * industry's market growth, the cell's agglomeration growth, chain premium and park spill-over,
 * K x exp(d ln K), the land-cap check taking land from the park's free land), labour (potential
 * output, the park's talent demand, pro rata cut to the talent pool, pro rata cut to the
 * industry's market cap) and exit (annual hazard from industry, tier, age and shock, quarterly
 * hazard 1 - sqrt(sqrt(1 - h)), a keyed uniform). An exiting agent's slot is refilled at once by
 * a new entrant, so exactly N agents are updated every quarter. Three passes over the agents per
 * quarter (the fewest the data dependencies allow: the park and industry totals each need a full
 * pass before they can be applied).
 */
import { exp, keyedUniform, log1p, normalQuantile, streamId } from "../src/random/index.js";

/** Parks and industries of the kernel's synthetic district (the shipped district's sizes; four tiers). */
const P = 3;
const I = 8;

/** Per-industry constants (synthetic, fixed: the kernel reads no scenario). */
const HOME_PARK = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2]);
const TREND_LN_Q = Float64Array.from([0.02, 0.02, 0.025, 0.03, 0.02, 0.02, 0.025, 0.015]);
const VOL_Q = Float64Array.from([0.03, 0.03, 0.03, 0.05, 0.025, 0.025, 0.025, 0.03]);
const LAND_SHARE = Float64Array.from([0.3, 1, 1, 0.5, 0.2, 0.6, 0.8, 1]);
const MAX_PER_MU_WAN = Float64Array.from([1500, 1000, 1500, 1500, 800, 800, 500, 60]);
const OUTPUT_PER_WORKER_WAN = Float64Array.from([60, 150, 100, 80, 30, 40, 20, 30]);
const EXIT_HAZARD = Float64Array.from([0.06, 0.05, 0.06, 0.08, 0.08, 0.04, 0.06, 0.06]);
const CHAIN = Float64Array.from([0.5, 0.45, 0.4, 0.55, 0.3, 0.35, 0.2, 0.25]);
/** Per-tier exit factors (anchor, leader, mid, small) and each tier's share of agents in 1/16ths. */
const TIER_EXIT = Float64Array.from([0.2, 0.4, 1, 2]);
const TIER_SLOT = Uint8Array.from([0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
/** Per-park spill-over, log points per year. */
const SPILLOVER = Float64Array.from([0.012, 0.004, 0]);
/** Dynamics (the shipped scenario's values or the middle of their ranges). */
const PERSISTENCE = 0.7;
const SHOCK_VOL_Q = 0.05;
const AGGLOMERATION = 0.15;
const CHAIN_PREMIUM_Q = 0.02 / 4;
const EXIT_SENSITIVITY = 2;
const YOUNG_FACTOR = 2;
const YOUNG_QUARTERS = 12;
/** Median capacity of an agent at the start, 亿元/yr, and of an entrant. */
const CAPACITY_MEDIAN = 0.5;
const ENTRANT_CAPACITY = 0.3;
/** Free land per agent at the start, 亩; talent pool per worker demanded at the start; market cap per start output. */
const FREE_LAND_PER_AGENT = 0.5;
const TALENT_SLACK = 1.08;
const MARKET_HEADROOM = 1.25;

const STREAM_SHOCK = streamId("firm-shock");
const STREAM_EXIT = streamId("firm-exit");
const STREAM_INIT = streamId("kernel-init");

/** The kernel's agents (struct-of-arrays) and per-park / per-industry aggregates. */
export interface KernelStore {
  agents: number;
  key: Uint32Array;
  industry: Uint8Array;
  park: Uint8Array;
  tier: Uint8Array;
  entryQuarter: Int32Array;
  capacity: Float64Array;
  ramp: Float64Array;
  shock: Float64Array;
  landMu: Float64Array;
  output: Float64Array;
  /** per park: free land (亩), talent pool and demand (persons), spill-over (per year) */
  landFree: Float64Array;
  talentPool: Float64Array;
  talentDemand: Float64Array;
  /** per industry: market growth this quarter, market index, cap (亿元/yr), output, cut factor */
  marketGrowth: Float64Array;
  marketIndex: Float64Array;
  marketCap0: Float64Array;
  industryOutput: Float64Array;
  capFactor: Float64Array;
  /** per park x industry: output this and last quarter, growth of ln(1 + output) */
  cellOutput: Float64Array;
  cellOutputPrev: Float64Array;
  cellGrowth: Float64Array;
  /** agents born so far (for fresh keys) */
  born: number;
}

/** Allocates the kernel's arrays for `agents` agents (once; runs reuse them). */
export function allocateKernel(agents: number): KernelStore {
  const n = Math.max(1, Math.floor(agents));
  return {
    agents: n,
    key: new Uint32Array(n),
    industry: new Uint8Array(n),
    park: new Uint8Array(n),
    tier: new Uint8Array(n),
    entryQuarter: new Int32Array(n),
    capacity: new Float64Array(n),
    ramp: new Float64Array(n),
    shock: new Float64Array(n),
    landMu: new Float64Array(n),
    output: new Float64Array(n),
    landFree: new Float64Array(P),
    talentPool: new Float64Array(P),
    talentDemand: new Float64Array(P),
    marketGrowth: new Float64Array(I),
    marketIndex: new Float64Array(I),
    marketCap0: new Float64Array(I),
    industryOutput: new Float64Array(I),
    capFactor: new Float64Array(I),
    cellOutput: new Float64Array(P * I),
    cellOutputPrev: new Float64Array(P * I),
    cellGrowth: new Float64Array(P * I),
    born: 0,
  };
}

/** Land a firm of `capacity` 亿元/yr needs in industry i at full 亩均 output, 亩. */
function landNeed(i: number, capacity: number): number {
  return (capacity * 1e4 * LAND_SHARE[i]) / MAX_PER_MU_WAN[i];
}

/** Fills the store with the start state of a run with seed `seed`: lognormal capacities, land at need, pools with slack. */
export function initKernel(st: KernelStore, seed: number): void {
  const n = st.agents;
  st.talentDemand.fill(0);
  st.industryOutput.fill(0);
  st.cellOutput.fill(0);
  for (let k = 0; k < n; k++) {
    const i = k % I;
    const park = HOME_PARK[i];
    st.key[k] = k;
    st.industry[k] = i;
    st.park[k] = park;
    st.tier[k] = TIER_SLOT[(k >>> 3) & 15];
    st.entryQuarter[k] = -1000;
    const cap = CAPACITY_MEDIAN * exp(0.7 * normalQuantile(keyedUniform(seed, STREAM_INIT, k, 0, 0)));
    st.capacity[k] = cap;
    st.ramp[k] = 1;
    st.shock[k] = 0;
    st.landMu[k] = landNeed(i, cap);
    st.output[k] = cap;
    st.talentDemand[park] += (cap * 1e4) / OUTPUT_PER_WORKER_WAN[i];
    st.industryOutput[i] += cap;
    st.cellOutput[park * I + i] += cap;
  }
  st.born = n;
  for (let p = 0; p < P; p++) {
    st.landFree[p] = FREE_LAND_PER_AGENT * (n / P);
    st.talentPool[p] = st.talentDemand[p] * TALENT_SLACK;
  }
  for (let i = 0; i < I; i++) {
    st.marketIndex[i] = 1;
    st.marketCap0[i] = st.industryOutput[i] * MARKET_HEADROOM;
  }
  st.cellOutputPrev.set(st.cellOutput);
}

/** Advances the kernel by quarter q: per-industry market and per-cell growth, then the three agent passes. */
export function stepKernel(st: KernelStore, seed: number, q: number): void {
  const n = st.agents;
  const { key, industry, park, tier, entryQuarter, capacity, ramp, shock, landMu, output } = st;
  const { landFree, talentPool, talentDemand, marketGrowth, industryOutput, capFactor, cellOutput, cellGrowth } = st;
  for (let i = 0; i < I; i++) {
    const d = TREND_LN_Q[i] + VOL_Q[i] * normalQuantile(keyedUniform(seed, 0x6d61726b, i, q, 0));
    marketGrowth[i] = d;
    st.marketIndex[i] *= exp(d);
  }
  for (let c = 0; c < P * I; c++) cellGrowth[c] = log1p(cellOutput[c]) - log1p(st.cellOutputPrev[c]);
  st.cellOutputPrev.set(cellOutput);
  talentDemand.fill(0);
  // Pass 1: growth (shock, d ln K, exp, land cap), potential output and the park's talent demand.
  for (let k = 0; k < n; k++) {
    const i = industry[k];
    const p = park[k];
    const e = PERSISTENCE * shock[k] + SHOCK_VOL_Q * normalQuantile(keyedUniform(seed, STREAM_SHOCK, key[k], q, 0));
    shock[k] = e;
    const dlnK = marketGrowth[i] + AGGLOMERATION * cellGrowth[p * I + i] + CHAIN_PREMIUM_Q * CHAIN[i] + SPILLOVER[p] / 4 + e;
    const old = capacity[k];
    let cap = old * exp(dlnK);
    const share = LAND_SHARE[i];
    if (share > 0 && cap > old) {
      const perMu = MAX_PER_MU_WAN[i] / 1e4 / share;
      const needed = cap / perMu - landMu[k];
      if (needed > 0) {
        const grant = Math.min(needed, landFree[p]);
        landFree[p] -= grant;
        landMu[k] += grant;
      }
      cap = Math.min(cap, Math.max(old, landMu[k] * perMu));
    }
    capacity[k] = cap;
    const potential = cap * ramp[k];
    output[k] = potential;
    talentDemand[p] += (potential * 1e4) / OUTPUT_PER_WORKER_WAN[i];
  }
  // Pass 2: pro rata cut to the park's talent pool; the industry's output.
  industryOutput.fill(0);
  for (let k = 0; k < n; k++) {
    const p = park[k];
    const demand = talentDemand[p];
    if (demand > talentPool[p]) output[k] *= talentPool[p] / demand;
    industryOutput[industry[k]] += output[k];
  }
  for (let i = 0; i < I; i++) {
    const cap = st.marketCap0[i] * st.marketIndex[i];
    capFactor[i] = industryOutput[i] > cap ? cap / industryOutput[i] : 1;
  }
  // Pass 3: pro rata cut to the market cap, the cell totals, and exit (a new entrant takes the slot).
  cellOutput.fill(0);
  for (let k = 0; k < n; k++) {
    const i = industry[k];
    const p = park[k];
    const out = output[k] * capFactor[i];
    output[k] = out;
    cellOutput[p * I + i] += out;
    const young = q - entryQuarter[k] < YOUNG_QUARTERS ? YOUNG_FACTOR : 1;
    const h = Math.min(1, EXIT_HAZARD[i] * TIER_EXIT[tier[k]] * young * (1 + EXIT_SENSITIVITY * Math.max(0, -shock[k])));
    const hq = 1 - Math.sqrt(Math.sqrt(1 - h));
    if (keyedUniform(seed, STREAM_EXIT, key[k], q, 0) < hq) {
      landFree[p] += landMu[k];
      landMu[k] = 0;
      key[k] = st.born++;
      entryQuarter[k] = q;
      capacity[k] = ENTRANT_CAPACITY;
      shock[k] = 0;
    }
  }
  for (let p = 0; p < P; p++) talentPool[p] *= 1.005;
}

/** One kernel run: initialise with `seed`, step `quarters` quarters; returns a checksum (total output) so no work is optimised away. */
export function runKernel(st: KernelStore, seed: number, quarters: number): number {
  initKernel(st, seed);
  for (let q = 0; q < quarters; q++) stepKernel(st, seed, q);
  let sum = 0;
  for (let i = 0; i < I; i++) sum += st.industryOutput[i];
  return sum;
}

/** Agent-steps of one kernel run: agents x quarters (every slot is updated every quarter). */
export function kernelAgentSteps(agents: number, quarters: number): number {
  return Math.max(1, Math.floor(agents)) * quarters;
}
