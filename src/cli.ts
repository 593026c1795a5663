#!/usr/bin/env node
/** The clustersim command-line entry: it only dispatches to the commands in src/cli/. */
import { main } from "./cli/main.js";

process.exitCode = await main(process.argv.slice(2));
