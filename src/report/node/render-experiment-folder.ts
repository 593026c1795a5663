/** `clustersim report`'s reading side for an experiment folder: read it, render it with renderExperimentReport. */
import { readExperimentFolder } from "../../batch/experiment/node/read-folder.js";
import { renderExperimentReport } from "../html/render-experiment.js";
import type { RenderedReport } from "../html/render-report.js";

/** Reads the experiment folder `dir` and renders its report (throws ResultsFolderError for a folder it cannot read). */
export async function renderExperimentFolder(dir: string): Promise<RenderedReport> {
  return renderExperimentReport(readExperimentFolder(dir), dir);
}
