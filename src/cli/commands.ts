/** The list of sub-commands, in the order `clustersim --help` shows them. */
import type { Command } from "./command.js";
import { batchCommand } from "./batch.js";
import { calibrateCommand } from "./calibrate.js";
import { compareCommand } from "./compare.js";
import { experimentCommand } from "./experiment.js";
import { faceValidityCommand } from "./face-validity.js";
import { reportCommand } from "./report.js";
import { runCommand } from "./run.js";
import { serveCommand } from "./serve.js";
import { validateCommand } from "./validate.js";
import { workerCommand } from "./worker.js";

/** Every command of the CLI. */
export const commands: Command[] = [
  runCommand,
  batchCommand,
  compareCommand,
  experimentCommand,
  reportCommand,
  calibrateCommand,
  faceValidityCommand,
  validateCommand,
  workerCommand,
  serveCommand,
];
