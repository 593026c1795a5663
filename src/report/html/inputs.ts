/**
 * What the report renders: the result objects of a batch or comparison (files/schemas.ts and
 * files/read.ts in src/batch are their single definition), and the folder they came from when
 * there is one. A browser page passes the objects it made; `clustersim report` reads a folder.
 */
import type { ResultObjects } from "../../batch/files/read.js";

export type { Alternative, Comparison, Manifest, Summary, SummaryScenario, SummaryTarget } from "../../batch/files/schemas.js";
export type { YearlyRow } from "../../batch/files/read.js";

/** The report's input: the result objects, and the folder's path when they were read from one. */
export interface ReportData extends ResultObjects {
  dir?: string;
}
