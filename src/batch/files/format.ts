/** The format version of the result files (summary.json, comparison.json, manifest.json, the CSVs); readers accept this one only. */
export const FORMAT_VERSION = 3;
