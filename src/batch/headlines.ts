/** The headline per-run figures a batch keeps (runs.csv, summary.json, comparison files): names, units and meanings, defined once. */

/** Headline per-run figures, in their column order. */
export const HEADLINES = [
  "leads", "signed", "lostCompetitor", "lostStayOut", "lostBudget", "lostLand", "fiscalCostTotal", "districtOutputFinalYear",
  "incentivesOutstanding", "costWithCommitments", "localTax", "netFiscalCost",
] as const;
/** Name of a headline figure. */
export type Headline = (typeof HEADLINES)[number];

/** Each headline's unit and plain-language meaning (the report's names, the Data Package's descriptions). */
export const HEADLINE_INFO: Record<Headline, { unit: string; description: string }> = {
  leads: { unit: "leads", description: "leads (firms and institutions looking for a location) generated over the horizon" },
  signed: { unit: "leads", description: "leads that signed in the district (generated minus lost to competitors, staying out and the budget)" },
  lostCompetitor: { unit: "leads", description: "leads lost to a competitor park" },
  lostStayOut: { unit: "leads", description: "leads that chose no park" },
  lostBudget: { unit: "leads", description: "leads lost because the incentive budget was spent" },
  lostLand: { unit: "leads", description: "signed projects abandoned waiting for land" },
  fiscalCostTotal: { unit: "亿元", description: "fiscal cost of the levers over the projection (incentives: the instalments paid in it)" },
  districtOutputFinalYear: { unit: "亿元/yr", description: "district output in the final year" },
  incentivesOutstanding: { unit: "亿元", description: "incentive instalments committed in the projection and still owed after its end" },
  costWithCommitments: { unit: "亿元", description: "fiscal cost of the levers over the projection plus the incentives still owed after it (the cost a comparison prices)" },
  localTax: { unit: "亿元", description: "local tax on the district's output over the projection" },
  netFiscalCost: { unit: "亿元", description: "fiscal cost with commitments after the projection, less the local tax over it" },
};

/** Whether `name` is a headline figure. */
export function isHeadline(name: string): name is Headline {
  return Object.hasOwn(HEADLINE_INFO, name);
}
