/**
 * Field-by-field comparison of two prepared records into agreement levels, and the Fellegi–Sunter score of a
 * level vector. This is the hot loop of linkage: it works on typed arrays and interned ids, writes into one
 * reused level buffer and allocates nothing per pair.
 */
import { jaroWinkler } from './jaro-winkler.js';
import {
  F_DOB,
  F_FAMILY,
  F_GIVEN,
  F_POSTCODE,
  F_SEX,
  L_DISTRICT,
  L_DOB_DISAGREE,
  L_DOB_MISSING,
  L_EXACT,
  L_NAME_DISAGREE,
  L_NAME_MISSING,
  L_NICKNAME,
  L_ONE_COMPONENT,
  L_PARTIAL,
  L_POSTCODE_DISAGREE,
  L_POSTCODE_MISSING,
  L_SEX_AGREE,
  L_SEX_DISAGREE,
  L_SEX_MISSING,
  L_SIMILAR,
  L_TRANSPOSED,
  LEVEL_SLOTS,
} from './levels.js';
import { sharesGroup } from './nicknames.js';
import { withinOneEdit } from './one-edit.js';
import type { FamilyNameInfo, GivenNameInfo, PreparedRecords } from './prepare.js';

/**
 * Two different names are SIMILAR when their Jaro–Winkler similarity reaches the threshold, or when they are one
 * keystroke apart, start with the same letter and have at least MIN_TYPO_LENGTH letters. Jaro–Winkler alone
 * misses most typos in three- and four-letter names ("Kai"/"Kae", "Zara"/"Zra"), which agencies make often. The
 * first-letter rule keeps out "Cox"/"Fox" and "Hall"/"Ball"; what still gets in ("Hall"/"Hill") raises the level's
 * estimated u, and with it lowers the level's weight.
 */
export interface SimilarityThresholds {
  /** Jaro–Winkler at or above which two different given names count as SIMILAR. */
  givenName: number;
  familyName: number;
}

export const DEFAULT_SIMILARITY: SimilarityThresholds = { givenName: 0.92, familyName: 0.92 };

/** Shortest shared part, or run-together prefix/suffix, that counts as a PARTIAL family-name match. */
const MIN_PART_LENGTH = 3;
const MIN_TYPO_LENGTH = 3;

function similarNames(a: string, b: string, threshold: number): boolean {
  if (jaroWinkler(a, b) >= threshold) return true;
  return (
    a.length >= MIN_TYPO_LENGTH &&
    b.length >= MIN_TYPO_LENGTH &&
    a.charCodeAt(0) === b.charCodeAt(0) &&
    withinOneEdit(a, b)
  );
}

export class PairComparator {
  /** Level per field (F_GIVEN … F_POSTCODE) of the last compared pair. */
  readonly levels = new Uint8Array(5);

  constructor(
    private readonly records: PreparedRecords,
    private readonly similarity: SimilarityThresholds = DEFAULT_SIMILARITY,
  ) {}

  /** Fills `levels` for records i and j. */
  compare(i: number, j: number): void {
    const r = this.records;
    const levels = this.levels;
    levels[F_GIVEN] = this.givenLevel(r.givenId[i] as number, r.givenId[j] as number);
    levels[F_FAMILY] = this.familyLevel(r.familyId[i] as number, r.familyId[j] as number);
    levels[F_DOB] = dateLevel(r, i, j);
    const sexI = r.sex[i] as number;
    const sexJ = r.sex[j] as number;
    levels[F_SEX] = sexI === 0 || sexJ === 0 ? L_SEX_MISSING : sexI === sexJ ? L_SEX_AGREE : L_SEX_DISAGREE;
    const postcodeI = r.postcodeId[i] as number;
    const postcodeJ = r.postcodeId[j] as number;
    const districtI = r.districtId[i] as number;
    levels[F_POSTCODE] =
      postcodeI < 0 || postcodeJ < 0
        ? L_POSTCODE_MISSING
        : postcodeI === postcodeJ
          ? L_EXACT
          : districtI >= 0 && districtI === r.districtId[j]
            ? L_DISTRICT
            : L_POSTCODE_DISAGREE;
  }

  /** Compares and returns the summed weight (`weights` is a flat field × level table, see weights.ts). */
  score(i: number, j: number, weights: Float64Array): number {
    this.compare(i, j);
    const levels = this.levels;
    return (
      (weights[F_GIVEN * LEVEL_SLOTS + (levels[F_GIVEN] as number)] as number) +
      (weights[F_FAMILY * LEVEL_SLOTS + (levels[F_FAMILY] as number)] as number) +
      (weights[F_DOB * LEVEL_SLOTS + (levels[F_DOB] as number)] as number) +
      (weights[F_SEX * LEVEL_SLOTS + (levels[F_SEX] as number)] as number) +
      (weights[F_POSTCODE * LEVEL_SLOTS + (levels[F_POSTCODE] as number)] as number)
    );
  }

  private givenLevel(a: number, b: number): number {
    if (a < 0 || b < 0) return L_NAME_MISSING;
    if (a === b) return L_EXACT;
    const first = this.records.givenNames[a] as GivenNameInfo;
    const second = this.records.givenNames[b] as GivenNameInfo;
    if (first.first === second.first || sharesGroup(first.groups, second.groups)) return L_NICKNAME;
    return similarNames(first.joined, second.joined, this.similarity.givenName) ? L_SIMILAR : L_NAME_DISAGREE;
  }

  private familyLevel(a: number, b: number): number {
    if (a < 0 || b < 0) return L_NAME_MISSING;
    if (a === b) return L_EXACT;
    const first = this.records.familyNames[a] as FamilyNameInfo;
    const second = this.records.familyNames[b] as FamilyNameInfo;
    if (partialFamilyName(first, second)) return L_PARTIAL;
    return similarNames(first.joined, second.joined, this.similarity.familyName)
      ? L_SIMILAR
      : L_NAME_DISAGREE;
  }
}

/**
 * One family name is part of the other: a shared part of a double-barrelled name ("Hughes-Morgan" / "Morgan"),
 * or one run-together form starting or ending with the other ("HughesMorgan" / "Hughes"). The length rules keep
 * out particles ("Da Silva" / "Da Costa") and one-letter misspellings ("Smith" / "Smiths"), which are for JW.
 */
export function partialFamilyName(a: FamilyNameInfo, b: FamilyNameInfo): boolean {
  if (a.parts.length > 1 || b.parts.length > 1) {
    for (const partA of a.parts) {
      if (partA.length < MIN_PART_LENGTH) continue;
      for (const partB of b.parts) if (partA === partB) return true;
    }
  }
  const aShorter = a.joined.length <= b.joined.length;
  const short = aShorter ? a.joined : b.joined;
  const long = aShorter ? b.joined : a.joined;
  return (
    short.length >= MIN_PART_LENGTH &&
    long.length - short.length >= MIN_PART_LENGTH &&
    (long.startsWith(short) || long.endsWith(short))
  );
}

function dateLevel(r: PreparedRecords, i: number, j: number): number {
  const a = r.dob[i] as number;
  const b = r.dob[j] as number;
  if (a === 0 || b === 0) return L_DOB_MISSING;
  if (a === b) return L_EXACT;
  const sameYear = r.year[i] === r.year[j];
  const sameMonth = r.month[i] === r.month[j];
  const sameDay = r.day[i] === r.day[j];
  if (sameYear && r.month[i] === r.day[j] && r.day[i] === r.month[j]) return L_TRANSPOSED;
  // Exactly one of the three components differs (the dates differ, so at least one does).
  return Number(sameYear) + Number(sameMonth) + Number(sameDay) === 2 ? L_ONE_COMPONENT : L_DOB_DISAGREE;
}
