/**
 * Stream ids of the model's keyed draws (common random numbers): each mechanism draws from its
 * own stream, keyed by an agent key and the quarter, so a change in one place shifts no other draw.
 */
import { combineKeys, streamId } from "../random/index.js";

/** Stream ids, computed once. */
export const STREAM = {
  market: streamId("market"),
  competitor: streamId("competitor"),
  initialFirms: streamId("initial-firms"),
  leadCount: streamId("lead-count"),
  leadInvestment: streamId("lead-investment"),
  leadChoice: streamId("lead-choice"),
  leadLag: streamId("lead-lag"),
  institutionCount: streamId("institution-count"),
  institutionChoice: streamId("institution-choice"),
  startupCount: streamId("startup-count"),
  shock: streamId("firm-shock"),
  exit: streamId("firm-exit"),
} as const;

/** Lead sources: promotion teams, anchors' supplier chains, local start-ups. */
export const SOURCE = { promotion: 1, supplier: 2, startup: 3, initial: 4, project: 5 } as const;

/**
 * Key of the k-th agent of (source, tier, industry, quarter): the same in every scenario, so the
 * k-th promotion lead of a tier and industry in a quarter draws the same numbers under any lever.
 */
export function agentKey(source: number, tier: number, industry: number, quarter: number, k: number): number {
  return combineKeys(combineKeys(combineKeys(source, tier * 256 + industry), quarter + 4096), k);
}
