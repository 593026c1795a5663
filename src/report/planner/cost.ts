/**
 * What the planner's scenario costs: the fiscal cost of the levers over the horizon for the base
 * and the scenario with the added cost and its likely range, and the cost of one percentage point
 * of each target it clearly improves (亿元 per point, one direction only). Browser-safe HTML.
 */
import { clearGain, costPerPoint, type PlannerComparison } from "./comparison.js";
import { esc, num, yi, type Lang } from "./lang.js";
import { orderForPlanner, targetName } from "./targets.js";

const WORDS = {
  en: {
    title: (y: string) => `Fiscal cost of the levers, ${y}`,
    base: "base", yours: "your scenario", added: "added cost", range: "likely range",
    perPoint: "Cost per percentage point gained",
    perPointNote: (who: string) => `Added fiscal cost divided by the gain in a target's chance, for targets ${who} clearly improves.`,
    none: (who: string) => `${who} improves no target clearly, so no cost per point is given.`,
    noCost: (who: string) => `${who} costs no more than the base: its gains cost nothing extra.`,
    unit: "亿元 per point",
  },
  "zh-CN": {
    title: (y: string) => `杠杆财政成本（${y}年）`,
    base: "基准", yours: "您的情景", added: "新增成本", range: "可能范围",
    perPoint: "每提高一个百分点的成本",
    perPointNote: (who: string) => `新增财政成本除以目标达成概率的提升，仅列出${who}明显改善的目标。`,
    none: (who: string) => `${who}没有明显改善任何目标，因此不计算每个百分点的成本。`,
    noCost: (who: string) => `${who}成本不高于基准：其改善无需额外成本。`,
    unit: "亿元/百分点",
  },
} as const;

/** The cost table and the cost per point of each clearly improved target. */
export function costSummary(c: PlannerComparison, lang: Lang): string {
  const w = WORDS[lang];
  const k = c.cost;
  const yours = c.subject ?? w.yours;
  const who = c.subject ?? (lang === "zh-CN" ? w.yours : "your scenario");
  const Who = who.charAt(0).toUpperCase() + who.slice(1);
  const years = `${c.horizon.startYear}–${c.horizon.endYear}`;
  const table = `<table class="pc-cost"><tbody>
<tr><th>${esc(c.baseName)} (${w.base})</th><td class="num">${yi(k.baseline)}</td></tr>
<tr><th>${esc(yours)}</th><td class="num">${yi(k.alternative)}</td></tr>
<tr class="pc-added"><th>${w.added}</th><td class="num"><b>${yi(k.difference, true)}</b> <span class="pc-range">${w.range} ${yi(k.low, true)} … ${yi(k.high, true)}</span></td></tr>
</tbody></table>`;
  const improved = orderForPlanner(c.targets.filter((t) => clearGain(t.change)).map((t) => ({ ...t, kind: t.info.kind, year: t.info.year, label: t.info.label })));
  let per: string;
  if (!c.changed || improved.length === 0) per = `<p class="pc-note">${esc(w.none(Who))}</p>`;
  else if (!(k.difference > 0)) per = `<p class="pc-note">${esc(w.noCost(Who))}</p>`;
  else {
    const rows = improved.map((t) => {
      const cpp = costPerPoint(t, k);
      const value = cpp ? `<b>${num(cpp.value)}</b> ${w.unit} <span class="pc-range">${w.range} ${num(cpp.low)} … ${num(cpp.high)}</span>` : "–";
      return `<tr data-target="${esc(t.info.id)}"><th>${esc(targetName(t.info, lang, c.names))}</th><td class="num">${value}</td></tr>`;
    });
    per = `<p class="pc-note">${esc(w.perPointNote(who))}</p><table class="pc-per"><tbody>${rows.join("")}</tbody></table>`;
  }
  return `<div class="pc"><h4>${esc(w.title(years))}</h4>${table}<h4>${w.perPoint}</h4>${per}</div>`;
}
