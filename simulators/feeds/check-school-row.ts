/**
 * What is wrong with one census row, judged against the format the hub publishes: the generator's tests use it
 * to show that each bad row is bad in exactly the stated way and each good row in none.
 */
import { parseCsvRow } from './csv-text.js';
import type { BadKind } from './feed-types.js';
import { upnCheckLetterHolds } from './identifier-checks.js';
import { schoolColumns, type SchoolReturn } from './school-return.js';

export const ROW_LIMIT_BYTES = 64 * 1024;

const yearGroups = new Set(['N1', 'N2', 'R', 'X', ...Array.from({ length: 14 }, (_, i) => String(i + 1))]);
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function realDate(value: string): boolean {
  return isoDatePattern.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

export function checkSchoolRow(
  row: Buffer,
  context: { now: string; isKnownUpn: (upn: string) => boolean },
): BadKind[] {
  if (row.length > ROW_LIMIT_BYTES) return ['OVERSIZE'];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(row);
  } catch {
    return ['BAD_ENCODING'];
  }
  const fields = parseCsvRow(text);
  if (fields.length !== schoolColumns.length) return ['SCHEMA'];
  const r = Object.fromEntries(schoolColumns.map((c, i) => [c, fields[i] as string])) as SchoolReturn;
  const found = new Set<BadKind>();
  const today = context.now.slice(0, 10);
  for (const column of schoolColumns)
    if (column !== 'latest_exclusion_date' && r[column] === '') found.add('MISSING_FIELD');

  if (r.upn !== '' && !/^[A-Z]\d{11}[0-9A-Z]$/.test(r.upn)) found.add('SCHEMA');
  else if (r.upn !== '' && !upnCheckLetterHolds(r.upn)) found.add('UPN_CHECK_LETTER');
  if (r.school_urn !== '' && !/^\d{6}$/.test(r.school_urn)) found.add('SCHEMA');
  if (r.census_date !== '') {
    if (!realDate(r.census_date)) found.add('SCHEMA');
    else if (r.census_date > today) found.add('FUTURE_DATE');
  }
  if (r.as_of !== '') {
    if (!isoDateTimePattern.test(r.as_of) || Number.isNaN(Date.parse(r.as_of))) found.add('SCHEMA');
    else if (Date.parse(r.as_of) > Date.parse(context.now)) found.add('FUTURE_DATE');
  }
  if (r.year_group !== '' && !yearGroups.has(r.year_group)) found.add('UNKNOWN_CODE');
  const counts = ['sessions_possible', 'sessions_attended', 'suspensions'] as const;
  for (const column of counts) if (r[column] !== '' && !/^\d+$/.test(r[column])) found.add('SCHEMA');
  if (/^\d+$/.test(r.sessions_possible) && /^\d+$/.test(r.sessions_attended))
    if (Number(r.sessions_attended) > Number(r.sessions_possible)) found.add('SCHEMA');
  for (const column of ['permanent_exclusion', 'ehcp'] as const)
    if (r[column] !== '' && r[column] !== 'Y' && r[column] !== 'N') found.add('UNKNOWN_CODE');
  if (r.latest_exclusion_date === '') {
    if (Number(r.suspensions) > 0 || r.permanent_exclusion === 'Y') found.add('MISSING_FIELD');
  } else if (!realDate(r.latest_exclusion_date)) found.add('SCHEMA');
  else if (r.latest_exclusion_date > today) found.add('FUTURE_DATE');
  if (r.sen_provision !== '' && !['N', 'K', 'E'].includes(r.sen_provision)) found.add('UNKNOWN_CODE');
  if (r.sen_provision === 'E' && r.ehcp === 'N') found.add('SCHEMA');

  if (found.size === 0 && !context.isKnownUpn(r.upn)) found.add('NO_MATCHING_CHILD');
  return [...found];
}
