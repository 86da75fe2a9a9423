import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateOf, dayOf, englandDayOf, isoWeekday } from './calendar-day.js';
import { createWorkingDayCalendar, OutsideCalendarError, shippedBankHolidays } from './working-days.js';

const calendar = createWorkingDayCalendar();
const d = dayOf;

describe('working days in England', () => {
  it('skips weekends and bank holidays, counting from the day after', () => {
    // Thu 24 Dec 2026 + 1 WD: Fri 25 (Christmas), Sat, Sun, Mon 28 (Boxing Day substitute) → Tue 29.
    expect(dateOf(calendar.addWorkingDays(d('2026-12-24'), 1))).toBe('2026-12-29');
    // Easter 2026: Thu 2 April + 1 → Tue 7 April (Good Friday 3rd, Easter Monday 6th).
    expect(dateOf(calendar.addWorkingDays(d('2026-04-02'), 1))).toBe('2026-04-07');
    expect(dateOf(calendar.addWorkingDays(d('2026-04-02'), 0))).toBe('2026-04-02');
    // One-off holidays are in: the 2022 state funeral and the 2023 coronation.
    expect(calendar.isWorkingDay(d('2022-09-19'))).toBe(false);
    expect(calendar.isWorkingDay(d('2023-05-08'))).toBe(false);
    expect(calendar.isWorkingDay(d('2023-05-09'))).toBe(true);
  });

  it('45 working days from a Monday start in January is a date that excludes no holiday', () => {
    // Mon 5 Jan 2026 + 45 WD = 9 weeks = Mon 9 Mar 2026.
    expect(dateOf(calendar.addWorkingDays(d('2026-01-05'), 45))).toBe('2026-03-09');
  });

  it('counts working days between two dates as addWorkingDays does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2028-10-01') }),
        fc.integer({ min: 0, max: 60 }),
        (start, n) => {
          const day = start as ReturnType<typeof dayOf>;
          const end = calendar.addWorkingDays(day, n);
          expect(calendar.workingDaysBetween(day, end)).toBe(n);
          if (n > 0) expect(calendar.isWorkingDay(end)).toBe(true);
          expect(isoWeekday(end) <= 5 || n === 0).toBe(true);
        },
      ),
    );
  });

  it('never calls a Saturday, Sunday or listed holiday a working day (property)', () => {
    const holidays = new Set(shippedBankHolidays().events.map((event) => event.date));
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2028-12-31') }), (n) => {
        const day = n as ReturnType<typeof dayOf>;
        const expected = isoWeekday(day) <= 5 && !holidays.has(dateOf(day));
        expect(calendar.isWorkingDay(day)).toBe(expected);
      }),
    );
  });

  it('refuses to count outside the years it has holidays for', () => {
    expect(() => calendar.isWorkingDay(d('2029-01-02'))).toThrow(OutsideCalendarError);
    expect(() => calendar.addWorkingDays(d('2028-12-20'), 10)).toThrow(OutsideCalendarError);
  });

  it('has eight holidays a year except in years with one-off ones', () => {
    const byYear = new Map<string, number>();
    for (const event of shippedBankHolidays().events)
      byYear.set(event.date.slice(0, 4), (byYear.get(event.date.slice(0, 4)) ?? 0) + 1);
    expect(Object.fromEntries(byYear)).toMatchObject({
      '2021': 8,
      '2022': 10,
      '2023': 9,
      '2026': 8,
      '2028': 8,
    });
  });
});

describe('calendar days', () => {
  it('takes an instant to its date in England (BST and GMT)', () => {
    expect(dateOf(englandDayOf('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(dateOf(englandDayOf('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('rejects impossible dates', () => {
    expect(() => dayOf('2026-02-29')).toThrow(RangeError);
    expect(() => dayOf('2026-13-01')).toThrow(RangeError);
    expect(dateOf(addDays(dayOf('2028-02-28'), 1))).toBe('2028-02-29');
  });
});
