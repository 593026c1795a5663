/**
 * Turning zod issues into problems a person can act on: unknown keys with a "did you mean",
 * expected versus found, the bound that was crossed, the branch of a number-or-distribution
 * union that matches the input (instead of zod's bare "Invalid input"), and the allowed values
 * of a discriminator. Messages of the schema's own cross-reference checks pass through.
 */
import type { z } from "zod";
import { closestKey } from "./did-you-mean.js";
import { valueAt } from "./json-path.js";
import { descriptionAt, knownKeysAt, schemaAt, unwrapFor } from "./schema-walk.js";

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

/** A problem located by path segments, before it is attributed to a file. */
export interface PathProblem {
  path: Path;
  message: string;
}

const MAX_LISTED_KEYS = 24;

/** A short description of a found value: `"abc"`, `-3`, `an object`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return "an object";
}

const TYPE_NAMES: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a string",
  boolean: "true or false",
  object: "an object",
  record: "an object",
  array: "an array",
  null: "null",
};

const typeName = (t: string) => TYPE_NAMES[t] ?? t;
const quoteList = (vs: readonly unknown[]) => vs.map((v) => JSON.stringify(v)).join(", ");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function bound(iss: Extract<Issue, { code: "too_small" | "too_big" }>, whole = false): string {
  const small = iss.code === "too_small";
  const n = small ? (iss as { minimum: number | bigint }).minimum : (iss as { maximum: number | bigint }).maximum;
  const inclusive = iss.inclusive !== false;
  switch (iss.origin) {
    case "array":
    case "set":
      return `${small ? "at least" : "at most"} ${plural(Number(n), "item")}`;
    case "string":
      return `${small ? "at least" : "at most"} ${plural(Number(n), "character")}`;
    default:
      return `${whole ? "a whole number" : "a number"} ${small ? (inclusive ? ">=" : ">") : inclusive ? "<=" : "<"} ${n}`;
  }
}

/** What a string format expects: the schema's own message, else the pattern or format name. */
function formatExpectation(iss: Extract<Issue, { code: "invalid_format" }>): string {
  if (!/^Invalid/.test(iss.message)) return iss.message;
  return iss.pattern ? `a string matching ${iss.pattern}` : `a valid ${iss.format}`;
}

/** Converts zod issues for `input` (parsed with `schema`) into problems with absolute paths. */
export function issuesToProblems(issues: readonly Issue[], schema: z.core.$ZodType, input: unknown): PathProblem[] {
  const out: PathProblem[] = [];
  const at = (path: Path) => valueAt(input, path);
  const found = (path: Path) => ` (found ${describeValue(at(path))})`;
  /** "expected <the field's description, or fallback>" */
  const expected = (path: Path, fallback: string) => `expected ${descriptionAt(schema, path, input) ?? fallback}`;
  const push = (path: Path, message: string): void => void out.push({ path, message });

  const missingOr = (path: Path, what: string): string => {
    const last = path[path.length - 1];
    if (at(path) === undefined && typeof last === "string") return `missing required key "${last}" (${what})`;
    return `${what}${found(path)}`;
  };

  const convert = (iss: Issue, base: Path): void => {
    const path: Path = [...base, ...(iss.path as Path)];
    switch (iss.code) {
      case "unrecognized_keys": {
        const known = knownKeysAt(schema, path, input, at(path)) ?? [];
        for (const key of iss.keys) {
          const guess = closestKey(key, known);
          const hint =
            guess !== undefined
              ? `; did you mean "${guess}"?`
              : known.length > 0 && known.length <= MAX_LISTED_KEYS
                ? `; allowed keys: ${known.join(", ")}`
                : "";
          push([...path, key], `unknown key "${key}"${hint}`);
        }
        return;
      }
      case "invalid_union":
        return convertUnion(iss, path);
      case "invalid_type":
        return push(path, missingOr(path, expected(path, typeName(iss.expected))));
      case "too_small":
      case "too_big": {
        const isNumber = iss.origin === "number" || iss.origin === "int" || iss.origin === "bigint";
        const at = isNumber ? schemaAt(schema, path, input) : undefined;
        const node = at && unwrapFor(at, 0); // the value is a number: unwrap optional and union wrappers as for one
        const whole = node !== undefined && (node as { isInt?: boolean }).isInt === true;
        const what = isNumber ? expected(path, bound(iss, whole)) : `expected ${bound(iss)}`;
        return push(path, `${what}${found(path)}`);
      }
      case "not_multiple_of":
        return push(path, `${expected(path, `a multiple of ${iss.divisor}`)}${found(path)}`);
      case "invalid_value":
        return push(path, missingOr(path, `expected ${iss.values.length === 1 ? "" : "one of "}${quoteList(iss.values)}`));
      case "invalid_format":
        return push(path, `expected ${formatExpectation(iss)}${found(path)}`);
      case "invalid_key": {
        const key = path[path.length - 1];
        const inner = iss.issues.map((i) => (i.code === "invalid_format" ? formatExpectation(i) : i.message));
        return push(path, `invalid key ${JSON.stringify(String(key))}: expected ${inner.join("; ")}`);
      }
      default:
        return push(path, iss.message);
    }
  };

  const convertUnion = (iss: Extract<Issue, { code: "invalid_union" }>, path: Path): void => {
    const disc = (iss as { discriminator?: string }).discriminator;
    const options = (iss as { options?: unknown[] }).options;
    if (disc !== undefined && options !== undefined) {
      const tagPath = path[path.length - 1] === disc ? path : [...path, disc];
      const what = `expected ${options.length === 1 ? "" : "one of "}${quoteList(options)}`;
      return push(tagPath, at(tagPath) === undefined ? `missing required key "${disc}" (${what})` : `${what}${found(tagPath)}`);
    }
    // The branch whose type matches the input: its issues are the real ones.
    const value = at(path);
    const rootMismatch = (e: Issue) =>
      e.path.length === 0 &&
      (e.code === "invalid_type" || (e.code === "invalid_value" && !e.values.some((v) => typeof v === typeof value)));
    const fits = iss.errors.filter((errs) => !errs.some(rootMismatch));
    if (fits.length > 0) {
      for (const e of fits[0]) convert(e, path);
      return;
    }
    const describeBranch = (e: Issue) =>
      e.code === "invalid_value" ? quoteList(e.values) : e.code === "invalid_type" ? typeName(e.expected) : e.message;
    const wanted = iss.errors.flatMap((errs) => errs.filter((e) => e.path.length === 0).map(describeBranch));
    return push(path, missingOr(path, expected(path, [...new Set(wanted)].join(" or ") || "a valid value")));
  };

  for (const iss of issues) convert(iss, []);
  return out;
}

