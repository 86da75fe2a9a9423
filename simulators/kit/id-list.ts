/**
 * Reads a list of identifiers from a query value: comma-separated (`?id=a,b`), repeated (`?id=a&id=b`) or both.
 * Trims, drops empties and de-duplicates keeping first occurrence, so answers can follow the caller's order.
 */
export function parseIdList(raw: unknown): string[] {
  const parts: string[] = [];
  const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    for (const piece of value.split(',')) {
      const trimmed = piece.trim();
      if (trimmed !== '') parts.push(trimmed);
    }
  }
  return uniqueInOrder(parts);
}

export function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}
