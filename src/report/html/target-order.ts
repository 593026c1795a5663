/** The order and the display text of targets in the report's charts and tables. */

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

/** A target's one-line name for a chart axis: its label, with the goal appended unless the label already states the threshold. */
export function targetItem(target: { label: string; goal: string; threshold?: number | null; kind?: string }): string {
  const numbers = target.label.replace(/,/g, "").split(/[^\d.]+/);
  const stated = target.kind !== "cluster-order" && target.threshold != null && numbers.includes(String(target.threshold));
  return prettyGoal(stated ? target.label : `${target.label}: ${target.goal}`);
}
