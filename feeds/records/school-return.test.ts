import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordClock } from './record-clock.js';
import { parseSchoolHeader, schoolColumns } from './school-columns.js';
import { schoolReturnValidator, yearGroups } from './school-return.js';
import { badUpn, schoolHeaderLine, schoolRow, upnFor } from './testing/record-fixtures.js';

const clock = recordClock(new Date('2026-12-03T12:00:00Z'));

function validator(headerLine = schoolHeaderLine) {
  const header = parseSchoolHeader(headerLine);
  if (!header.ok) throw new Error(`header: ${header.reason}`);
  return schoolReturnValidator(header.value, clock);
}

describe('school census header', () => {
  it('finds columns by name in any order and any case, ignoring extra columns', () => {
    const reversed = [...schoolColumns].reverse();
    const header = parseSchoolHeader(['notes', ...reversed.map((c) => c.toUpperCase())].join(','));
    expect(header.ok).toBe(true);
    const row = ['ignored', ...reversed.map((c) => schoolRow().split(',')[schoolColumns.indexOf(c)])].join(
      ',',
    );
    const parsed = validator(['notes', ...reversed].join(','))(row);
    expect(parsed).toMatchObject({ ok: true, value: { upn: upnFor(1), sessionsAttended: 90 } });
  });

  it('names every missing column', () => {
    const header = parseSchoolHeader(schoolColumns.filter((c) => c !== 'ehcp' && c !== 'as_of').join(','));
    expect(header).toEqual({ ok: false, reason: 'MISSING_FIELD', detail: 'as_of, ehcp' });
  });

  it('refuses a column named twice', () => {
    expect(parseSchoolHeader(`${schoolHeaderLine},UPN`)).toMatchObject({ ok: false, reason: 'SCHEMA' });
  });
});

describe('school census row', () => {
  const validate = validator();

  it('accepts a valid row, trimming values and reading codes in any case', () => {
    const row = schoolRow({
      upn: ` ${upnFor(5).toLowerCase()} `,
      year_group: 'r',
      ehcp: 'y',
      sen_provision: 'e',
    });
    expect(validate(row)).toEqual({
      ok: true,
      value: {
        upn: upnFor(5),
        schoolUrn: '123456',
        censusDate: '2026-10-01',
        asOf: '2026-10-02T08:00:00.000Z',
        yearGroup: 'R',
        sessionsPossible: 100,
        sessionsAttended: 90,
        suspensions: 0,
        permanentExclusion: false,
        latestExclusionDate: null,
        senProvision: 'E',
        ehcp: true,
      },
    });
  });

  it.each([
    [{ upn: badUpn(1) }, 'UPN_CHECK_LETTER', 'upn'],
    [{ upn: 'A12' }, 'SCHEMA', 'upn'],
    [{ upn: '' }, 'MISSING_FIELD', 'upn'],
    [{ school_urn: '12345' }, 'SCHEMA', 'school_urn'],
    [{ census_date: '2026-02-30' }, 'SCHEMA', 'census_date'],
    [{ census_date: '01/10/2026' }, 'SCHEMA', 'census_date'],
    [{ as_of: '2026-10-02T08:00:00' }, 'SCHEMA', 'as_of'],
    [{ year_group: '15' }, 'UNKNOWN_CODE', 'year_group'],
    [{ sessions_possible: '-1' }, 'SCHEMA', 'sessions_possible'],
    [{ sessions_attended: '101' }, 'SCHEMA', 'sessions_attended'],
    [{ suspensions: '1.5' }, 'SCHEMA', 'suspensions'],
    [{ permanent_exclusion: 'yes' }, 'UNKNOWN_CODE', 'permanent_exclusion'],
    [{ ehcp: '' }, 'MISSING_FIELD', 'ehcp'],
    [{ sen_provision: 'S' }, 'UNKNOWN_CODE', 'sen_provision'],
    [{ sen_provision: 'E', ehcp: 'N' }, 'SCHEMA', 'sen_provision'],
    [{ suspensions: '2' }, 'MISSING_FIELD', 'latest_exclusion_date'],
    [{ permanent_exclusion: 'Y' }, 'MISSING_FIELD', 'latest_exclusion_date'],
    [{ latest_exclusion_date: '2026-12-04', suspensions: '1' }, 'FUTURE_DATE', 'latest_exclusion_date'],
    [{ as_of: '2026-12-03T12:30:00Z' }, 'FUTURE_DATE', 'as_of'],
    // Year 0 is a JavaScript date but not a PostgreSQL one: a letter, never a chunk that cannot be stored.
    [{ census_date: '0000-06-01' }, 'SCHEMA', 'census_date'],
    [{ census_date: '1899-12-31' }, 'SCHEMA', 'census_date'],
    [{ as_of: '0000-06-01T09:00:00Z' }, 'SCHEMA', 'as_of'],
    [{ latest_exclusion_date: '0000-02-29', suspensions: '1' }, 'SCHEMA', 'latest_exclusion_date'],
  ] as const)('%j is dead-lettered %s naming %s', (values, reason, field) => {
    expect(validate(schoolRow(values))).toEqual({ ok: false, reason, detail: field });
  });

  it('accepts attended = possible, and an exclusion date with its exclusion', () => {
    expect(validate(schoolRow({ sessions_attended: '100' })).ok).toBe(true);
    expect(validate(schoolRow({ suspensions: '1', latest_exclusion_date: '2026-11-20' })).ok).toBe(true);
  });

  it('takes a census dated today, and refuses one dated tomorrow (in England)', () => {
    expect(validate(schoolRow({ census_date: '2026-12-03' })).ok).toBe(true);
    expect(validate(schoolRow({ census_date: '2026-12-04' }))).toMatchObject({ reason: 'FUTURE_DATE' });
    // 23:30 UTC in summer is already tomorrow in London.
    const summer = recordClock(new Date('2026-07-01T23:30:00Z'));
    const header = parseSchoolHeader(schoolHeaderLine);
    if (!header.ok) throw new Error('header');
    const row = schoolRow({ census_date: '2026-07-02', as_of: '2026-07-01T20:00:00Z' });
    expect(schoolReturnValidator(header.value, summer)(row).ok).toBe(true);
  });

  it('reports the most fundamental problem first and lists the others, naming fields never values', () => {
    const verdict = validate(schoolRow({ upn: badUpn(3), year_group: 'Z', ehcp: '' }));
    expect(verdict).toEqual({
      ok: false,
      reason: 'MISSING_FIELD',
      detail: 'ehcp; also UNKNOWN_CODE: year_group; also UPN_CHECK_LETTER: upn',
    });
  });

  it('refuses a row with too few cells or broken quoting', () => {
    expect(validate('A,B,C')).toMatchObject({ ok: false, reason: 'MISSING_FIELD' });
    expect(validate('"unterminated,1,2')).toMatchObject({ ok: false, reason: 'SCHEMA', detail: '(row)' });
  });

  it('accepts every year group and session counts with attended ≤ possible (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...yearGroups),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (yearGroup, a, b, n) => {
          const [attended, possible] = a <= b ? [a, b] : [b, a];
          const verdict = validate(
            schoolRow({
              upn: upnFor(n),
              year_group: yearGroup,
              sessions_possible: String(possible),
              sessions_attended: String(attended),
            }),
          );
          expect(verdict).toMatchObject({ ok: true, value: { sessionsAttended: attended, upn: upnFor(n) } });
        },
      ),
    );
  });

  it('never accepts a UPN whose check letter was changed, and never echoes a value in the detail (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.string({ maxLength: 20 }), (n, junk) => {
        const verdict = validate(schoolRow({ upn: badUpn(n), year_group: junk.replaceAll(',', '') }));
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) {
          expect(verdict.detail).not.toContain(badUpn(n));
          expect(['UPN_CHECK_LETTER', 'UNKNOWN_CODE', 'MISSING_FIELD', 'SCHEMA']).toContain(verdict.reason);
        }
      }),
    );
  });
});
