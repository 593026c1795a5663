/**
 * Checks of an output file named by an option: it must not be one of the command's inputs (a
 * scenario or one of the bases it extends, which it would overwrite: a base that then extends
 * itself), compared by real path so that ./a/../b.json or a symlink is seen through.
 */
import { realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../scenario/input-error.js";

/** The real path of `file`, or of its folder joined with its name when the file does not exist yet. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(file))), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

/** Throws an InputError naming `option` when `out` is one of `inputs` (the input file, or a file of its extends chain). */
export function refuseOverwritingInputs(option: string, out: string, inputs: readonly string[]): void {
  const target = realPath(out);
  const hit = inputs.find((f) => realPath(f) === target);
  if (hit !== undefined)
    throw new InputError(`${option} ${out}: it is ${hit}, ${hit === inputs[0] ? "the input scenario" : "a base file the input extends"}; writing there would overwrite it (choose another file)`);
}
