/**
 * Renders a Vega-Lite spec to an SVG string in Node: Vega-Lite compiles it to Vega, Vega renders
 * it headless (renderer "none", no canvas, no DOM, no network). Vega is imported on first use so
 * other commands do not pay for loading it.
 */
import type { TopLevelSpec } from "vega-lite";

/** The font list of the charts and the page: Chinese-capable fonts first, then the system's sans-serif. */
export const FONT_FAMILY = `"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

/** The shared look of every chart (Vega-Lite config). */
export const CHART_CONFIG = {
  font: FONT_FAMILY,
  background: "white",
  padding: 8,
  view: { stroke: null },
  title: { fontSize: 14, fontWeight: "bold", anchor: "start", subtitleFontSize: 12, subtitleColor: "#555", offset: 8 },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal", titleColor: "#333", labelColor: "#333", gridColor: "#e6e6e6" },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: "normal", orient: "bottom", direction: "horizontal", symbolStrokeWidth: 0 },
} as const;

/**
 * Text width in pixels without a canvas: Vega's own estimate (0.8 em a character) is too narrow
 * for Chinese and too wide for digits, which misplaces labels; this counts full-width characters
 * as 1 em and Latin ones by class. A truncated label (item.limit) is never wider than its limit.
 */
function estimateTextWidth(item: { fontSize?: number; limit?: number }, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  let em = 0;
  for (const ch of String(text ?? "").trim()) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x2e80) em += 1;
    else if (/[0-9]/.test(ch)) em += 0.58;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[ il.,:;'|!()[\]]/.test(ch)) em += 0.3;
    else em += 0.55;
  }
  const width = em * size;
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/** Vega, loaded once, with the text measure above installed. */
let vegaModule: Promise<typeof import("vega")> | null = null;
function loadVega(): Promise<typeof import("vega")> {
  vegaModule ??= import("vega").then((vega) => {
    (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = estimateTextWidth;
    return vega;
  });
  return vegaModule;
}

/** Makes the ids inside one SVG (clip paths, gradients) unique in the page by prefixing them. */
function prefixIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  let out = svg;
  for (const id of new Set(ids)) {
    const esc = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out
      .replace(new RegExp(`(\\sid=")${esc}"`, "g"), `$1${prefix}${id}"`)
      .replace(new RegExp(`url\\(#${esc}\\)`, "g"), `url(#${prefix}${id})`)
      .replace(new RegExp(`href="#${esc}"`, "g"), `href="#${prefix}${id}"`);
  }
  return out;
}

/** Renders a Vega-Lite spec to a standalone SVG element (no XML declaration, no xlink namespace unless used). */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const [vega, vegaLite] = await Promise.all([loadVega(), import("vega-lite")]);
  const compiled = vegaLite.compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    let svg = await view.toSVG();
    if (!svg.includes("xlink:")) svg = svg.replace(/\s+xmlns:xlink="[^"]*"/, "");
    return prefixIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}
