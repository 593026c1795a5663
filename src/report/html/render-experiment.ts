/**
 * The report of an experiment folder as one self-contained HTML page, rendered from its result
 * objects (batch/experiment/read.ts; nothing here needs node:): header and provenance, how to
 * read it, the Sobol' or Morris index charts, the replication noise, main-effect plots, the
 * grid's heat maps of probability and cost, and the PRIM boxes.
 */
import type { ExperimentResults } from "../../batch/experiment/read.js";
import { Figures } from "./figure.js";
import { escapeHtml } from "./format.js";
import { htmlPage } from "./page.js";
import type { RenderedReport } from "./render-report.js";
import { boxesSection } from "./section-experiment-boxes.js";
import { effectsSection } from "./section-experiment-effects.js";
import { gridSection } from "./section-experiment-grid.js";
import { experimentHeaderSection, experimentHowToSection, experimentTitle, noiseSection } from "./section-experiment-header.js";
import { indicesSection } from "./section-experiment-indices.js";

/** Renders the report of an experiment's result objects (`dir`: the folder they came from, shown in the header). */
export async function renderExperimentReport(r: ExperimentResults, dir?: string): Promise<RenderedReport> {
  const figures = new Figures();
  const sections = [
    experimentHeaderSection(r, dir),
    experimentHowToSection(r),
    await indicesSection(r, figures),
    noiseSection(r),
    await gridSection(r, figures),
    await effectsSection(r, figures),
    await boxesSection(r, figures),
    `<footer><p>${escapeHtml(r.summary.note)}</p><p>Made by <code>clustersim report</code> from an experiment folder. The page is self-contained: it loads nothing from the network.</p></footer>`,
  ];
  return { html: htmlPage(experimentTitle(r), sections.filter((s) => s !== "")), charts: figures.rendered };
}
