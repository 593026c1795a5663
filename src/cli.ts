#!/usr/bin/env node
/** The clustersim command-line entry: it only dispatches to the commands in src/cli/. */
import { processIO } from "./cli/command.js";
import { main } from "./cli/main.js";

const io = processIO();
process.exitCode = io.exitCode(await main(process.argv.slice(2), io));
