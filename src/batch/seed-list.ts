/**
 * An explicit seed list (`--seeds FILE`): one seed per line, whole numbers 0..4294967295, blank
 * lines and text after "#" ignored; or a JSON array of such numbers. Run i of the batch has the
 * i-th seed, so a longer list that starts with the same seeds extends a batch.
 */
import { InputError } from "../scenario/input-error.js";

const MAX_SEED = 0xffffffff;

/** Parses a seed list's text; throws an InputError naming the file and line of a bad seed. */
export function parseSeedList(file: string, text: string): number[] {
  const trimmed = text.trim();
  const items: { text: string; line: number }[] = [];
  if (trimmed.startsWith("[")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      throw new InputError(`${file}: not a JSON array of seeds (${(err as Error).message})`);
    }
    if (!Array.isArray(data)) throw new InputError(`${file}: expected a JSON array of seeds`);
    data.forEach((x, i) => items.push({ text: JSON.stringify(x), line: i }));
  } else {
    text.split(/\r?\n/).forEach((raw, i) => {
      const t = raw.replace(/#.*/, "").trim();
      if (t !== "") items.push({ text: t, line: i + 1 });
    });
  }
  const json = trimmed.startsWith("[");
  const seeds = items.map(({ text: t, line }) => {
    const x = Number(t);
    if (!/^\d+$/.test(t) || x > MAX_SEED) throw new InputError(`${file}:${json ? ` item ${line}` : line}: expected a whole number 0..${MAX_SEED}, found ${t}`);
    return x;
  });
  if (seeds.length === 0) throw new InputError(`${file}: no seeds in the file`);
  return seeds;
}
