import { describe, expect, it } from 'vitest';
import { dayFromIso, isoDate } from './dates.js';
import { bankHolidays, easterSunday, WorkingDayCalendar } from './working-days.js';

const holidays = (year: number) => bankHolidays(year).map(isoDate);

describe('England and Wales bank holidays', () => {
  it('finds Easter', () => {
    expect(isoDate(easterSunday(2024))).toBe('2024-03-31');
    expect(isoDate(easterSunday(2026))).toBe('2026-04-05');
    expect(isoDate(easterSunday(2027))).toBe('2027-03-28');
  });

  it('lists 2026 with Boxing Day moved to Monday', () => {
    expect(holidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('substitutes when Christmas falls at the weekend and New Year on a Saturday', () => {
    expect(holidays(2027)).toContain('2027-12-27');
    expect(holidays(2027)).toContain('2027-12-28');
    expect(holidays(2022)).toEqual(expect.arrayContaining(['2022-01-03', '2022-12-26', '2022-12-27']));
  });

  it('includes the proclaimed one-off changes', () => {
    expect(holidays(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(holidays(2022)).not.toContain('2022-05-30');
    expect(holidays(2023)).toContain('2023-05-08');
    expect(holidays(2020)).toContain('2020-05-08');
    expect(holidays(2020)).not.toContain('2020-05-04');
  });
});

describe('WorkingDayCalendar', () => {
  const calendar = new WorkingDayCalendar();

  it('skips weekends and bank holidays', () => {
    // Thursday 2 April 2026: Good Friday and Easter Monday fall inside the next working days.
    expect(isoDate(calendar.addWorkingDays(dayFromIso('2026-04-02'), 1))).toBe('2026-04-07');
    expect(isoDate(calendar.addWorkingDays(dayFromIso('2026-11-20'), 5))).toBe('2026-11-27');
    expect(isoDate(calendar.addWorkingDays(dayFromIso('2026-12-23'), 3))).toBe('2026-12-30');
  });

  it('counts working days between two days, consistently with adding them', () => {
    const from = dayFromIso('2026-03-02');
    for (let n = 0; n < 60; n++)
      expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n))).toBe(n);
    expect(calendar.workingDaysBetween(dayFromIso('2026-11-25'), dayFromIso('2026-11-20'))).toBe(0);
  });
});
