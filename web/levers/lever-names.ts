/**
 * Planner names of the levers in Chinese and English, keyed by field path ("section.field"),
 * with the planner's unit, the group a lever is shown in, and an optional slider top where the
 * schema sets no maximum. The only lever table of the page: a field missing here is still shown
 * (lever-schema.ts finds it), under its field name in its section's group. For model v2, add or
 * rename entries here.
 */
import type { Bilingual, Lang } from "../../src/report/planner/lang.js";

/** Groups of levers, in the order the page shows them. */
export const GROUPS = ["attraction", "land", "talent", "capital", "support", "assumption"] as const;
/** A group of levers. */
export type Group = (typeof GROUPS)[number] | string;

/** Group headings; a section without an entry is shown under its own name. */
export const GROUP_NAMES: Record<string, Bilingual> = {
  attraction: { en: "Attraction (招商引资)", "zh-CN": "招商引资" },
  land: { en: "Land (土地)", "zh-CN": "土地供给" },
  talent: { en: "Talent and housing (人才)", "zh-CN": "人才与住房" },
  capital: { en: "Capital (资金)", "zh-CN": "资金" },
  support: { en: "Infrastructure, services and approvals (配套支撑)", "zh-CN": "基础设施、服务与审批（配套支撑）" },
  assumption: { en: "Model assumptions (not policy levers)", "zh-CN": "模型假设（非政策杠杆）" },
};

/** A lever's planner name. */
export interface LeverName {
  name: Bilingual;
  unit?: Bilingual;
  group?: Group;
  /** slider top when the schema has no maximum */
  max?: number;
}

const u = (en: string, zh: string): Bilingual => ({ en, "zh-CN": zh });

/** The planner names, by "section.field" (model version 2's lever sections). */
export const LEVER_NAMES: Record<string, LeverName> = {
  "attraction.promotionTeams": { name: u("Investment-promotion teams", "招商引资队伍"), unit: u("teams", "支"), group: "attraction" },
  "attraction.effort": { name: u("Promotion time by target group", "招商时间在各类对象间的分配"), unit: u("relative weight", "相对权重"), group: "attraction" },
  "attraction.targeting": { name: u("Promotion focus by industry", "各产业招商侧重"), unit: u("relative weight", "相对权重"), group: "attraction" },
  "attraction.chainTargeting": { name: u("Chain-targeted attraction (强链补链)", "强链补链招商"), unit: u("share of team time", "占队伍时间比例"), group: "attraction" },
  "attraction.incentiveLevel": { name: u("Incentive level (“50 new industrial policies”)", "招商激励力度（产业新政50条）"), unit: u("× the 2016-17 level", "× 2016-17年水平"), group: "attraction" },
  "attraction.incentiveBudget": { name: u("Incentive budget", "招商激励预算"), unit: u("亿元/yr", "亿元/年"), group: "attraction", max: 50 },
  "attraction.unspentBudget": { name: u("Budget unspent at year end", "年末未用预算"), group: "attraction" },
  "attraction.incentivePaymentYears": { name: u("Years over which an incentive is paid", "激励兑付年限"), unit: u("years", "年"), group: "attraction", max: 10 },
  "attraction.chainEffortScale": { name: u("Chain work reaching 63% of supplier searches", "覆盖63%配套搜寻所需的链式招商投入"), unit: u("team-years/yr", "队伍·年/年"), group: "assumption" },
  "attraction.supplierSearchesPerAnchorYear": { name: u("Supplier searches per anchor and year", "每家龙头每年带来的配套搜寻"), unit: u("searches", "次"), group: "assumption" },
  "factors.landQuotaMu": { name: u("Serviced industrial land released", "已配套工业用地供应"), unit: u("亩/yr", "亩/年"), group: "land" },
  "factors.landCost": { name: u("Land cost to investors", "用地成本"), unit: u("× 2017", "× 2017年"), group: "land" },
  "factors.talentProgrammePersons": { name: u("Talent programmes", "人才计划引进"), unit: u("persons/yr", "人/年"), group: "talent", max: 2000 },
  "factors.housingAdded": { name: u("Housing for talent added", "人才住房新增"), unit: u("places/yr", "套（人）/年"), group: "talent" },
  "factors.guidanceFund": { name: u("Guidance fund", "产业引导基金"), unit: u("亿元/yr", "亿元/年"), group: "capital", max: 20 },
  "factors.startupsPerFundYi": { name: u("Start-ups per 亿元 of fund capital", "每亿元基金带动的初创企业"), unit: u("firms", "家"), group: "assumption" },
  "factors.infrastructure": { name: u("Infrastructure (transport, energy, information)", "基础设施配套"), unit: u("index 0–1", "指数 0–1"), group: "support" },
  "factors.services": { name: u("Producer and living services", "生产性与生活性服务"), unit: u("index 0–1", "指数 0–1"), group: "support" },
  "factors.approvalSpeed": { name: u("Approval speed (government services)", "审批速度（政务服务）"), unit: u("× 2017", "× 2017年"), group: "support" },
};

/** Choice values' names (the unspent-budget rule), by value. */
export const CHOICE_NAMES: Record<string, Bilingual> = {
  "carry-over": u("carried over to next year", "结转下年"),
  lapse: u("lapses", "作废"),
};

/** A field's planner name in a language, or the field name itself. */
export function leverName(key: string, lang: Lang): string {
  return LEVER_NAMES[key]?.name[lang] ?? key.split(".").pop()!;
}

/** The unit a value description ends with ("serviced industrial land released, 亩 per year" -> "亩 per year"), or "". */
export function unitFromDescription(text: string | null): string {
  const plain = (text ?? "").replace(/\s*\([^()]*\)\s*$/, "");
  const cut = plain.lastIndexOf(", ");
  const tail = cut >= 0 ? plain.slice(cut + 2).trim() : "";
  return tail.length > 0 && tail.length <= 24 ? tail : "";
}

/** A field's unit in a language: the table's, else the one its schema description names, else "". */
export function leverUnit(key: string, lang: Lang, valueDescription: string | null = null): string {
  return LEVER_NAMES[key]?.unit?.[lang] ?? unitFromDescription(valueDescription);
}

/** The group a field is shown in: its table entry's, else its section when the schema marks it a lever, else the model assumptions. */
export function leverGroup(key: string, isLever = true): Group {
  return LEVER_NAMES[key]?.group ?? (isLever ? key.split(".")[0] : "assumption");
}

/** A group's heading in a language, or the group (section) name. */
export function groupName(group: Group, lang: Lang): string {
  return GROUP_NAMES[group]?.[lang] ?? group;
}
