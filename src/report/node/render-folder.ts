/** `clustersim report`'s reading side: a results folder and its scenario files, rendered with renderReport. */
import { readResultsFolder } from "../../batch/node/read-folder.js";
import { renderReport, type RenderedReport } from "../html/render-report.js";
import { readScenarioInfo } from "./scenario-files.js";

/** Reads the results folder `dir` and renders its report (throws ResultsFolderError for a folder it cannot read). */
export async function renderReportFolder(dir: string, cwd = process.cwd()): Promise<RenderedReport> {
  const folder = readResultsFolder(dir);
  return renderReport(folder, await readScenarioInfo(folder.manifest, cwd));
}
