/**
 * Census rows that are wrong in exactly one way each, made from a good return: the reason code the hub should
 * dead-letter them with, and the field at fault.
 */
import type { SeededRandom } from '../population/random.js';
import type { CsvField } from './csv-text.js';
import type { BadKind } from './feed-types.js';
import type { HeldIdentifiers } from './known-children.js';
import { schoolColumns, type SchoolColumn, type SchoolReturn } from './school-return.js';
import { unknownUpn, wrongCheckLetter } from './unknown-identifiers.js';

export interface BadSchoolRow {
  fields: CsvField[];
  /** The identity the row claims (for the truth's key). */
  claimed: SchoolReturn;
  field: SchoolColumn;
}

/** Rows over the hub's 64 KiB record limit. */
export const OVERSIZE_ROW_BYTES = 64 * 1024 + 1024;

const DAY_MS = 86_400_000;

/** Invalid UTF-8: a Windows-1252 non-breaking space, a truncated sequence, a BOM in UTF-16, an encoded surrogate. */
const badByteRuns = [[0xa0], [0xc3], [0xff, 0xfe], [0xed, 0xa0, 0x80]];

function fieldsOf(row: SchoolReturn): CsvField[] {
  return schoolColumns.map((column) => row[column]);
}

function futureDate(now: string, random: SeededRandom): Date {
  return new Date(Date.parse(now) + random.int(200, 400) * DAY_MS);
}

function withField(row: SchoolReturn, field: SchoolColumn, value: string): BadSchoolRow {
  const claimed = { ...row, [field]: value };
  return { fields: fieldsOf(claimed), claimed, field };
}

export interface BadRowContext {
  random: SeededRandom;
  now: string;
  held: HeldIdentifiers;
  issuedUpns: Set<string>;
}

export function badSchoolRow(kind: BadKind, good: SchoolReturn, context: BadRowContext): BadSchoolRow {
  const { random } = context;
  switch (kind) {
    case 'SCHEMA':
      return random.pick([
        () => withField(good, 'sessions_possible', 'abc'),
        () => withField(good, 'sessions_attended', '12.5'),
        // Quoted, so the comma stays inside the field: RFC 4180 readers see one field "1,0".
        () => withField(good, 'suspensions', '1,0'),
        // A line break inside a quoted field: the row spans two lines and its position is its first.
        () =>
          withField(
            good,
            'sessions_possible',
            `${good.sessions_possible.slice(0, 1)}\r\n${good.sessions_possible.slice(1) || '0'}`,
          ),
        () => withField(good, 'census_date', good.census_date.split('-').reverse().join('/')),
      ])();
    case 'MISSING_FIELD':
      return random.pick([
        () => withField(good, 'school_urn', ''),
        () => withField(good, 'as_of', ''),
        () => withField(good, 'sessions_possible', ''),
        () => {
          // Suspensions with no date of the latest one.
          const row = { ...good, suspensions: String(random.int(1, 4)), latest_exclusion_date: '' };
          return { fields: fieldsOf(row), claimed: row, field: 'latest_exclusion_date' as const };
        },
      ])();
    case 'UPN_CHECK_LETTER':
      return withField(good, 'upn', wrongCheckLetter(good.upn, random));
    case 'UNKNOWN_CODE':
      return random.pick([
        () => withField(good, 'year_group', '99'),
        () => withField(good, 'sen_provision', 'Z'),
      ])();
    case 'BAD_ENCODING': {
      const fields = fieldsOf(good);
      const index = schoolColumns.indexOf('year_group');
      fields[index] = Buffer.concat([Buffer.from(good.year_group), Buffer.from(random.pick(badByteRuns))]);
      return { fields, claimed: good, field: 'year_group' };
    }
    case 'OVERSIZE': {
      // Trailing spaces inside a quoted field: nothing else is wrong with the row, it is only too big.
      const padding = ' '.repeat(OVERSIZE_ROW_BYTES);
      return withField(good, 'sen_provision', `${good.sen_provision}${padding}`);
    }
    case 'FUTURE_DATE': {
      const future = futureDate(context.now, random);
      return random.pick([
        () => withField(good, 'as_of', future.toISOString()),
        () => withField(good, 'census_date', future.toISOString().slice(0, 10)),
        () => {
          const row = {
            ...good,
            suspensions: String(Math.max(1, Number(good.suspensions))),
            latest_exclusion_date: future.toISOString().slice(0, 10),
          };
          return { fields: fieldsOf(row), claimed: row, field: 'latest_exclusion_date' as const };
        },
      ])();
    }
    case 'NO_MATCHING_CHILD':
      return withField(good, 'upn', unknownUpn(random, context.held, context.issuedUpns));
    default:
      throw new RangeError(`a school census row cannot be made bad as ${kind}`);
  }
}
