/** Command-line parsing of bench/run.ts (pure, for tests). */

/** Command-line options of bench/run.ts. */
export interface Options {
  json: boolean;
  check: boolean;
  update: boolean;
  quick: boolean;
  cases: string[];
}

/** One-line usage. */
export const USAGE = "usage: tsx bench/run.ts [--json] [--check | --update] [--quick] [--case NAME]...";

/** Parses the command line (throws with the usage on anything unknown). */
export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { json: false, check: false, update: false, quick: false, cases: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") o.json = true;
    else if (a === "--check") o.check = true;
    else if (a === "--update") o.update = true;
    else if (a === "--quick") o.quick = true;
    else if (a === "--case" && i + 1 < argv.length) o.cases.push(argv[++i]);
    else throw new Error(`unknown argument "${a}"\n${USAGE}`);
  }
  if (o.check && o.update) throw new Error(`--check and --update exclude each other\n${USAGE}`);
  if (o.update && o.quick) throw new Error(`refusing to write a baseline from --quick figures\n${USAGE}`);
  if (o.update && o.cases.length) throw new Error(`--update measures every case; drop --case\n${USAGE}`);
  return o;
}

