/** Text helpers of the report: HTML escaping, numbers, percentages and display names. */
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

/** A park's chart title: the Chinese and English names when the scenario file gave them, else the id. */
export function parkTitle(id: string, names: Map<string, ParkName>): string {
  const park = names.get(id);
  if (!park) return id;
  return park.nameZh ? `${park.nameZh} ${park.name}` : park.name;
}

/** Plain-language names of the reasons a lead is lost (leadsLost breakdown of yearly.csv). */
export const LOST_REASONS: Record<string, string> = {
  competitor: "went to a competitor park",
  "stay-out": "stayed out (chose no park)",
  budget: "incentive budget ran out",
  land: "gave up waiting for land",
};
