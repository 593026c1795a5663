/** JSON of results, kept here for the callers that import it from the report: defined in src/batch/files/json.ts. */
export { NonFiniteError, stringifyResult, toPlainJson } from "../batch/files/json.js";
