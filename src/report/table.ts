/**
 * Plain-text tables for the terminal: right-aligned numbers, left-aligned text, CJK-aware width.
 * Cells are escaped (control characters, line breaks) so a name cannot break the table or act on
 * the terminal; colour sequences of our own palette pass through.
 */
import { escapeTerminal } from "./terminal-text.js";

/** Display width of a string in a terminal (CJK ideographs and full-width forms count 2). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, "")) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** Formats rows as a table; columns listed in `align` as "l" or "r" (default: first left, others right). */
export function formatTable(rawHeader: string[], rawRows: string[][], align?: ("l" | "r")[]): string {
  const cell = (t: string | undefined) => escapeTerminal(t ?? "", { colour: true });
  const header = rawHeader.map(cell);
  const rows = rawRows.map((r) => r.map(cell));
  const cols = header.length;
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...[header, ...rows].map((r) => displayWidth(r[c] ?? ""))));
  const pad = (text: string, c: number) => {
    const gap = " ".repeat(widths[c] - displayWidth(text));
    return (align?.[c] ?? (c === 0 ? "l" : "r")) === "l" ? text + gap : gap + text;
  };
  const line = (r: string[]) => r.map((t, c) => pad(t ?? "", c)).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n") + "\n";
}

/** A number with `digits` decimals and thousands separators. */
export function fmt(x: number, digits = 1): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** ANSI colour helpers that do nothing when colour is off. */
export function palette(color: boolean) {
  const wrap = (code: number) => (t: string) => (color ? `\x1b[${code}m${t}\x1b[0m` : t);
  return { green: wrap(32), red: wrap(31), bold: wrap(1), dim: wrap(2) };
}
