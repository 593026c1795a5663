/** Reads yearly.csv of a results folder (the columns the batch writes) into typed rows. */
import type { YearlyRow } from "./inputs.js";

/** The header yearly.csv must start with. */
export const YEARLY_HEADER = ["scenario", "year", "breakdown", "label", "metric", "mean", "mean_low", "mean_high", "p5", "p25", "p50", "p75", "p95"] as const;

/** Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and line ends) into records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field), records.push(record), (record = []), (field = "");
    } else field += c;
  }
  if (field !== "" || record.length > 0) record.push(field), records.push(record);
  return records;
}

/** A numeric cell: empty means missing (null); anything else must be a finite number. */
function cell(text: string, where: string): number | null {
  if (text === "") return null;
  const x = Number(text);
  if (!Number.isFinite(x)) throw new Error(`${where}: expected a number, got "${text}"`);
  return x;
}

/** Parses yearly.csv text; throws an Error naming the line when the header or a value is wrong. */
export function parseYearlyCsv(text: string): YearlyRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header || YEARLY_HEADER.some((name, i) => header[i] !== name))
    throw new Error(`line 1: expected the header ${YEARLY_HEADER.join(",")}`);
  return records.map((r, i) => {
    const where = `line ${i + 2}`;
    if (r.length < YEARLY_HEADER.length) throw new Error(`${where}: expected ${YEARLY_HEADER.length} fields, got ${r.length}`);
    const n = (k: number) => cell(r[k], `${where}, ${YEARLY_HEADER[k]}`);
    const year = n(1);
    if (year === null || !Number.isInteger(year)) throw new Error(`${where}: expected a whole year, got "${r[1]}"`);
    return {
      scenario: r[0], year, breakdown: r[2], label: r[3], metric: r[4],
      mean: n(5), meanLow: n(6), meanHigh: n(7), p5: n(8), p25: n(9), p50: n(10), p75: n(11), p95: n(12),
    };
  });
}
