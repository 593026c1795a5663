/**
 * Text for a terminal: control characters from names, keys and file contents are escaped, so a
 * scenario cannot set the window title, clear the screen, move the cursor or reorder text
 * (bidirectional overrides). Escapes read like JSON's: \n, \r, \t, \u001b. problemLine prints
 * one scenario problem as one escaped line (the CLI's error printer and `validate` alike).
 */
import { formatProblem, type Problem } from "../scenario/errors.js";

/** C0 and C1 controls, DEL, bidirectional marks, overrides and isolates, line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, with SGR colour sequences (ESC [ digits;... m) matched whole so they can be kept. */
const CONTROL_OR_SGR = /\u001b\[[0-9;]*m|[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** How to escape: what may pass through raw. */
export interface EscapeOptions {
  /** keep line feeds and tabs (for whole outputs; a single line or a table cell escapes them) */
  newlines?: boolean;
  /** keep SGR colour sequences (only when colour is allowed) */
  colour?: boolean;
}

/** `text` with every control character a terminal would act on written as an escape. */
export function escapeTerminal(text: string, options: EscapeOptions = {}): string {
  return text.replace(options.colour ? CONTROL_OR_SGR : CONTROL, (c) => {
    if (c.length > 1) return c; // an SGR sequence, kept
    if (options.newlines && (c === "\n" || c === "\t")) return c;
    return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** `line` cut after `max` characters, saying how many were left out. */
export function shortenLine(line: string, max = 2000): string {
  return line.length <= max ? line : `${line.slice(0, max)}… (${(line.length - max).toLocaleString("en-US")} more characters)`;
}

/** One scenario problem as one line for the terminal: escaped (a key holding a line break cannot forge a second line) and shortened. */
export function problemLine(problem: Problem): string {
  return shortenLine(escapeTerminal(formatProblem(problem)));
}
