/**
 * The verdict: one sentence per target family saying what the planner's scenario does to the
 * chance of meeting the plan's targets against the base, by how much and at what fiscal cost, in
 * plain words (no statistical terms: "clear" means the change stands out of the simulation's
 * noise, as the "about these numbers" section explains). Browser-safe.
 */
import { clearGain, clearLoss, costPerPoint, metInNoRun, type PlannerComparison, type PlannerTarget } from "./comparison.js";
import { num, pct, points, yi, type Lang } from "./lang.js";
import { FAMILIES, familyName, familyOf, outOfReach, targetName, targetThreshold, type Family } from "./targets.js";

/** One family's verdict: its name and the sentence. */
export interface Verdict {
  family: Family;
  title: string;
  text: string;
  /** "gain", "loss", "mixed", "none" or "out-of-reach", for styling */
  tone: "gain" | "loss" | "mixed" | "none" | "out-of-reach";
}

/** The cost clause, on the cost with commitments: "for 20.7 亿元 more in fiscal cost (incentives owed after 2022 included)" / "while saving ..." / "at no extra fiscal cost". */
function costClause(c: PlannerComparison, lang: Lang): string {
  const d = c.cost.difference;
  const end = c.horizon.endYear;
  const zh = lang === "zh-CN";
  if (Math.abs(d) < 0.05) return zh ? "财政成本基本不变" : "at no extra fiscal cost";
  if (d > 0) return zh ? `财政成本（含${end}年后仍需兑付的激励）增加 ${yi(d)}` : `for ${yi(d)} more in fiscal cost (incentives owed after ${end} included)`;
  return zh ? `财政成本（含${end}年后仍需兑付的激励）减少 ${yi(-d)}` : `while saving ${yi(-d)} of fiscal cost (incentives owed after ${end} included)`;
}

/** Who changed the levers and the verbs that go with it: "Your changes raise" on the page, "lever-promotion raises" in the report. */
function actor(c: PlannerComparison, lang: Lang): { who: string; raise: string; lower: string } {
  if (lang === "zh-CN") return { who: c.subject ? `“${c.subject}”` : "您的调整", raise: "", lower: "" };
  return c.subject ? { who: c.subject, raise: "raises", lower: "lowers" } : { who: "Your changes", raise: "raise", lower: "lower" };
}

/** "12% → 35%, +23 points". */
function move(t: PlannerTarget, lang: Lang): string {
  return `${pct(t.base.probability)} → ${pct(t.alt.probability)}, ${points(t.change?.difference, lang)}`;
}

/** The verdict of one family (targets all of that family, non-empty). */
function familyVerdict(c: PlannerComparison, family: Family, targets: PlannerTarget[], lang: Lang): Verdict {
  const zh = lang === "zh-CN";
  const name = (t: PlannerTarget) => targetName(t.info, lang, c.names);
  const title = familyName(family, lang);
  const n = targets.length;
  const reachable = targets.filter((t) => !metInNoRun(t));
  if (reachable.length === 0) {
    const closest = [...targets].sort((a, b) => share(b) - share(a))[0];
    const text = zh
      ? `两种情景下均无任何一次模拟达到这${n === 1 ? "一" : ` ${n} 个`}目标；最接近的是“${name(closest)}”（${outOfReach(closest.info, closest.alt.median, lang)}）。`
      : `Out of reach under both: no run meets ${n === 1 ? "this target" : `any of these ${n} targets`}; the closest is “${name(closest)}” (${outOfReach(closest.info, closest.alt.median, lang)}).`;
    return { family, title, text, tone: "out-of-reach" };
  }
  const gains = targets.filter((t) => clearGain(t.change)).sort((a, b) => b.change!.difference - a.change!.difference);
  const losses = targets.filter((t) => clearLoss(t.change)).sort((a, b) => a.change!.difference - b.change!.difference);
  const cost = costClause(c, lang);
  const a = actor(c, lang);
  if (!c.changed) {
    const best = [...reachable].sort((a, b) => (b.base.probability ?? 0) - (a.base.probability ?? 0))[0];
    const text = zh
      ? `尚未调整任何杠杆：以下为基准情景本身；最有把握的是“${name(best)}”（${pct(best.base.probability)}）。`
      : `No lever moved yet: these are the base's own chances; the likeliest is “${name(best)}” (${pct(best.base.probability)}).`;
    return { family, title, text, tone: "none" };
  }
  if (gains.length > 0) {
    const best = gains[0];
    const per = costPerPoint(best, c.cost);
    const perText = per ? (zh ? `，每个百分点约 ${yi(per.value)}` : `, about ${yi(per.value)} per point`) : "";
    const lossText = losses.length ? (zh ? `；但有 ${losses.length} 个目标的概率明显下降` : `, but clearly ${a.lower} the chance of ${losses.length}`) : "";
    const text =
      n === 1
        ? zh
          ? `${a.who}使“${name(best)}”的达成概率明显上升（${move(best, lang)}），${cost}${perText}。`
          : `${a.who} clearly ${a.raise} the chance of “${name(best)}” (${move(best, lang)}), ${cost}${perText}.`
        : zh
          ? `${a.who}使 ${n} 个目标中 ${gains.length} 个的达成概率明显上升，其中“${name(best)}”上升最多（${move(best, lang)}），${cost}${perText}${lossText}。`
          : `${a.who} clearly ${a.raise} the chance of ${gains.length} of ${n} targets, most for “${name(best)}” (${move(best, lang)}), ${cost}${perText}${lossText}.`;
    return { family, title, text, tone: losses.length ? "mixed" : "gain" };
  }
  if (losses.length > 0) {
    const worst = losses[0];
    const text =
      n === 1
        ? zh
          ? `${a.who}使“${name(worst)}”的达成概率明显下降（${move(worst, lang)}），${cost}。`
          : `${a.who} clearly ${a.lower} the chance of “${name(worst)}” (${move(worst, lang)}), ${cost}.`
        : zh
          ? `${a.who}使 ${n} 个目标中 ${losses.length} 个的达成概率明显下降，其中“${name(worst)}”下降最多（${move(worst, lang)}），${cost}。`
          : `${a.who} clearly ${a.lower} the chance of ${losses.length} of ${n} targets, most for “${name(worst)}” (${move(worst, lang)}), ${cost}.`;
    return { family, title, text, tone: "loss" };
  }
  const largest = [...reachable].sort((a, b) => Math.abs(b.change?.difference ?? 0) - Math.abs(a.change?.difference ?? 0))[0];
  const text = zh
    ? `没有明显变化：所有差异都在模拟的随机波动之内（变化最大的是“${name(largest)}”，${points(largest.change?.difference, lang)}），${cost}。`
    : `No clear change: every difference is within the simulation's noise (the largest, “${name(largest)}”, ${points(largest.change?.difference, lang)}), ${cost}.`;
  return { family, title, text, tone: "none" };
}

/** How close a target's median run comes to its threshold (1 = reaches it), for picking the closest unreached target. */
function share(t: PlannerTarget): number {
  const th = targetThreshold(t.info);
  const m = t.alt.median;
  if (th === null || m === null || !(th.value > 0) || !(m > 0)) return 0;
  return th.atMost ? th.value / m : m / th.value;
}

/** The verdict sentences, one per target family present, in reading order. */
export function verdicts(c: PlannerComparison, lang: Lang): Verdict[] {
  return FAMILIES.flatMap((family) => {
    const targets = c.targets.filter((t) => familyOf(t.info.kind) === family);
    return targets.length ? [familyVerdict(c, family, targets, lang)] : [];
  });
}

/** The headline under the verdicts: the runs behind them ("400 paired runs"). */
export function runsLine(c: PlannerComparison, lang: Lang): string {
  return lang === "zh-CN" ? `基于 ${num(c.runs, 0)} 组配对模拟` : `from ${num(c.runs, 0)} paired runs`;
}
