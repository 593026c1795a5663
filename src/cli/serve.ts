/**
 * `clustersim serve [--port N] [--host H] [--root DIR]`: serves the planner's page (dist/web) on
 * a small static server; the first line of stdout is the page's URL; Ctrl-C stops it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultWebRoot, serveStatic } from "../batch/node/http-static.js";
import { EXIT, InputError, UsageError, intOption, parseCommandArgs, type Command } from "./command.js";

const usage = `Usage: clustersim serve [--port N] [--host H] [--root DIR]

Serves the planner's page: move the levers of a scenario, run base and scenario on the same
seeds in the browser's Web Workers, see the chance of each target and what it costs, download
scenario.json and runs.csv. Prints the page's URL as the first line; Ctrl-C stops the server.
The page is static: any web server can serve the dist/web folder (not file://: workers need http).

Options:
  --port N     port (default 8017; 0 picks a free port)
  --host H     address to listen on (default 127.0.0.1, this machine only)
  --root DIR   the folder to serve (default: dist/web of this installation)
  -h, --help   show this help
`;

/** Waits for Ctrl-C (SIGINT) or SIGTERM, or for `signal` (tests). */
function interrupted(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** The `serve` command; `stop` ends it (for tests: the CLI waits for Ctrl-C). */
export function serveCommandWith(stop?: AbortSignal): Command {
  return {
    name: "serve",
    summary: "the planner's page: levers, odds and costs, run in the browser",
    usage,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, { port: { type: "string" }, host: { type: "string" }, root: { type: "string" } });
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
      const port = intOption("port", values.port, 8017);
      if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
      const host = values.host ?? "127.0.0.1";
      const root = values.root ?? defaultWebRoot(import.meta.url);
      if (!existsSync(join(root, "index.html"))) throw new InputError(`${root} holds no built page (index.html): run npm run build first`);
      const server = await serveStatic(root, host, port).catch((err: NodeJS.ErrnoException) => {
        throw new InputError(`cannot listen on ${host}:${port}: ${err.code ?? err.message}`);
      });
      io.stdout(`${server.url}\n`);
      io.stderr(`serving ${root}; Ctrl-C stops the server\n`);
      await interrupted(stop);
      await server.close();
      return EXIT.ok;
    },
  };
}

/** The `serve` command of the CLI. */
export const serveCommand: Command = serveCommandWith();
