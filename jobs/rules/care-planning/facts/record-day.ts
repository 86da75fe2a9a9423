/**
 * Agency dates as days in England. Social care sends instants (its wall-clock timestamps read as UTC) and some
 * dates; a rule compares days, so each value is converted once, here. A value that is not a date throws
 * RangeError, which `judgeEach` turns into "cannot decide" for that subject.
 */
import { dateOf, dayOfDateOrInstant, type DayNumber } from '../../time/calendar-day.js';

export function dayOfRecord(value: string): DayNumber {
  return dayOfDateOrInstant(value);
}

/** The day of an optional date; null stays null (not recorded). */
export function dayOfOptional(value: string | null): DayNumber | null {
  return value === null ? null : dayOfDateOrInstant(value);
}

/** YYYY-MM-DD, for evidence and due dates. */
export function isoDay(day: DayNumber): string {
  return dateOf(day);
}
