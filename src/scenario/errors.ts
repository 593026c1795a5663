/**
 * Problems found in scenario files and the error that carries them. Each problem prints as one
 * line: `file: $.path: what was expected (and what was found)`, with `:line:column` after the
 * file when the position is known.
 */
import { InputError } from "./input-error.js";

/** One problem in a scenario file. */
export interface Problem {
  /** the file the problem is in (as the user named it, or as `extends` resolved it) */
  file: string;
  /** where in that file, e.g. `$.industries.biopharma.marketTrend` or `$.chain.matrix[2]` */
  jsonPath: string;
  /** what was expected, and what was found */
  message: string;
  /** 1-based line and column in the file, when known */
  line?: number;
  column?: number;
}

/** Formats one problem as a single line. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  return `${where}: ${p.jsonPath}: ${p.message}`;
}

/** Formats problems one per line (no trailing newline). */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join("\n");
}

/** An invalid scenario: every problem found, in file order. */
export class ScenarioError extends InputError {
  override name = "ScenarioError";
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.length === 0 ? "invalid scenario" : formatProblems(problems));
    this.problems = problems;
  }
}
