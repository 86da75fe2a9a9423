/**
 * Deadlines and whether they were met. A working-day deadline is counted with the England and Wales calendar;
 * for a year the calendar has no bank holidays for (older records, or a list not refreshed), it is bounded
 * instead: weekends are certain and bank holidays only ever push a deadline later, by at most the holidays in
 * the window — never more than a year's eight (the windows here are at most 45 working days). Where the
 * bounds settle the question (a plan made within n weekdays, or nothing done long after the latest possible
 * deadline) the rule decides; only a case between the bounds is left undecided, and says so.
 */
import { addDays, dateOf, isoWeekday, type DayNumber } from '../../time/calendar-day.js';
import { OutsideCalendarError, type WorkingDayCalendar } from '../../time/working-days.js';
import { cannotDecide, type CannotDecide } from './subject-verdicts.js';

const maxHolidaysInWindow = 8;

export interface Deadline {
  /** The deadline when it could be counted exactly; null when only its bounds are known. */
  due: DayNumber | null;
  /** The deadline is on or after `earliest` and on or before `latest` (both equal `due` when exact). */
  earliest: DayNumber;
  latest: DayNumber;
  /** Why the deadline is not exact (the year the calendar does not cover). */
  uncounted: number | null;
}

export function exactDeadline(due: DayNumber): Deadline {
  return { due, earliest: due, latest: due, uncounted: null };
}

/** `n` working days after `start` (the start day itself is not counted). */
export function workingDaysAfter(calendar: WorkingDayCalendar, start: DayNumber, n: number): Deadline {
  try {
    return exactDeadline(calendar.addWorkingDays(start, n));
  } catch (error) {
    if (!(error instanceof OutsideCalendarError)) throw error;
    return {
      due: null,
      earliest: addWeekdays(start, n),
      latest: addWeekdays(start, n + maxHolidaysInWindow),
      uncounted: error.year,
    };
  }
}

function addWeekdays(start: DayNumber, n: number): DayNumber {
  let day = start;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isoWeekday(day) <= 5) counted += 1;
  }
  return day;
}

/**
 * PENDING: not done, not yet due. MET: done on or before the deadline. LATE: done after it. OVERDUE: not done
 * and the deadline has passed (a finding from the day after the deadline). `done` is the first day the thing
 * was done; a date after today is not yet done.
 */
export type DeadlineState = 'PENDING' | 'MET' | 'LATE' | 'OVERDUE';

export function judgeDeadline(
  deadline: Deadline,
  done: DayNumber | null,
  today: DayNumber,
  subject: string,
): DeadlineState | CannotDecide {
  const completed = done !== null && done <= today ? done : null;
  if (completed !== null) {
    if (completed <= deadline.earliest) return 'MET';
    if (completed > deadline.latest) return 'LATE';
  } else {
    if (today <= deadline.earliest) return 'PENDING';
    if (today > deadline.latest) return 'OVERDUE';
  }
  return cannotDecide('OUTSIDE_CALENDAR', `${subject}: no bank holidays for ${deadline.uncounted}`);
}

/** The earliest of some days, or null when there are none. */
export function earliestDay(days: Iterable<DayNumber | null>): DayNumber | null {
  let earliest: DayNumber | null = null;
  for (const day of days) if (day !== null && (earliest === null || day < earliest)) earliest = day;
  return earliest;
}

export function latestDay(days: Iterable<DayNumber | null>): DayNumber | null {
  let latest: DayNumber | null = null;
  for (const day of days) if (day !== null && (latest === null || day > latest)) latest = day;
  return latest;
}

/** The due date for a finding: exact, or null when only the bounds are known. */
export function dueDateOf(deadline: Deadline): string | null {
  return deadline.due === null ? null : dateOf(deadline.due);
}

/** "2026-03-09", or "between 2014-03-03 and 2014-03-13" when the calendar could not count it exactly. */
export function describeDue(deadline: Deadline): string {
  return deadline.due !== null
    ? dateOf(deadline.due)
    : `between ${dateOf(deadline.earliest)} and ${dateOf(deadline.latest)} (no bank holidays for ${deadline.uncounted})`;
}
