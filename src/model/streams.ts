/**
 * Stream ids and agent keys of the model's keyed draws (common random numbers): each mechanism
 * draws from its own stream, keyed by an agent key and the quarter, so a change in one place
 * shifts no other draw. Draws before the projection use the history seed, later ones the
 * projection seed (docs/model.md, "Randomness").
 */
import { KeyedPass, absorb32, combineKeys, streamId } from "../random/index.js";

/** Stream ids, computed once. */
export const STREAM = {
  market: streamId("market"),
  competitor: streamId("competitor"),
  syntheticParks: streamId("synthetic-parks"),
  initialFirms: streamId("initial-firms"),
  leadCount: streamId("lead-count"),
  leadInvestment: streamId("lead-investment"),
  leadChoice: streamId("lead-choice"),
  leadVoid: streamId("lead-void"),
  leadLag: streamId("lead-lag"),
  institutionCount: streamId("institution-count"),
  institutionChoice: streamId("institution-choice"),
  startupCount: streamId("startup-count"),
  shockEntry: streamId("firm-shock-entry"),
  shock: streamId("firm-shock"),
  exit: streamId("firm-exit"),
} as const;

/** Lead sources: promotion teams, anchors' supplier chains, local start-ups, the initial state, known events. */
export const SOURCE = { promotion: 1, supplier: 2, startup: 3, initial: 4, project: 5, event: 6, institution: 7 } as const;

/** Count key of the k = 0xffff slot: the key of a (source, group, industry, quarter) Poisson count draw. */
export const COUNT_SLOT = 0xffff;

/** combineKeys' initial word (src/random/keyed.ts). */
const KEY_INIT = 0x13198a2e;

/**
 * Key of the k-th agent of (source, group, industry, quarter): the same in every scenario, so the
 * k-th promotion lead of a tier and industry in a quarter draws the same numbers under any lever.
 * Independent of the seed: draws are (seed, stream, quarter) passes over these keys.
 */
export function agentKey(source: number, group: number, industry: number, quarter: number, k: number): number {
  return agentKeyAt(agentKeyBase(source, group, industry, quarter), k);
}

/**
 * The part of agentKey fixed for (source, group, industry, quarter), computed once per group:
 * agentKey(source, group, industry, quarter, k) = agentKeyAt(agentKeyBase(source, group, industry, quarter), k).
 * (combineKeys(x, k) = absorb32(absorb32(C, x), k), so the base is absorb32(C, x).)
 */
export function agentKeyBase(source: number, group: number, industry: number, quarter: number): number {
  return absorb32(KEY_INIT, combineKeys(combineKeys(source, group * 256 + industry), quarter + 4096));
}

/** The k-th agent key of a group from its agentKeyBase: one mix round. */
export function agentKeyAt(base: number, k: number): number {
  return absorb32(base, k);
}

/** The keyed passes a step uses, reset once per quarter with the quarter's seed (no allocation in the step). */
export class Passes {
  readonly market = new KeyedPass();
  readonly competitor = new KeyedPass();
  readonly leadCount = new KeyedPass();
  readonly leadInvestment = new KeyedPass();
  readonly leadChoice = new KeyedPass();
  readonly leadVoid = new KeyedPass();
  readonly leadLag = new KeyedPass();
  readonly institutionCount = new KeyedPass();
  readonly institutionChoice = new KeyedPass();
  readonly startupCount = new KeyedPass();
  readonly shockEntry = new KeyedPass();
  readonly shock = new KeyedPass();
  readonly exit = new KeyedPass();

  /**
   * Resets every pass for quarter q with `seed`. Per-agent draws that must not depend on when
   * they are used (a lead's investment, void draw, construction lag) are keyed by quarter 0 and
   * the agent key, which already names the lead's quarter.
   */
  reset(seed: number, q: number): void {
    this.market.reset(seed, STREAM.market, q);
    this.competitor.reset(seed, STREAM.competitor, q);
    this.leadCount.reset(seed, STREAM.leadCount, q);
    this.leadInvestment.reset(seed, STREAM.leadInvestment, 0);
    this.leadChoice.reset(seed, STREAM.leadChoice, q);
    this.leadVoid.reset(seed, STREAM.leadVoid, 0);
    this.leadLag.reset(seed, STREAM.leadLag, 0);
    this.institutionCount.reset(seed, STREAM.institutionCount, q);
    this.institutionChoice.reset(seed, STREAM.institutionChoice, q);
    this.startupCount.reset(seed, STREAM.startupCount, q);
    this.shockEntry.reset(seed, STREAM.shockEntry, 0);
    this.shock.reset(seed, STREAM.shock, q);
    this.exit.reset(seed, STREAM.exit, q);
  }
}
