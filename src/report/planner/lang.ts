/**
 * The two languages of the planner's views (the page and the planner-first report) and their
 * number formats: probabilities as percentages, changes as percentage points, money in 亿元.
 * Browser-safe: no node: imports.
 */

/** A language of the planner's views. */
export type Lang = "en" | "zh-CN";

/** Both languages, the page's switch order. */
export const LANGS: readonly Lang[] = ["zh-CN", "en"];

/** A text in both languages. */
export type Bilingual = Record<Lang, string>;

/** Whether a string names one of the languages. */
export function isLang(x: unknown): x is Lang {
  return x === "en" || x === "zh-CN";
}

/** Picks the language from the browser's preferences: Chinese when the first Chinese or English preference is Chinese. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const lower = l.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}

/** Escapes text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const isNum = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

/** A number with thousands separators and magnitude-based precision ("1,234", "56.7", "0.12"); "–" when missing. */
export function num(x: number | null | undefined, digits?: number): string {
  if (!isNum(x)) return "–";
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  const text = x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  return text === "-0" || /^-0[.,]?0*$/.test(text) ? text.slice(1) : text;
}

/** A probability (0-1) as a whole percentage ("35%"; "<1%" and ">99%" at the ends but not at 0 and 1). */
export function pct(p: number | null | undefined): string {
  if (!isNum(p)) return "–";
  if (p > 0 && p < 0.005) return "<1%";
  if (p < 1 && p > 0.995) return ">99%";
  return `${Math.round(p * 100)}%`;
}

/** A change in probability (0-1) as signed percentage points, in the language's words ("+12 points", "+12 个百分点"). */
export function points(d: number | null | undefined, lang: Lang, digits = 0): string {
  if (!isNum(d)) return "–";
  const v = d * 100;
  const text = Math.abs(v).toFixed(digits);
  const sign = Number(text) === 0 ? "±" : v > 0 ? "+" : "−";
  return lang === "zh-CN" ? `${sign}${text} 个百分点` : `${sign}${text} ${text === "1" ? "point" : "points"}`;
}

/** Money in 亿元 ("20.7 亿元"); signed when asked ("+20.7 亿元", "−3.1 亿元"). */
export function yi(x: number | null | undefined, signed = false): string {
  if (!isNum(x)) return "–";
  const text = num(Math.abs(x));
  const sign = !signed || text === "0" || text === "0.00" ? (x < 0 && !signed ? "−" : "") : x > 0 ? "+" : "−";
  return `${sign}${text} 亿元`;
}

/** Small whole numbers as Chinese numerals for counts ("两个", "三个"); others as digits. */
export function zhCount(n: number): string {
  const words = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];
  return Number.isInteger(n) && n >= 0 && n <= 10 ? words[n] : String(n);
}
