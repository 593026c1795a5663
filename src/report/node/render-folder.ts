/** `clustersim report`'s reading side: a results folder (checked against its manifest) and its stored scenarios, rendered with renderReport. */
import { basename, resolve } from "node:path";
import { readResultsFolder } from "../../batch/node/read-folder.js";
import { renderReport, type RenderedReport } from "../html/render-report.js";
import { readScenarioInfo } from "./scenario-files.js";

/**
 * Reads the results folder `dir` and renders its report (throws ResultsFolderError for a folder it
 * cannot read or that does not match its manifest). The page names the folder by its own name,
 * not by the path it was reached by, so its bytes do not depend on the current folder.
 */
export async function renderReportFolder(dir: string): Promise<RenderedReport> {
  const folder = readResultsFolder(dir);
  return renderReport({ ...folder, dir: basename(resolve(dir)) }, await readScenarioInfo(folder.manifest, dir));
}
