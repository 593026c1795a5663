/**
 * What the planner's scenario costs, 亿元: for the base and the scenario, the levers' cost over the
 * horizon, the incentives still owed after it, their sum (the cost a comparison prices), the local
 * tax over the horizon and the net fiscal cost, with the added cost and its likely range; then the
 * cost of one percentage point of each target the scenario clearly improves (亿元 per point, one
 * direction only). Browser-safe HTML.
 */
import { clearGain, costPerPoint, type PairedChange, type PlannerComparison } from "./comparison.js";
import { esc, num, yi, type Lang } from "./lang.js";
import { orderForPlanner, targetName } from "./targets.js";

const WORDS = {
  en: {
    title: (y: string) => `Fiscal cost, ${y}`,
    base: "base", yours: "your scenario", added: "added", range: "likely range",
    levers: (y: string) => `levers, ${y}`,
    owed: (end: number) => `+ incentives still owed after ${end}`,
    total: "= cost with commitments",
    tax: (y: string) => `− local tax, ${y}`,
    net: "= net fiscal cost",
    totalNote: "The cost with commitments is the cost priced below; the net cost also counts the local tax the district's output returns.",
    perPoint: "Cost per percentage point gained",
    perPointNote: (who: string) => `Added cost with commitments divided by the gain in a target's chance, for targets ${who} clearly improves.`,
    none: (who: string) => `${who} improves no target clearly, so no cost per point is given.`,
    noCost: (who: string) => `${who} costs no more than the base: its gains cost nothing extra.`,
    unit: "亿元 per point",
  },
  "zh-CN": {
    title: (y: string) => `财政成本（${y}年）`,
    base: "基准", yours: "您的情景", added: "新增", range: "可能范围",
    levers: (y: string) => `杠杆支出（${y}年）`,
    owed: (end: number) => `+ ${end}年后仍需兑付的激励`,
    total: "= 含承诺的成本",
    tax: (y: string) => `− 地方税收（${y}年）`,
    net: "= 净财政成本",
    totalNote: "含承诺的成本即下文每个百分点成本所用的成本；净财政成本还扣除了区内产值带来的地方税收。",
    perPoint: "每提高一个百分点的成本",
    perPointNote: (who: string) => `新增的含承诺成本除以目标达成概率的提升，仅列出${who}明显改善的目标。`,
    none: (who: string) => `${who}没有明显改善任何目标，因此不计算每个百分点的成本。`,
    noCost: (who: string) => `${who}成本不高于基准：其改善无需额外成本。`,
    unit: "亿元/百分点",
  },
} as const;

/** One row of the cost table: base, scenario, and the added amount with its likely range. */
function costRow(label: string, k: PairedChange, range: string, cls = ""): string {
  return `<tr${cls ? ` class="${cls}"` : ""}><th>${esc(label)}</th><td class="num">${yi(k.baseline)}</td><td class="num">${yi(k.alternative)}</td>`
    + `<td class="num"><b>${yi(k.difference, true)}</b> <span class="pc-range">${range} <span class="nw">${yi(k.low, true)} …</span> <span class="nw">${yi(k.high, true)}</span></span></td></tr>`;
}

/** The cost table (with its parts when the comparison has them) and the cost per point of each clearly improved target. */
export function costSummary(c: PlannerComparison, lang: Lang): string {
  const w = WORDS[lang];
  const k = c.cost;
  const yours = c.subject ?? w.yours;
  const who = c.subject ?? (lang === "zh-CN" ? w.yours : "your scenario");
  const Who = who.charAt(0).toUpperCase() + who.slice(1);
  const years = `${c.horizon.startYear}–${c.horizon.endYear}`;
  const p = c.costParts;
  const rows = p
    ? [
        costRow(w.levers(years), p.levers, w.range),
        costRow(w.owed(c.horizon.endYear), p.owedAfter, w.range),
        costRow(w.total, k, w.range, "pc-total"),
        costRow(w.tax(years), p.localTax, w.range),
        costRow(w.net, p.net, w.range, "pc-total"),
      ]
    : [costRow(w.total.slice(2), k, w.range, "pc-total")];
  const table = `<table class="pc-cost"><thead><tr><th></th><th class="num">${esc(c.baseName)} (${w.base})</th><th class="num">${esc(yours)}</th><th class="num">${w.added}</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>${p ? `<p class="pc-note">${esc(w.totalNote)}</p>` : ""}`;
  const improved = orderForPlanner(c.targets.filter((t) => clearGain(t.change)).map((t) => ({ ...t, kind: t.info.kind, year: t.info.year, label: t.info.label })));
  let per: string;
  if (!c.changed || improved.length === 0) per = `<p class="pc-note">${esc(w.none(Who))}</p>`;
  else if (!(k.difference > 0)) per = `<p class="pc-note">${esc(w.noCost(Who))}</p>`;
  else {
    const perRows = improved.map((t) => {
      const cpp = costPerPoint(t, k);
      const value = cpp ? `<b>${num(cpp.value)}</b> ${w.unit} <span class="pc-range">${w.range} ${num(cpp.low)} … ${num(cpp.high)}</span>` : "–";
      return `<tr data-target="${esc(t.info.id)}"><th>${esc(targetName(t.info, lang, c.names))}</th><td class="num">${value}</td></tr>`;
    });
    per = `<p class="pc-note">${esc(w.perPointNote(who))}</p><table class="pc-per"><tbody>${perRows.join("")}</tbody></table>`;
  }
  return `<div class="pc"><h4>${esc(w.title(years))}</h4>${table}<h4>${w.perPoint}</h4>${per}</div>`;
}
