/**
 * The school census CSV header: every column below, by name, in any order, case-insensitive. Other columns are
 * ignored (a school system may export more than the hub takes).
 */
import { parse } from 'csv-parse/sync';
import { reject, type Verdict } from './dead-letter-reasons.js';

export const schoolColumns = [
  'upn',
  'school_urn',
  'census_date',
  'as_of',
  'year_group',
  'sessions_possible',
  'sessions_attended',
  'suspensions',
  'permanent_exclusion',
  'latest_exclusion_date',
  'sen_provision',
  'ehcp',
] as const;

export type SchoolColumn = (typeof schoolColumns)[number];

/** Where each column is in a row. */
export type SchoolHeader = ReadonlyMap<SchoolColumn, number>;

/** One CSV line (a stored record) as its fields; null when it is not one well-formed CSV record. */
export function csvFields(text: string): string[] | null {
  try {
    const rows = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    return rows.length === 1 && rows[0] ? rows[0] : null;
  } catch {
    return null;
  }
}

export function parseSchoolHeader(text: string): Verdict<SchoolHeader> {
  const fields = csvFields(text);
  if (!fields) return reject('SCHEMA', '(header)');
  const names = fields.map((field) => field.trim().toLowerCase());
  const header = new Map<SchoolColumn, number>();
  const repeated: string[] = [];
  for (const column of schoolColumns) {
    const first = names.indexOf(column);
    if (first === -1) continue;
    if (names.indexOf(column, first + 1) !== -1) repeated.push(column);
    header.set(column, first);
  }
  const missing = schoolColumns.filter((column) => !header.has(column));
  if (missing.length > 0) return reject('MISSING_FIELD', missing.join(', '));
  if (repeated.length > 0) return reject('SCHEMA', `repeated: ${repeated.join(', ')}`);
  return { ok: true, value: header };
}
