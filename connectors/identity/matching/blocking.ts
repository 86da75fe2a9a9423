/**
 * Blocking: which pairs are compared at all. Comparing every pair is O(n²) (3×10¹⁰ pairs for 250,000 records),
 * so each pass groups records by a key that true matches are likely to share, and only pairs inside a block are
 * compared. Several passes with different keys cover each other's blind spots: a transposed date of birth misses
 * the date block but meets its match in the family-name-sound block, a changed surname in the postcode block.
 * A pair that shares keys in several passes (or several keys in one pass) is visited once only: in the first
 * pass, and under the smallest key, where it meets its partner.
 */
import { groupFullName } from './nicknames.js';
import type { FamilyNameInfo, GivenNameInfo, PreparedRecords } from './prepare.js';
import { soundexNumber } from './soundex.js';

export interface BlockingPass {
  name: string;
  /** Keys per record. */
  slots: number;
  /** record × slots keys; -1 for an empty slot. Keys are non-negative integers. */
  keys: Float64Array;
}

export interface BlockingStats {
  pairs: number;
  largestBlock: number;
  /** Blocks over maxBlockSize, skipped (a placeholder value shared by thousands of records is not evidence). */
  skippedBlocks: number;
  skippedRecords: number;
}

const YEAR_SPAN = 10_000;

export function buildBlockingPasses(records: PreparedRecords): BlockingPass[] {
  const n = records.count;
  const familySounds = records.familyNames.map(familySoundCodes);
  const givenInitials = records.givenNames.map(givenInitialCodes);

  const pass = (name: string, slots: number, fill: (i: number, put: (key: number) => void) => void) => {
    const keys = new Float64Array(n * slots).fill(-1);
    for (let i = 0; i < n; i++) {
      const base = i * slots;
      let used = 0;
      fill(i, (key) => {
        if (key < 0 || used >= slots) return;
        // Insertion keeps each record's keys ascending and distinct, so shareKey can merge two lists.
        let at = used;
        while (at > 0 && (keys[base + at - 1] as number) > key) at--;
        if (at > 0 && keys[base + at - 1] === key) return;
        keys.copyWithin(base + at + 1, base + at, base + used);
        keys[base + at] = key;
        used++;
      });
    }
    return { name, slots, keys };
  };

  return [
    // Same date of birth: the strongest single key; catches every kind of name difference.
    pass('date-of-birth', 1, (i, put) => {
      if (records.dob[i] !== 0) put(records.dob[i] as number);
    }),
    // Family name sound (whole name and each half of a double-barrelled one) + birth year + given-name initial
    // (or its nickname group's): a date typo or transposition. The initial keeps the blocks small; a date error
    // together with a given name under another initial is left to the postcode pass.
    pass('family-sound+birth-year+initial', 9, (i, put) => {
      const family = records.familyId[i] as number;
      const given = records.givenId[i] as number;
      const year = records.year[i] as number;
      if (family < 0 || given < 0 || year === 0) return;
      for (const code of familySounds[family] as number[]) {
        for (const initial of givenInitials[given] as number[]) put((code * 26 + initial) * YEAR_SPAN + year);
      }
    }),
    // Postcode + birth year: a changed or differently written surname.
    pass('postcode+birth-year', 1, (i, put) => {
      const postcode = records.postcodeId[i] as number;
      const year = records.year[i] as number;
      if (postcode >= 0 && year !== 0) put(postcode * YEAR_SPAN + year);
    }),
    // Given-name initial (or its nickname group's) + the date read either way round: a transposed date together
    // with a different surname form.
    pass('given-initial+date-either-way', 3, (i, put) => {
      const given = records.givenId[i] as number;
      if (given < 0 || records.dob[i] === 0) return;
      const month = records.month[i] as number;
      const day = records.day[i] as number;
      const unordered =
        (records.year[i] as number) * 10_000 + Math.min(month, day) * 100 + Math.max(month, day);
      for (const initial of givenInitials[given] as number[]) put(initial * 100_000_000 + unordered);
    }),
    // Family name sound + day and month: a mistyped birth year.
    pass('family-sound+day-month', 1, (i, put) => {
      const family = records.familyId[i] as number;
      if (family < 0 || records.dob[i] === 0) return;
      const code = (familySounds[family] as number[])[0] as number;
      put(code * YEAR_SPAN + (records.month[i] as number) * 100 + (records.day[i] as number));
    }),
  ];
}

function familySoundCodes(family: FamilyNameInfo): number[] {
  const codes = [soundexNumber(family.joined)];
  if (family.parts.length > 1) {
    codes.push(soundexNumber(family.parts[0] as string), soundexNumber(family.parts.at(-1) as string));
  }
  return [...new Set(codes)].filter((code) => code >= 0);
}

function givenInitialCodes(given: GivenNameInfo): number[] {
  const initials = [given.first, ...given.groups.map(groupFullName)].map((name) => name.charCodeAt(0) - 97);
  return [...new Set(initials)].filter((code) => code >= 0 && code < 26);
}

/**
 * Calls `visit(i, j)` (i < j) once for every pair sharing a key in some pass. Pairs inside blocks larger than
 * maxBlockSize are not visited.
 */
export function forEachCandidatePair(
  passes: readonly BlockingPass[],
  maxBlockSize: number,
  visit: (i: number, j: number) => void,
): BlockingStats {
  const stats: BlockingStats = { pairs: 0, largestBlock: 0, skippedBlocks: 0, skippedRecords: 0 };
  passes.forEach((current, p) => {
    const { slots, keys } = current;
    const entries = sortedEntries(keys, slots);
    const { key: entryKey, record: entryRecord } = entries;
    let start = 0;
    while (start < entryKey.length) {
      const key = entryKey[start] as number;
      let end = start + 1;
      while (end < entryKey.length && entryKey[end] === key) end++;
      const size = end - start;
      if (size > stats.largestBlock) stats.largestBlock = size;
      if (size > maxBlockSize) {
        stats.skippedBlocks++;
        stats.skippedRecords += size;
      } else {
        for (let x = start; x < end; x++) {
          const i = entryRecord[x] as number;
          for (let y = x + 1; y < end; y++) {
            const j = entryRecord[y] as number;
            if (seenEarlier(passes, p, key, i, j)) continue;
            stats.pairs++;
            visit(i, j);
          }
        }
      }
      start = end;
    }
  });
  return stats;
}

/** Entries (key, record) of one pass, sorted by key then record, as two parallel typed arrays. */
function sortedEntries(keys: Float64Array, slots: number) {
  let size = 0;
  let maxKey = 0;
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e] as number;
    if (key >= 0) {
      size++;
      if (key > maxKey) maxKey = key;
    }
  }
  // Entry e belongs to record floor(e / slots). Packing key and entry into one double lets the native numeric
  // sort do the work (several times faster than a comparator) whenever the product fits in 53 bits.
  const scale = 2 ** Math.ceil(Math.log2(keys.length + 1));
  const packable = (maxKey + 1) * scale <= Number.MAX_SAFE_INTEGER;
  const key = new Float64Array(size);
  const record = new Int32Array(size);
  if (packable) {
    const packed = new Float64Array(size);
    let next = 0;
    for (let e = 0; e < keys.length; e++) {
      const k = keys[e] as number;
      if (k >= 0) packed[next++] = k * scale + e;
    }
    packed.sort();
    for (let x = 0; x < size; x++) {
      const value = packed[x] as number;
      const e = value % scale;
      key[x] = (value - e) / scale;
      record[x] = Math.floor(e / slots);
    }
  } else {
    const order = new Uint32Array(size);
    let next = 0;
    for (let e = 0; e < keys.length; e++) if ((keys[e] as number) >= 0) order[next++] = e;
    order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
    for (let x = 0; x < size; x++) {
      const e = order[x] as number;
      key[x] = keys[e] as number;
      record[x] = Math.floor(e / slots);
    }
  }
  return { key, record };
}

/** True when pair (i, j) already met in an earlier pass, or meets in this pass under a smaller key. */
function seenEarlier(passes: readonly BlockingPass[], p: number, key: number, i: number, j: number): boolean {
  for (let q = 0; q < p; q++) if (shareKey(passes[q] as BlockingPass, i, j, Infinity)) return true;
  return shareKey(passes[p] as BlockingPass, i, j, key);
}

/** Whether records i and j share a key below `below` in the pass (each record's keys are ascending, -1 after). */
function shareKey(pass: BlockingPass, i: number, j: number, below: number): boolean {
  const { slots, keys } = pass;
  let x = i * slots;
  let y = j * slots;
  const endX = x + slots;
  const endY = y + slots;
  while (x < endX && y < endY) {
    const a = keys[x] as number;
    const b = keys[y] as number;
    if (a < 0 || b < 0 || a >= below || b >= below) return false;
    if (a === b) return true;
    if (a < b) x++;
    else y++;
  }
  return false;
}
