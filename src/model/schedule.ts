/**
 * Yearly schedules and calendar quarters in the model's own layout: a schedule expanded over
 * the run's years (from the history's first year), a quarter "2018Q3" as a quarter index of
 * the run, and the ids of a scenario record in sorted order.
 */

/** Sorted ids of one kind of entity, with a reverse index. */
export interface IdIndex {
  ids: string[];
  index: Map<string, number>;
}

/** The ids of a record (keys in sorted order) with their indices. */
export function idIndex(rec: Record<string, unknown>): IdIndex {
  const ids = Object.keys(rec).sort();
  return { ids, index: new Map(ids.map((id, i) => [id, i])) };
}

/** Index of `id` in `ix` (throws for an unknown id: the schema's checks make that a bug). */
export function at(ix: IdIndex, id: string): number {
  const i = ix.index.get(id);
  if (i === undefined) throw new Error(`unknown id "${id}"`);
  return i;
}

/** The value of a yearly schedule in `year`: the entry of the latest key <= year. */
export function scheduleValue(schedule: Record<string, number>, year: number): number {
  let best = -Infinity;
  let value = 0;
  for (const [k, v] of Object.entries(schedule)) {
    const y = Number(k);
    if (y <= year && y > best) {
      best = y;
      value = v;
    }
  }
  return value;
}

/** Expands a schedule over `years` calendar years from `firstYear`. */
export function expand(schedule: Record<string, number>, firstYear: number, years: number): Float64Array {
  const out = new Float64Array(years);
  for (let y = 0; y < years; y++) out[y] = scheduleValue(schedule, firstYear + y);
  return out;
}

/** Expands per-id schedules to a [year * n + id] array in the ids' order (missing ids: 0). */
export function expandById(rec: Record<string, Record<string, number>>, ix: IdIndex, firstYear: number, years: number): Float64Array {
  const n = ix.ids.length;
  const out = new Float64Array(years * n);
  ix.ids.forEach((id, j) => {
    if (!Object.hasOwn(rec, id)) return;
    const s = expand(rec[id], firstYear, years);
    for (let y = 0; y < years; y++) out[y * n + j] = s[y];
  });
  return out;
}

/** Quarter index within a run that starts in `firstYear` Q1 of the quarter "2018Q3". */
export function quarterIndex(text: string, firstYear: number): number {
  return (Number(text.slice(0, 4)) - firstYear) * 4 + Number(text.slice(5)) - 1;
}

/** "2018Q3" for quarter index q of a run starting in `firstYear`. */
export function quarterName(q: number, firstYear: number): string {
  return `${firstYear + Math.floor(q / 4)}Q${(q % 4) + 1}`;
}
