/**
 * Dispatch of `clustersim <command>`: --help and --version, unknown commands and options print
 * usage and exit 2, bad input exits 2 with a message, other failures exit 1.
 */
import { EXIT, InputError, UsageError, processIO, type CliIO, type Command } from "./command.js";
import { commands } from "./commands.js";
import { ScenarioError } from "../scenario/errors.js";
import { escapeTerminal, problemLine, shortenLine } from "../report/terminal-text.js";
import { VERSION } from "../version.js";

/** The top-level usage text. */
export function topUsage(list: Command[] = commands): string {
  const width = Math.max(...list.map((c) => c.name.length));
  const rows = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `Usage: clustersim <command> [options]\n\nCommands:\n${rows}\n\nOptions:\n  -h, --help     show help (also: clustersim <command> --help)\n  -v, --version  print the version\n\nMoney is in 亿元 (100 million yuan).\n`;
}

/** A message for the terminal: control characters escaped, very long lines shortened. */
function printable(message: string): string {
  return message.split("\n").map((line) => shortenLine(escapeTerminal(line))).join("\n");
}

/** The text of a bad-input error: one escaped line per scenario problem, even if a key holds a line break. */
function inputErrorText(err: InputError): string {
  if (err instanceof ScenarioError && err.problems.length > 0) return err.problems.map(problemLine).join("\n");
  return printable(err.message);
}

/** Runs the CLI with `args` and returns the exit code; never throws. */
export async function main(args: string[], io: CliIO = processIO(), list: Command[] = commands): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(topUsage(list));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "-v" || name === "--version") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.stderr(`clustersim: unknown command ${printable(JSON.stringify(name))}\n\n${topUsage(list)}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`clustersim ${name}: ${printable(err.message)}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      io.stderr(`clustersim ${name}: ${inputErrorText(err)}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`clustersim ${name}: failed: ${printable(message)}\n`);
    if (process.env.CLUSTERSIM_DEBUG && err instanceof Error) io.stderr(`${printable(err.stack ?? "")}\n`);
    return EXIT.failure;
  }
}
