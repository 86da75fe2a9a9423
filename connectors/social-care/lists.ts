/** Small list helpers for combining a child's rows (and duplicate records) into dated, ordered lists. */
import { compare } from '../lists.js';

export { compare, uniqueBy } from '../lists.js';

/** Oldest first by `dateOf` (undated last), then by id, so the order never depends on the database's. */
export function oldestFirst<T extends { id: string }>(items: T[], dateOf: (item: T) => string | null): T[] {
  return items.sort((a, b) => {
    const left = dateOf(a);
    const right = dateOf(b);
    if (left !== right) {
      if (left === null) return 1;
      if (right === null) return -1;
      return compare(left, right);
    }
    return compare(a.id, b.id);
  });
}

/** An instant's calendar day, for `Date` fields. */
export function dayOf(instant: string | null): string | null {
  return instant === null ? null : instant.slice(0, 10);
}

/** Items grouped by key, each group in the items' order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
