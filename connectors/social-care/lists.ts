/** Small list helpers for combining a child's rows (and duplicate records) into dated, ordered lists. */

/** Plain code-unit order: ISO instants sort correctly this way. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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

/** The items without repeats (by key), first occurrence kept, order kept. */
export function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
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
