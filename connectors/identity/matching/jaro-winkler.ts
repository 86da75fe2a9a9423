/**
 * Jaro–Winkler similarity (Winkler 1990), the usual string comparator for names in record linkage: it forgives
 * transposed and dropped letters and rewards a shared prefix, where typing errors are rarest.
 * Hot path: no allocation per call; match flags live in buffers reused across calls.
 */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensureCapacity(length: number): void {
  if (length <= flagsA.length) return;
  const size = Math.max(length, flagsA.length * 2);
  flagsA = new Uint8Array(size);
  flagsB = new Uint8Array(size);
}

/** Jaro similarity in [0, 1]; 1 for equal strings (including two empty ones), 0 when one side is empty. */
export function jaro(first: string, second: string): number {
  if (first === second) return 1;
  // Compare in a fixed order so the greedy matching below gives the same answer whichever way round it is asked.
  const a = first < second ? first : second;
  const b = first < second ? second : first;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  ensureCapacity(Math.max(lengthA, lengthB));
  flagsA.fill(0, 0, lengthA);
  flagsB.fill(0, 0, lengthB);
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const code = a.charCodeAt(i);
    const end = Math.min(lengthB - 1, i + window);
    for (let j = Math.max(0, i - window); j <= end; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let outOfOrder = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) outOfOrder++;
    k++;
  }
  const transpositions = outOfOrder / 2;
  return (matches / lengthA + matches / lengthB + (matches - transpositions) / matches) / 3;
}

/** Jaro–Winkler: Jaro raised by 0.1 for each shared leading character, up to four. */
export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b);
  if (similarity === 1 || similarity === 0) return similarity;
  const limit = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return similarity + prefix * 0.1 * (1 - similarity);
}
