/** Record indexes grouped by a non-negative id (interned ids are dense), in ascending record order. */
export function groupsBy(ids: Int32Array): number[][] {
  const groups: number[][] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id < 0) continue;
    (groups[id] ??= []).push(i);
  }
  // Interned ids leave no gaps, but filtering keeps the result dense whatever ids it is given.
  return groups.filter((group) => group !== undefined);
}
