/**
 * The scenario package: the schema and its types, loading with `extends` overlays, problems and
 * their formatting, the JSON Schema export, canonical JSON and the scenario hash.
 */
export { ScenarioShape, ScenarioSchema, type Scenario, type Target, type ObservationSpec } from "./schema.js";
export { MAX } from "./schema-limits.js";
export { quarterNumber } from "./schema-checks.js";
export { DistributionSchema, num, prob, nonneg, positive, supportOf, type Distribution, type Num, type NumRange } from "./schema-number.js";
export { ScenarioError, formatProblem, formatProblems, type Problem } from "./errors.js";
export { loadScenario } from "./load.js";
export { resolveScenario, type LoadedScenario, type ResolveOptions } from "./resolve.js";
export { readChain, extendsTarget, type ReadText, type ResolvePath, type ChainFile } from "./chain.js";
export { mergePatch, isDistribution } from "./merge-patch.js";
export { stripComments, stripTopLevel } from "./meta-keys.js";
export { issuesToProblems, describeValue, type PathProblem } from "./zod-issues.js";
export { scanJson, type JsonScan, type JsonSyntaxError, type JsonLayout, type Position } from "./json-syntax.js";
export { childPath, formatJsonPath, jsonPathProblem, parseJsonPath, valueAt, type PathSegments } from "./json-path.js";
export { scenarioJsonSchema, scenarioJsonSchemaText, type JsonSchema } from "./json-schema.js";
export { canonicalJson } from "./canonical-json.js";
export { scenarioHash } from "./hash.js";
export { sha256Hex } from "./sha256.js";
