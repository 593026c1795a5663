/**
 * The plan's targets as a planner reads them: a name in either language, the family a target
 * belongs to (output clusters, attraction, ranking), what it asks for (the threshold a run must
 * reach) and, for a target no run meets, how far the runs fall short ("out of reach: median x of y").
 * Reads the structured target description of the result files (summary.json's targets: kind,
 * threshold, comparison, parks, groups...), never the label or goal text; names of parks and
 * groups come from the scenario when it is at hand. Browser-safe.
 */
import type { TargetDescription } from "../../model/target-description.js";
import { num, zhCount, type Lang } from "./lang.js";

/** Target families, in the order the planner reads them. */
export const FAMILIES = ["output", "attraction", "rank"] as const;
/** A target family. */
export type Family = (typeof FAMILIES)[number];

/** The names a scenario gives its parks, tiers, institution kinds and industries (English and Chinese); a Scenario is one. */
export type NameBook = Partial<Record<"parks" | "tiers" | "institutionKinds" | "industries", Readonly<Record<string, { name: string; nameZh?: string }>>>>;

/** What the planner views know of one target: its description in the result files. */
export type TargetInfo = Pick<TargetDescription, "id" | "label" | "kind" | "year" | "threshold" | "comparison"> &
  Partial<Pick<TargetDescription, "thresholds" | "parks" | "industries" | "groups" | "unit">>;

/** The family of a target kind: output and cluster targets, attraction targets, the ranking. */
export function familyOf(kind: string): Family {
  if (kind === "attracted") return "attraction";
  if (kind === "rank") return "rank";
  return "output";
}

/** The name of a family in a language. */
export function familyName(f: Family, lang: Lang): string {
  const names: Record<Family, [string, string]> = {
    output: ["Output targets (the 千亿 and 五百亿 clusters)", "产值目标（千亿、五百亿产业集群）"],
    attraction: ["Attraction targets (招商引资)", "招商引资目标"],
    rank: ["National ranking", "全国排名目标"],
  };
  return names[f][lang === "zh-CN" ? 1 : 0];
}

/** An id's Chinese name in the name book (parks, tiers, kinds, industries), else its English name, else the id. */
export function nameOf(id: string, names: NameBook | undefined, lang: Lang): string {
  for (const book of [names?.parks, names?.tiers, names?.institutionKinds, names?.industries]) {
    const entry = book?.[id] as { name: string; nameZh?: string } | undefined;
    if (entry) return lang === "zh-CN" ? entry.nameZh ?? entry.name : entry.name;
  }
  return id;
}

const plainGoal = (text: string) => text.replace(/>=/g, "≥").replace(/<=/g, "≤");

/** The plan's own word for an output threshold (1000 -> 千亿, 500 -> 五百亿), if it has one. */
function planWord(threshold: number): string | null {
  return threshold === 1000 ? "千亿" : threshold === 500 ? "五百亿" : null;
}

/** A Chinese name built from the target's description, or null for a kind it does not know. */
function zhName(t: TargetInfo, names: NameBook | undefined): string | null {
  const n = (id: string) => nameOf(id, names, "zh-CN");
  const where = [...(t.parks ?? []), ...(t.industries ?? [])].map(n).join("+");
  const x = t.threshold === null ? "（每次抽取）" : num(t.threshold, 0);
  switch (t.kind) {
    case "attracted":
      return `${t.year}年前引进${(t.groups ?? []).map(n).join("、")} ≥ ${x}`;
    case "output": {
      const word = t.threshold === null ? null : planWord(t.threshold);
      return `${t.year}年${where}产值 ≥ ${x} 亿元${word ? `（${word}）` : ""}`;
    }
    case "cluster-order": {
      const counts = new Map<number | null, number>();
      for (const v of t.thresholds ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
      const parts = [...counts].map(([v, c]) => `${zhCount(c)}个${v === null ? "达标" : planWord(v) ?? `≥ ${num(v, 0)} 亿元的`}园区`);
      return `${t.year}年形成${parts.join("、")}`;
    }
    case "rank":
      return `${t.year}年${where}进入全国前${x}`;
    default:
      return null;
  }
}

/** The target's name in a language: the scenario's own label in English, a name built from its description in Chinese (the label for a kind it does not know). */
export function targetName(t: TargetInfo, lang: Lang, names?: NameBook): string {
  return (lang === "zh-CN" ? zhName(t, names) : null) ?? plainGoal(t.label);
}

/** The unit in which "median x of y" is told. */
type ReachUnit = "yi" | "count" | "clusters" | "rank";

/** The number a run must reach for the target and which way ("at least" or, for a rank, "at most"); null when it is drawn per run. */
export function targetThreshold(t: TargetInfo): { value: number; atMost: boolean; unit: ReachUnit } | null {
  if (t.threshold === null) return null;
  const unit: ReachUnit = t.kind === "output" ? "yi" : t.kind === "cluster-order" ? "clusters" : t.kind === "rank" ? "rank" : "count";
  return { value: t.threshold, atMost: t.comparison === "at-most", unit };
}

/** "out of reach: median 420 of 1,000 亿元" (or the Chinese), for a target no run meets; `median` is the target's value at its median run. */
export function outOfReach(t: TargetInfo, median: number | null, lang: Lang): string {
  const th = targetThreshold(t);
  const zh = lang === "zh-CN";
  const head = zh ? "无法达到" : "out of reach";
  if (th === null || median === null || !Number.isFinite(median)) return head;
  const m = num(median, th.unit === "yi" ? undefined : Number.isInteger(median) ? 0 : 1);
  const y = num(th.value, th.unit === "yi" || Number.isInteger(th.value) ? 0 : undefined);
  switch (th.unit) {
    case "yi":
      return zh ? `${head}：中位数 ${m} 亿元，目标 ${y} 亿元` : `${head}: median ${m} of ${y} 亿元`;
    case "count":
      return zh ? `${head}：中位数 ${m}，目标 ${y}` : `${head}: median ${m} of ${y}${t.unit && t.unit !== "groups" ? ` ${t.unit}` : ""}`;
    case "clusters":
      return zh ? `${head}：中位数 ${m} 个集群达标，目标 ${y} 个` : `${head}: median ${m} of ${y} clusters`;
    case "rank":
      return zh ? `${head}：排名中位数第 ${m}，目标前 ${y}` : `${head}: median rank ${m}, needs top ${y}`;
  }
}

/** Targets in reading order: family, then year, then label. */
export function orderForPlanner<T extends Pick<TargetInfo, "kind" | "year" | "label">>(targets: readonly T[]): T[] {
  const rank = (t: T) => FAMILIES.indexOf(familyOf(t.kind)) * 10 + (t.kind === "cluster-order" ? 1 : 0);
  return [...targets].sort((a, b) => rank(a) - rank(b) || a.year - b.year || a.label.localeCompare(b.label));
}
