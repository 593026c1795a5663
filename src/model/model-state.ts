/**
 * The whole mutable state of one run (docs/model.md, "One quarter"): the agent stores, the
 * land queues, the world around the district, the labour market, the aggregates per park x
 * industry cell, and the run's counters. Sizes: P parks, I industries, T tiers, K institution
 * kinds, C competitors, M labour markets, N nests. Built by init.ts.
 */
import type { FirmStore, IndexList, InstitutionStore } from "./state.js";
import type { Passes } from "./streams.js";

/** The mutable state of a run. */
export interface ModelState {
  /** quarter index, 0 = first quarter of the history */
  quarter: number;
  /** seed of the projection's keyed draws (the history's is p.historySeed) */
  projectionSeed: number;
  passes: Passes;
  firms: FirmStore;
  /** firms waiting for land, in approval, building, ramping or producing */
  live: IndexList;
  /** per park: firms with a pending land request, first come first served */
  queues: IndexList[];
  /** exited firms whose instalments are still paid (clawback off) */
  payees: IndexList;
  institutions: InstitutionStore;

  // World (per industry I, per market M, per competitor C)
  marketIndex: Float64Array;
  /** ln market index of the last four quarters, [i * 4 + q % 4] */
  marketLnRing: Float64Array;
  /** demand growth over the past year, ln per year (market, plus institutions' health demand for health services) */
  demandGrowthLn: Float64Array;
  /** institutions' health demand per industry, 亿元/yr, now and over the last four quarters [i * 4 + q % 4] */
  healthDemand: Float64Array;
  healthRing: Float64Array;
  /** output per worker at full capacity a_i(t), 亿元 per person-year */
  productivity: Float64Array;
  /** metropolitan wage w_C per market, 万元 per person-year */
  wageC: Float64Array;
  /** competitors' base output, 亿元/yr; capacity and anchors won from district leads that arrived [c * I + i]; arrivals pending [(c * I + i) * W + quarter % W] */
  competitorBase: Float64Array;
  competitorWon: Float64Array;
  competitorWonAnchors: Float64Array;
  competitorWonFirms: Float64Array;
  competitorPending: Float64Array;
  competitorPendingAnchors: Float64Array;
  competitorPendingFirms: Float64Array;
  /** ring width of the competitors' pending arrivals, quarters */
  pendingWidth: number;

  // Parks (P)
  landFreeMu: Float64Array;
  landUsedMu: Float64Array;
  /** land requested and waiting, 亩, and the requests' count */
  landQueueMu: Float64Array;
  landQueueRequests: Float64Array;
  /** land released since the start (start stocks, quotas, events' top-ups), 亩 */
  landReleasedMu: Float64Array;
  /** request-quarters waited in the queue since the start, and land served */
  landWaitQuarters: Float64Array;
  infrastructure: Float64Array;
  services: Float64Array;
  /** reference index levels (the last history year's) for the index levers' cost */
  infrastructureRef: Float64Array;
  servicesRef: Float64Array;
  /** bounded institution spill-over, log points per year; graduates per year; institutions' start-ups per year */
  spillover: Float64Array;
  graduates: Float64Array;
  institutionStartups: Float64Array;
  parkHealthDemand: Float64Array;

  // Labour (M markets, I industries)
  supplyBase: Float64Array;
  supplyAdded: Float64Array;
  /** efficiency units per person at the start (persons added to the supply count at this) */
  efficiencyPerPerson: Float64Array;
  /** relative wage pi_i (efficiency units per person) and w*_i(t), 万元 per efficiency unit-year */
  relativeWage: Float64Array;
  wStar0: Float64Array;
  wage: Float64Array;
  labourDemand: Float64Array;
  labourSupply: Float64Array;
  /** ln(w / w_C) per market at the last clearing (the utility's wage term) */
  wageGapLn: Float64Array;
  /** efficiency units each industry would hire at full utilisation this quarter */
  fullEfficiency: Float64Array;
  utilisation: Float64Array;
  prevUtilisation: Float64Array;
  utilRing: Float64Array;
  /** mean utilisation over the past year */
  uBar: Float64Array;
  /** quarterly exit probability per (industry, tier, young) this quarter [(i * T + t) * 2 + young] */
  exitQ: Float64Array;
  /** capacity growth per quarter before the firm's shock and cell term, per industry x park (investment.ts) */
  growthBase: Float64Array;

  // Cells (P x I): [park * I + industry]
  cellOutput: Float64Array;
  cellOutputPrev: Float64Array;
  cellPotential: Float64Array;
  cellGrowthLn: Float64Array;
  cellEmployment: Float64Array;
  cellValueAdded: Float64Array;
  cellOperating: Float64Array;
  cellAnchorsActive: Float64Array;
  cellAnchorsPresent: Float64Array;
  cellPendingExit: Float64Array;
  /** growth decomposition this quarter [cell * 4 + flow]: incumbents' capacity, incumbents' utilisation, entrants, exits */
  cellFlows: Float64Array;
  industryOutput: Float64Array;
  industryPotential: Float64Array;
  chainCompleteness: Float64Array;

  // Location choice, refreshed once a quarter (N nests)
  competitorUtility: Float64Array;
  /** [c * I + i]: exp(utility / lambda) of competitor c in its nest */
  competitorWeight: Float64Array;
  /** [n * I + i]: sum over the nest's competitors of exp(utility / lambda_n), and that sum ^ lambda_n */
  nestSum: Float64Array;
  nestPow: Float64Array;
  /** [i]: sum over the other nests of their inclusive value term (nestSum^lambda) */
  otherNests: Float64Array;
  /**
   * [i * 4 + j]: district utility terms fixed within a quarter's leads (choice.ts prepareLeadUtility):
   * j = 0 the sum of the terms before land readiness, then the infrastructure, services and land-cost terms
   */
  leadUtilityTerms: Float64Array;
  /** the last districtChoice: exp(v / lambda), the nest's inclusive sum, its term sum^lambda; and values passed to and from choice.ts's bodies (its SLOT) */
  choiceScratch: Float64Array;

  // Attraction
  budgetLeft: number;
  /** groups signed with the district per (tier, industry) since the start (they leave the pool) */
  signedGroups: Float64Array;
  signedKind: Float64Array;
  /** expected anchor signings summed while the anchor process only counts (before anchorLeadsFrom) */
  anchorMu: number;
  leads: number;
  leadsLost: Float64Array;
  incentivised: number;
  deadweight: number;
  startups: number;
  institutionLeads: number;
  /** since the projection's start, per tier: signed, void, realised (construction started); per kind: signed */
  signedTier: Float64Array;
  voidTier: Float64Array;
  realisedTier: Float64Array;
  attractedKind: Float64Array;

  // Fiscal
  costQuarter: Float64Array;
  /** incentive accounts of commitments made since the projection's start (ACCOUNTS order; outstanding computed) */
  accounts: Float64Array;
  localTaxQuarter: number;
  signedInvestment: number;
  realisedInvestment: number;

  // Counts of the last firm pass
  firmsPark: Float64Array;
  firmsTier: Float64Array;
  firmsStage: Float64Array;
  firmsOfSize: Float64Array;
  presentTier: Float64Array;
  presentKind: Float64Array;
  firmsEntered: number;
  firmsExited: number;
  /** void signings and projects lost to land since the start */
  voidCount: number;
  lostCount: number;
  /** largest |demand - supply| / supply of the quarter's labour markets */
  clearingResidual: number;
}
