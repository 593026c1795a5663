/** Text helpers of the report: HTML escaping, numbers, percentages and display names. */
import { HEADLINE_INFO, isHeadline, type Headline } from "../../batch/headlines.js";
import type { LossReasonName } from "../../model/state.js";
import type { ParkName } from "./scenario-info.js";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A number with thousands separators and sensible precision ("1,234", "56.7", "0.123"); "–" when missing. */
export function fmtNumber(x: number | null | undefined, digits?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3);
  return x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** A probability (0-1) as a percentage ("60.0%"); "–" when missing. */
export function fmtPercent(p: number | null | undefined, digits = 1): string {
  return p === null || p === undefined || !Number.isFinite(p) ? "–" : `${(p * 100).toFixed(digits)}%`;
}

/** A change in probability (0-1) as signed percentage points ("+12.0 pp", "−3.5 pp"). */
export function fmtPoints(d: number | null | undefined, digits = 1): string {
  if (d === null || d === undefined || !Number.isFinite(d)) return "–";
  const v = d * 100;
  const text = Math.abs(v).toFixed(digits);
  return `${v > 0 && Number(text) !== 0 ? "+" : v < 0 && Number(text) !== 0 ? "−" : ""}${text} pp`;
}

/** A park's chart title (the Chinese name when the scenario file gave one, else the English name or the id) and its English name for a subtitle. */
export function parkTitle(id: string, names: Map<string, ParkName>): { title: string; english: string | null } {
  const park = names.get(id);
  if (!park) return { title: id, english: null };
  return park.nameZh ? { title: park.nameZh, english: park.name } : { title: park.name, english: null };
}

/** Plain-language names of the reasons a lead is lost (leadsLost breakdown of yearly.csv), one per LOSS_REASONS. */
export const LOSS_REASON_LABELS: Record<LossReasonName, string> = {
  competitor: "went to a competitor park",
  "stay-out": "stayed out (chose no park)",
  budget: "incentive budget ran out",
  land: "gave up waiting for land",
};

/** The headlines in the report's display order (output and cost first). */
export const HEADLINE_ORDER: readonly Headline[] = ["districtOutputFinalYear", "costWithCommitments", "netFiscalCost", "fiscalCostTotal", "incentivesOutstanding", "localTax", "leads", "signed", "lostCompetitor", "lostStayOut", "lostBudget", "lostLand"];

/** Whether a name is a headline figure (from src/batch/headlines.ts). */
export { isHeadline };

/** The plain-language name of a headline with its unit (or the name itself when it is not one). */
export function headlineName(name: string): string {
  if (!isHeadline(name)) return name;
  const { unit, description } = HEADLINE_INFO[name];
  return unit === "leads" ? description : `${description}, ${unit}`;
}

/** "the baseline <name>", or just "the baseline" when the scenario is called that. */
export function theBaseline(name: string): string {
  return name === "baseline" ? "the <strong>baseline</strong>" : `the baseline <strong>${escapeHtml(name)}</strong>`;
}
