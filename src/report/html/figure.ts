/** Turns chart specs into numbered <figure> elements of one page (each SVG's ids made unique in the page). */
import type { TopLevelSpec } from "vega-lite";
import { escapeHtml } from "./format.js";
import { renderSvg } from "./vega-svg.js";

/** Numbers the charts of one report as they are rendered. */
export class Figures {
  private count = 0;

  /** Renders `spec` to an inline SVG inside a <figure>, with an optional caption below it. */
  async figure(spec: TopLevelSpec, caption?: string): Promise<string> {
    const n = ++this.count;
    const svg = await renderSvg(spec, `c${n}-`);
    const cap = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : "";
    const width = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1];
    const style = width ? ` style="width:${width}px"` : "";
    return `<figure class="chart" id="chart-${n}"${style}>${svg}${cap}</figure>`;
  }

  /** How many charts were rendered. */
  get rendered(): number {
    return this.count;
  }
}
