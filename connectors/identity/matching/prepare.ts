/**
 * Prepares records for matching once: canonical order, normalised and interned fields in typed arrays, and the
 * identifiers checked with the hub's own validators. Everything after this works on indexes into these arrays.
 */
import { isValidNhsNumber, normaliseNhsNumber } from '../../../schema/identifiers/nhs-number.js';
import { isValidUpn } from '../../../schema/identifiers/upn.js';
import { dateNumber, parseDateOfBirth } from './date-of-birth.js';
import { Interner } from './interner.js';
import { nicknameGroups } from './nicknames.js';
import { normaliseName } from './normalise-name.js';
import { normalisePostcode } from './normalise-postcode.js';
import { AGENCIES, compareRefs, refKey } from './record-ref.js';
import type { AgencyPersonRecord, RecordRef } from './types.js';

export const SEX_UNKNOWN = 0;
export const SEX_MALE = 1;
export const SEX_FEMALE = 2;

/** Per distinct given name (by id): what the comparator needs besides the name itself. */
export interface GivenNameInfo {
  joined: string;
  /** First part, so "Mary Jane" and "Mary" are recognised as one name with a middle name dropped. */
  first: string;
  /** Nickname groups of the whole name and of its first part. */
  groups: readonly number[];
}

export interface FamilyNameInfo {
  joined: string;
  parts: readonly string[];
}

export interface PreparedRecords {
  readonly count: number;
  /** In canonical order (agency, then local id); index i everywhere below is this order. */
  readonly refs: readonly RecordRef[];
  readonly agency: Uint8Array;
  /** -1 where blank. */
  readonly givenId: Int32Array;
  readonly givenNames: readonly GivenNameInfo[];
  readonly familyId: Int32Array;
  readonly familyNames: readonly FamilyNameInfo[];
  /** YYYYMMDD, 0 where not a valid date; year/month/day likewise. */
  readonly dob: Int32Array;
  readonly year: Int32Array;
  readonly month: Int32Array;
  readonly day: Int32Array;
  readonly sex: Uint8Array;
  readonly postcodeId: Int32Array;
  readonly districtId: Int32Array;
  /** Interned VALID identifiers; -1 where absent or invalid. */
  readonly nhsId: Int32Array;
  readonly upnId: Int32Array;
  readonly invalidNhs: readonly number[];
  readonly invalidUpn: readonly number[];
}

export function prepareRecords(input: readonly AgencyPersonRecord[]): PreparedRecords {
  const records = [...input].sort(compareRefs);
  const count = records.length;
  for (let i = 1; i < count; i++) {
    if (compareRefs(records[i - 1] as RecordRef, records[i] as RecordRef) === 0) {
      throw new RangeError(`record ${refKey(records[i] as RecordRef)} appears twice`);
    }
  }

  const givens = new Interner();
  const givenNames: GivenNameInfo[] = [];
  const families = new Interner();
  const familyNames: FamilyNameInfo[] = [];
  const postcodes = new Interner();
  const districts = new Interner();
  const nhsNumbers = new Interner();
  const upns = new Interner();

  const prepared = {
    count,
    refs: records.map(({ agency, localId }) => ({ agency, localId })),
    agency: new Uint8Array(count),
    givenId: new Int32Array(count),
    givenNames,
    familyId: new Int32Array(count),
    familyNames,
    dob: new Int32Array(count),
    year: new Int32Array(count),
    month: new Int32Array(count),
    day: new Int32Array(count),
    sex: new Uint8Array(count),
    postcodeId: new Int32Array(count),
    districtId: new Int32Array(count),
    nhsId: new Int32Array(count),
    upnId: new Int32Array(count),
    invalidNhs: [] as number[],
    invalidUpn: [] as number[],
  };

  // Agencies repeat the same few thousand names and dates: normalise each distinct raw value once.
  const givenForms = memo(normaliseName);
  const familyForms = memo(normaliseName);
  const dates = memo(parseDateOfBirth);

  records.forEach((record, i) => {
    const agency = AGENCIES.indexOf(record.agency);
    // The type says this cannot happen; records arrive from connectors at run time, so check anyway.
    if (agency < 0) throw new RangeError(`record ${refKey(record)}: unknown agency`);
    prepared.agency[i] = agency;

    const given = givenForms(record.givenName);
    if (given.joined === '') prepared.givenId[i] = -1;
    else {
      const id = givens.id(given.joined);
      if (id === givenNames.length) {
        const first = given.parts[0] ?? given.joined;
        const groups = [...new Set([...nicknameGroups(given.joined), ...nicknameGroups(first)])];
        givenNames.push({ joined: given.joined, first, groups });
      }
      prepared.givenId[i] = id;
    }

    const family = familyForms(record.familyName);
    if (family.joined === '') prepared.familyId[i] = -1;
    else {
      const id = families.id(family.joined);
      if (id === familyNames.length) familyNames.push({ joined: family.joined, parts: family.parts });
      prepared.familyId[i] = id;
    }

    const date = dates(record.dateOfBirth);
    if (date) {
      prepared.dob[i] = dateNumber(date);
      prepared.year[i] = date.year;
      prepared.month[i] = date.month;
      prepared.day[i] = date.day;
    }

    prepared.sex[i] = record.sex === 'M' ? SEX_MALE : record.sex === 'F' ? SEX_FEMALE : SEX_UNKNOWN;

    const postcode = normalisePostcode(record.postcode);
    prepared.postcodeId[i] = postcode ? postcodes.id(postcode.full) : -1;
    prepared.districtId[i] = postcode?.district ? districts.id(postcode.district) : -1;

    prepared.nhsId[i] = -1;
    if (record.nhsNumber !== null && record.nhsNumber.trim() !== '') {
      if (isValidNhsNumber(record.nhsNumber))
        prepared.nhsId[i] = nhsNumbers.id(normaliseNhsNumber(record.nhsNumber));
      else prepared.invalidNhs.push(i);
    }
    prepared.upnId[i] = -1;
    if (record.upn !== null && record.upn.trim() !== '') {
      // Validation accepts any case and surrounding space; the interned key is the form it validated.
      if (isValidUpn(record.upn)) prepared.upnId[i] = upns.id(record.upn.trim().toUpperCase());
      else prepared.invalidUpn.push(i);
    }
  });
  return prepared;
}

function memo<T>(compute: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    if (cache.has(raw)) return cache.get(raw) as T;
    const value = compute(raw);
    cache.set(raw, value);
    return value;
  };
}
