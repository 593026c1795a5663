/**
 * A tiny CSV writer for the batch result files (runs.csv, yearly.csv): RFC 4180 quoting, "\n"
 * line ends, no BOM (write the text as UTF-8), ASCII headers, numbers in shortest round-trip
 * form, booleans as 1/0, missing values as empty fields. NaN and ±Infinity throw: writers never
 * emit them (a run that produces one is a failed run). A text that a spreadsheet would run as a
 * formula (it starts with =, +, -, @, a tab or a carriage return, after any single quotes, and is
 * not a number) is written with one more leading single quote; unescapeCsvText undoes it.
 */

/** A value a CSV cell can hold; null and undefined are written as an empty field (missing). */
export type CsvValue = string | number | boolean | null | undefined;

/** A lone UTF-16 surrogate (not encodable as UTF-8). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters that force a field to be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;
/** A text a spreadsheet would take for a formula: =, +, -, @, tab or CR first (after any single quotes). */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
/** A number as text ("-1.5", "+2", "1e-7"), which stays as it is. */
const NUMBER_LIKE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** An escaped cell: one quote added before a formula-like text. */
const ESCAPED = /^'+[=+\-@\t\r]/;

/** A text cell as written: with a leading single quote when a spreadsheet would run it as a formula. */
export function escapeCsvText(text: string): string {
  return FORMULA_LIKE.test(text) && !NUMBER_LIKE.test(text) ? `'${text}` : text;
}

/** A text cell as read back: the quote escapeCsvText added is removed. */
export function unescapeCsvText(cell: string): string {
  return ESCAPED.test(cell) && !NUMBER_LIKE.test(cell) ? cell.slice(1) : cell;
}

/** Printable ASCII, the only characters allowed in header names. */
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;

/** Where a bad value was found, for error messages: "column 3" or "column 3 (name)". */
function columnLabel(index: number, names?: readonly string[]): string {
  const name = names?.[index];
  return name === undefined ? `column ${index}` : `column ${index} (${name})`;
}

/** One field's text: quoted when it holds a comma, quote, CR or LF, with quotes doubled. */
function field(value: CsvValue, index: number, names?: readonly string[]): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`csv: ${columnLabel(index, names)} is ${value}; writers never emit NaN or Infinity`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (typeof value !== "string") throw new TypeError(`csv: ${columnLabel(index, names)} has unsupported type ${typeof value}`);
  if (LONE_SURROGATE.test(value)) throw new RangeError(`csv: ${columnLabel(index, names)} holds a lone UTF-16 surrogate`);
  const text = escapeCsvText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV record without its line end (append "\n"). Numbers as String(x) (shortest round-trip,
 * -0 as "0"), booleans 1/0, null/undefined empty, strings quoted per RFC 4180 when needed (an
 * empty string is an empty field, the same as missing). Throws on NaN or ±Infinity, naming the
 * 0-based column index (and the column name when `names` is given).
 */
export function csvRow(values: readonly CsvValue[], names?: readonly string[]): string {
  return values.map((v, i) => field(v, i, names)).join(",");
}

/** Checks that header names are non-empty printable ASCII without duplicates (throws otherwise). */
export function checkCsvHeader(header: readonly string[]): void {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (!PRINTABLE_ASCII.test(name)) throw new RangeError(`csv: header ${i} ${JSON.stringify(name)} must be non-empty printable ASCII`);
    if (seen.has(name)) throw new RangeError(`csv: header ${i} ${JSON.stringify(name)} is a duplicate`);
    seen.add(name);
  });
}

/**
 * A whole CSV text: the header line and then one line per row, every line ending in "\n"
 * (also the last). Throws when a header name is not printable ASCII or repeats, when a row's
 * length differs from the header's, or on NaN/±Infinity (see csvRow; the message names the
 * 0-based row and column).
 */
export function csvTable(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  checkCsvHeader(header);
  const lines = [csvRow(header)];
  let r = 0;
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`csv: row ${r} has ${row.length} fields, the header has ${header.length}`);
    try {
      lines.push(csvRow(row, header));
    } catch (e) {
      if (e instanceof Error) e.message = `row ${r}: ${e.message}`;
      throw e;
    }
    r++;
  }
  return lines.join("\n") + "\n";
}
