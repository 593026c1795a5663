/** The HTML document around the report's sections: one file, inline CSS, no scripts, no external resources. */
import { escapeHtml } from "./format.js";
import { FONT_FAMILY } from "./vega-svg.js";
import { PLANNER_CSS } from "../planner/styles.js";

/** The page's style sheet (print-friendly, readable on a laptop screen). */
const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: ${FONT_FAMILY}; color: #222; background: #fff; margin: 0; line-height: 1.5; font-size: 15px; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 8px; padding-top: 12px; border-top: 2px solid #ddd; }
h3 { font-size: 16px; margin: 24px 0 6px; }
p, li { max-width: 62em; }
.lead { font-size: 16px; color: #333; }
.units { display: inline-block; background: #fff7e0; border: 1px solid #f0d890; padding: 4px 10px; border-radius: 4px; }
.warning { background: #fdecea; border: 1px solid #f5b7b1; padding: 8px 12px; border-radius: 4px; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; font-size: 14px; margin: 12px 0; }
dl.provenance dt { color: #555; }
dl.provenance dd { margin: 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; background: #f4f4f4; padding: 0 3px; border-radius: 3px; }
.charts { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-start; }
figure.chart { margin: 8px 0; max-width: 100%; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: #555; padding: 0 8px; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f6f6f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: #777; }
.howto { background: #f3f7fb; border-left: 4px solid #6baed6; padding: 8px 16px; }
footer { margin-top: 48px; font-size: 13px; color: #666; }
.alternative { margin: 8px 0 24px; }
.lever-description { font-style: italic; color: #333; }
@media print { h2 { break-before: auto; } figure.chart { break-inside: avoid; } }
${PLANNER_CSS}`;

/** The whole HTML document: `title` in <title>, the sections in <main>. */
export function htmlPage(title: string, sections: string[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="clustersim report">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${sections.join("\n")}
</main>
</body>
</html>
`;
}
