/** Writes scenarios/scenario.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scenarioJsonSchemaText } from "./json-schema.js";

/** Where the checked-in JSON Schema lives. */
export const SCHEMA_FILE = fileURLToPath(new URL("../../scenarios/scenario.schema.json", import.meta.url));

const text = scenarioJsonSchemaText();
writeFileSync(SCHEMA_FILE, text);
process.stdout.write(`wrote ${SCHEMA_FILE} (${text.length} characters)\n`);
