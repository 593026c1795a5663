/** The order and the display text of targets in the report's charts and tables. */
import { goalThreshold } from "./park-targets.js";

/** Kinds in display order: output and cluster targets first, then the rank, then attraction. */
const KIND_ORDER = ["output", "cluster-order", "rank", "attracted"];

/** Targets sorted for reading: by year, then kind (output, clusters, rank, attraction), then label. */
export function orderTargets<T extends { year: number; kind?: string; label: string }>(targets: readonly T[]): T[] {
  const rank = (k: string | undefined) => {
    const i = KIND_ORDER.indexOf(k ?? "");
    return i < 0 ? KIND_ORDER.length : i;
  };
  return [...targets].sort((a, b) => a.year - b.year || rank(a.kind) - rank(b.kind) || a.label.localeCompare(b.label));
}

/** ">=" and "<=" as ≥ and ≤. */
export function prettyGoal(text: string): string {
  return text.replace(/>=/g, "≥").replace(/<=/g, "≤");
}

/** A target's one-line name for a chart axis: its label, with the goal appended when the label lacks its number. */
export function targetItem(target: { label: string; goal: string }): string {
  const threshold = goalThreshold(target.goal);
  const plain = target.label.replace(/,/g, "");
  const hasGoal = threshold !== null && new RegExp(`(^|[^\\d.])${threshold}(?![\\d])`).test(plain);
  return prettyGoal(hasGoal ? target.label : `${target.label}: ${target.goal}`);
}
