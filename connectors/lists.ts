/** Small list helpers the connectors share for combining a child's records. */

/** The items without repeats (by key), first occurrence kept, order kept. */
export function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(item);
    }
  }
  return unique;
}

/** Plain code-unit order: ISO dates, instants and academic years ("2024/25") sort correctly this way. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
