import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  ageInYears,
  civilFromDay,
  dayFromCivil,
  dayFromIso,
  isoDate,
  isoDateTime,
  nextTermStart,
  schoolTermOf,
  weekday,
  year9Start,
  yearGroupOn,
} from './dates.js';

describe('day numbers', () => {
  it('round-trip every day between 1900 and 2100 and agree with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1900, 1, 1), max: dayFromCivil(2100, 12, 31) }), (day) => {
        const { year, month, day: dayOfMonth } = civilFromDay(day);
        expect(dayFromCivil(year, month, dayOfMonth)).toBe(day);
        expect(isoDate(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('formats date-times and rejects impossible dates', () => {
    expect(isoDateTime(dayFromIso('2026-11-25'), 9 * 60 + 5)).toBe('2026-11-25T09:05:00.000Z');
    expect(isoDateTime(dayFromIso('2026-11-25'), 25 * 60)).toBe('2026-11-26T01:00:00.000Z');
    expect(() => dayFromIso('2026-02-30')).toThrow(RangeError);
    expect(weekday(dayFromIso('2026-11-25'))).toBe(2); // a Wednesday
  });

  it('adds months clamping to the end of the month', () => {
    expect(isoDate(addMonths(dayFromIso('2026-01-31'), 1))).toBe('2026-02-28');
    expect(isoDate(addMonths(dayFromIso('2024-02-29'), 12))).toBe('2025-02-28');
    expect(isoDate(addMonths(dayFromIso('2026-11-25'), -14))).toBe('2025-09-25');
  });

  it('counts whole years of age', () => {
    const dob = dayFromIso('2010-11-26');
    expect(ageInYears(dob, dayFromIso('2026-11-25'))).toBe(15);
    expect(ageInYears(dob, dayFromIso('2026-11-26'))).toBe(16);
  });
});

describe('school years', () => {
  it('puts a child in Year 9 in the school year they turn 14', () => {
    // Born October 2010: turns 14 in October 2024, so Year 9 is 2024/25.
    const autumnBorn = dayFromIso('2010-10-01');
    expect(isoDate(year9Start(autumnBorn))).toBe('2024-09-01');
    expect(yearGroupOn(autumnBorn, dayFromIso('2024-10-15'))).toBe(9);
    // Born July 2011: turns 14 in July 2025, also in 2024/25.
    const summerBorn = dayFromIso('2011-07-01');
    expect(isoDate(year9Start(summerBorn))).toBe('2024-09-01');
    expect(yearGroupOn(summerBorn, dayFromIso('2025-07-20'))).toBe(9);
    expect(yearGroupOn(summerBorn, dayFromIso('2025-09-02'))).toBe(10);
  });

  it('has every child turn N+5 during Year N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromCivil(2005, 1, 1), max: dayFromCivil(2022, 12, 31) }),
        fc.integer({ min: 0, max: 13 }),
        (dob, years) => {
          const birthday = addMonths(dob, (years + 5) * 12);
          expect(yearGroupOn(dob, birthday)).toBe(years);
        },
      ),
    );
  });

  it('names terms and steps to the next one', () => {
    expect(schoolTermOf(dayFromIso('2026-11-25'))).toMatchObject({ academicYear: '2026/27', term: 'AUTUMN' });
    expect(schoolTermOf(dayFromIso('2027-02-10'))).toMatchObject({ academicYear: '2026/27', term: 'SPRING' });
    expect(schoolTermOf(dayFromIso('2027-08-10'))).toMatchObject({ academicYear: '2026/27', term: 'SUMMER' });
    expect(isoDate(nextTermStart(dayFromIso('2026-11-25')))).toBe('2027-01-01');
    expect(isoDate(nextTermStart(dayFromIso('2027-05-01')))).toBe('2027-09-01');
  });
});
