/**
 * Whether two strings are at most one keystroke apart: one letter changed, added, dropped, or two neighbours
 * swapped (optimal string alignment distance ≤ 1). Jaro–Winkler under-rates such typos in short names
 * ("Nathan"/"Nthan" 0.86, "Aria"/"Arii" 0.88), which is where agencies' misspellings mostly are.
 * Linear time, no allocation.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const lengthA = a.length;
  const lengthB = b.length;
  if (Math.abs(lengthA - lengthB) > 1) return false;
  let start = 0;
  while (start < lengthA && start < lengthB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start === lengthA && start === lengthB) return true;
  // Walk back from the ends over the common suffix; what is left in the middle must be one edit.
  let endA = lengthA;
  let endB = lengthB;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const middleA = endA - start;
  const middleB = endB - start;
  if (middleA <= 1 && middleB <= 1) return true; // one substitution, insertion or deletion
  return (
    middleA === 2 &&
    middleB === 2 &&
    a.charCodeAt(start) === b.charCodeAt(start + 1) &&
    a.charCodeAt(start + 1) === b.charCodeAt(start)
  );
}
