/**
 * One school census return (a CSV row) validated against the header: formats, codes, the UPN check letter, dates
 * not in the future, and the rules between fields (attended ≤ possible; an exclusion date when there was an
 * exclusion; EHCP provision only with an EHCP). Values are trimmed; codes, UPNs and Y/N are case-insensitive.
 */
import { z } from 'zod';
import { upnProblem } from '../../schema/identifiers/upn.js';
import { reject, type Verdict } from './dead-letter-reasons.js';
import { isBeforeEarliest, isFutureDate, isFutureDateTime, type RecordClock } from './record-clock.js';
import { problemsFromIssues, rejectionFrom } from './record-problems.js';
import { csvFields, schoolColumns, type SchoolHeader } from './school-columns.js';

export const yearGroups = [
  'N1',
  'N2',
  'R',
  ...Array.from({ length: 14 }, (_, i) => String(i + 1)),
  'X',
] as const;
export const senProvisions = ['N', 'K', 'E'] as const;

export interface SchoolReturn {
  upn: string;
  schoolUrn: string;
  /** YYYY-MM-DD */
  censusDate: string;
  /** The extract time, ISO 8601 UTC: the version order. */
  asOf: string;
  yearGroup: string;
  sessionsPossible: number;
  sessionsAttended: number;
  suspensions: number;
  permanentExclusion: boolean;
  latestExclusionDate: string | null;
  senProvision: (typeof senProvisions)[number];
  ehcp: boolean;
}

// Empty cells arrive as undefined, so "required" and "empty" are the same MISSING_FIELD; any other failure of a
// cell's format is SCHEMA unless a check says otherwise.
const present = z.string({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'MISSING_FIELD' : 'SCHEMA'),
});
const isoDatePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isCalendarDate = (value: string) =>
  isoDatePattern.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const count = present.regex(/^\d{1,6}$/).transform(Number);
const yesNo = present
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(['Y', 'N'], { error: 'UNKNOWN_CODE' }))
  .transform((value) => value === 'Y');

function schoolReturnSchema(clock: RecordClock) {
  const pastDate = present
    .refine((value) => isCalendarDate(value) && !isBeforeEarliest(value), { message: 'SCHEMA', abort: true })
    .refine((value) => !isFutureDate(value, clock), { message: 'FUTURE_DATE' });
  return z
    .object({
      upn: present
        .transform((value) => value.toUpperCase())
        .superRefine((value, context) => {
          const problem = upnProblem(value);
          if (problem)
            context.addIssue({
              code: 'custom',
              message: problem === 'CHECK_LETTER_MISMATCH' ? 'UPN_CHECK_LETTER' : 'SCHEMA',
            });
        }),
      school_urn: present.regex(/^\d{6}$/),
      census_date: pastDate,
      as_of: present
        .pipe(z.iso.datetime({ offset: true }))
        .refine((value) => !isBeforeEarliest(value), { message: 'SCHEMA', abort: true })
        .refine((value) => !isFutureDateTime(value, clock), { message: 'FUTURE_DATE' })
        .transform((value) => new Date(value).toISOString()),
      year_group: present
        .transform((value) => value.toUpperCase())
        .pipe(z.enum(yearGroups, { error: 'UNKNOWN_CODE' })),
      sessions_possible: count,
      sessions_attended: count,
      suspensions: count,
      permanent_exclusion: yesNo,
      latest_exclusion_date: pastDate.optional(),
      sen_provision: present
        .transform((value) => value.toUpperCase())
        .pipe(z.enum(senProvisions, { error: 'UNKNOWN_CODE' })),
      ehcp: yesNo,
    })
    .superRefine((row, context) => {
      // zod runs this even when a cell failed; a rule only speaks about cells that parsed.
      const counts = [row.sessions_attended, row.sessions_possible, row.suspensions];
      if (counts.every((value) => typeof value === 'number') && row.sessions_attended > row.sessions_possible)
        context.addIssue({ code: 'custom', path: ['sessions_attended'], message: 'SCHEMA' });
      const excluded =
        (typeof row.suspensions === 'number' && row.suspensions > 0) || row.permanent_exclusion === true;
      if (excluded && row.latest_exclusion_date === undefined)
        context.addIssue({ code: 'custom', path: ['latest_exclusion_date'], message: 'MISSING_FIELD' });
      if (row.sen_provision === 'E' && row.ehcp === false)
        context.addIssue({ code: 'custom', path: ['sen_provision'], message: 'SCHEMA' });
    });
}

export type SchoolReturnValidator = (text: string) => Verdict<SchoolReturn>;

/** Validates rows of one feed: the header and the clock are fixed for the run. */
export function schoolReturnValidator(header: SchoolHeader, clock: RecordClock): SchoolReturnValidator {
  const schema = schoolReturnSchema(clock);
  return (text) => {
    const fields = csvFields(text);
    if (!fields) return reject('SCHEMA', '(row)');
    const row: Record<string, string | undefined> = {};
    for (const column of schoolColumns) {
      const cell = fields[header.get(column) ?? -1]?.trim();
      row[column] = cell === '' ? undefined : cell;
    }
    const parsed = schema.safeParse(row);
    if (!parsed.success) return rejectionFrom(problemsFromIssues(parsed.error.issues));
    const value = parsed.data;
    return {
      ok: true,
      value: {
        upn: value.upn,
        schoolUrn: value.school_urn,
        censusDate: value.census_date,
        asOf: value.as_of,
        yearGroup: value.year_group,
        sessionsPossible: value.sessions_possible,
        sessionsAttended: value.sessions_attended,
        suspensions: value.suspensions,
        permanentExclusion: value.permanent_exclusion,
        latestExclusionDate: value.latest_exclusion_date ?? null,
        senProvision: value.sen_provision,
        ehcp: value.ehcp,
      },
    };
  };
}
