/**
 * The planner's report of a batch or comparison as one self-contained HTML page, rendered from
 * the result objects (a folder read by report/node/render-folder.ts, or objects a browser page
 * made; nothing here needs node:), in the planner's order: the header and units; for a
 * comparison, what each alternative does (its description, the verdict, the chance of each
 * target, the cost: the planner page's components); how to read it; the comparison's details
 * (changes, ranking, headline changes, cost per point, output differences); per scenario the
 * targets, output fan charts, leads lost and headline numbers; the provenance last.
 */
import { parkOrder, scenarioOrder, type ReportContext } from "./context.js";
import { Figures } from "./figure.js";
import { escapeHtml } from "./format.js";
import type { ReportData } from "./inputs.js";
import { htmlPage } from "./page.js";
import { NO_SCENARIO_INFO, type ScenarioInfo } from "./scenario-info.js";
import { costSection } from "./section-compare-cost.js";
import { headlineChangesSection } from "./section-compare-headlines.js";
import { outputDifferenceSection } from "./section-compare-output.js";
import { probabilityChangeSection, rankingSection } from "./section-compare-targets.js";
import { headerSection, provenanceSection, reportTitle } from "./section-header.js";
import { plannerSection } from "./section-planner.js";
import { headlinesSection } from "./section-headlines.js";
import { howToSection } from "./section-howto.js";
import { leadsSection } from "./section-leads.js";
import { outputSection } from "./section-output.js";
import { targetsSection } from "./section-targets.js";

/** A rendered report: the HTML text and how many charts it holds. */
export interface RenderedReport {
  html: string;
  charts: number;
}

/** The footer: the statistical notes of the result files. */
function footer(folder: ReportData): string {
  const notes = [folder.summary.note, folder.comparison?.note].filter((n): n is string => !!n);
  return `<footer>
${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("\n")}
<p>Made by <code>clustersim report</code> from the result files${folder.dir === undefined ? "" : " in the results folder"}. The page is self-contained: it loads nothing from the network.</p>
</footer>`;
}

/** Renders the report of a batch's or comparison's result objects, with the scenarios' park names when `info` has them. */
export async function renderReport(folder: ReportData, info: ScenarioInfo = NO_SCENARIO_INFO): Promise<RenderedReport> {
  const scenarios = scenarioOrder(folder);
  const ctx: ReportContext = { folder, info, figures: new Figures(), parks: parkOrder(folder.yearly, scenarios[0]), scenarios };
  const c = folder.comparison;
  const sections = [headerSection(folder)];
  if (c) sections.push(plannerSection(ctx, c));
  sections.push(howToSection(folder.manifest.runs, c !== null));
  if (c) {
    sections.push(`<h2 id="details" style="border-top:4px solid #bbb">The comparison in detail</h2>`, await probabilityChangeSection(ctx, c), rankingSection(ctx, c), headlineChangesSection(c), await costSection(ctx, c), await outputDifferenceSection(ctx, c));
    sections.push(`<h2 id="scenarios" style="border-top:4px solid #bbb">Each scenario on its own</h2><p>The statistics of every scenario of the comparison, the baseline first.</p>`);
  }
  sections.push(await targetsSection(ctx), await outputSection(ctx), await leadsSection(ctx), headlinesSection(ctx), provenanceSection(folder), footer(folder));
  return { html: htmlPage(reportTitle(folder), sections.filter((s) => s !== "")), charts: ctx.figures.rendered };
}
