import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOf, dayOf, type DayNumber } from '../../time/calendar-day.js';
import { createWorkingDayCalendar } from '../../time/working-days.js';
import { judgeDeadline, workingDaysAfter } from './deadline.js';
import { CannotDecide } from './subject-verdicts.js';

const calendar = createWorkingDayCalendar();
const d = dayOf;

describe('working-day deadlines', () => {
  it('counts exactly inside the calendar, across weekends and bank holidays', () => {
    // Mon 21 Dec 2026 + 5 WD skips Christmas Day and the Boxing Day substitute (Mon 28).
    const deadline = workingDaysAfter(calendar, d('2026-12-21'), 5);
    expect(deadline.due && dateOf(deadline.due)).toBe('2026-12-30');
    expect(deadline.uncounted).toBeNull();
  });

  it('bounds a deadline in a year the calendar does not cover', () => {
    // Mon 7 Jan 2013 + 5 weekdays = Mon 14 Jan; + 13 weekdays = Thu 24 Jan.
    const deadline = workingDaysAfter(calendar, d('2013-01-07'), 5);
    expect(deadline.due).toBeNull();
    expect(deadline.uncounted).toBe(2013);
    expect(dateOf(deadline.earliest)).toBe('2013-01-14');
    expect(dateOf(deadline.latest)).toBe('2013-01-24');
  });

  it('decides by the bounds where they settle it, and only there', () => {
    const deadline = workingDaysAfter(calendar, d('2013-01-07'), 5);
    const today = d('2026-01-01');
    expect(judgeDeadline(deadline, d('2013-01-14'), today, 'x')).toBe('MET');
    expect(judgeDeadline(deadline, d('2013-01-25'), today, 'x')).toBe('LATE');
    expect(judgeDeadline(deadline, null, today, 'x')).toBe('OVERDUE');
    expect(judgeDeadline(deadline, null, d('2013-01-14'), 'x')).toBe('PENDING');
    const between = judgeDeadline(deadline, d('2013-01-16'), today, 'x');
    expect(between).toBeInstanceOf(CannotDecide);
    expect((between as CannotDecide).reason).toBe('OUTSIDE_CALENDAR');
  });

  it('treats a completion dated after today as not yet done', () => {
    const deadline = workingDaysAfter(calendar, d('2026-03-04'), 5);
    expect(judgeDeadline(deadline, d('2026-03-20'), d('2026-03-11'), 'x')).toBe('PENDING');
    expect(judgeDeadline(deadline, d('2026-03-20'), d('2026-03-12'), 'x')).toBe('OVERDUE');
  });

  it('the bounds always contain the exact deadline (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d('2015-01-01'), max: d('2028-09-30') }),
        fc.integer({ min: 1, max: 45 }),
        (start, n) => {
          const exact = calendar.addWorkingDays(start as DayNumber, n);
          // An empty holiday list makes every day "outside the calendar", forcing the bounds.
          const bounded = workingDaysAfter(
            createWorkingDayCalendar({ coversYears: [1900, 1900], events: [] }),
            start as DayNumber,
            n,
          );
          expect(bounded.earliest).toBeLessThanOrEqual(exact);
          expect(bounded.latest).toBeGreaterThanOrEqual(exact);
        },
      ),
    );
  });
});
