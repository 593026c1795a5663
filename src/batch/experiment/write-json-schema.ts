/** Writes experiments/experiment.schema.json from the zod schema (`npx tsx src/batch/experiment/write-json-schema.ts`). */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { experimentJsonSchemaText } from "./json-schema.js";

/** Where the checked-in JSON Schema of experiment files lives. */
export const EXPERIMENT_SCHEMA_FILE = fileURLToPath(new URL("../../../experiments/experiment.schema.json", import.meta.url));

const text = experimentJsonSchemaText();
writeFileSync(EXPERIMENT_SCHEMA_FILE, text);
process.stdout.write(`wrote ${EXPERIMENT_SCHEMA_FILE} (${text.length} characters)\n`);
