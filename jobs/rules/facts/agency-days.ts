/**
 * The day each agency's dates fall on, one reading for every rule group and the views. Education and adult services
 * send plain dates; the GP sends FHIR dates (which may be partial: "2019", "2019-05") or instants, which fall on their
 * day in England (`englandDayOf`). Social care's SSD timestamps are wall-clock times with no zone, which the
 * connector writes as UTC (sql-values.ts): converting those as instants would move an event recorded at 23:30 in
 * summer to the next day, so a social care day is the date part of what the connector wrote.
 *
 * The plain readers throw RangeError for a value that is not a date (a rule that judges subjects one by one turns
 * that into "cannot decide" for the subject); the `…OrNull` readers give null for an absent or unreadable value, so
 * the caller can say it could not decide rather than throw or compare against NaN.
 */
import { dayOf, dayOfDateOrInstant, type DayNumber } from '../time/calendar-day.js';

const wallClockAsUtc = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)?$/;

/** A social care date or SSD timestamp: its date part. An instant with an offset is a real instant. */
export function socialCareDay(value: string): DayNumber {
  const match = wallClockAsUtc.exec(value);
  return match?.[1] !== undefined ? dayOf(match[1]) : dayOfDateOrInstant(value);
}

/** A social care date that may not be recorded: null stays null; a value that is not a date still throws. */
export function optionalSocialCareDay(value: string | null): DayNumber | null {
  return value === null ? null : socialCareDay(value);
}

export function educationDay(value: string): DayNumber {
  return dayOfDateOrInstant(value);
}

/** A FHIR date or dateTime; a partial date counts from its first day (a year's onset is its 1 January). */
export function healthDay(value: string): DayNumber {
  if (/^\d{4}$/.test(value)) return dayOf(`${value}-01-01`);
  if (/^\d{4}-\d{2}$/.test(value)) return dayOf(`${value}-01`);
  return dayOfDateOrInstant(value);
}

/** A reader that gives null for an absent, blank or unreadable value instead of throwing. */
export function orNull(
  read: (value: string) => DayNumber,
): (value: string | null | undefined) => DayNumber | null {
  return (value) => {
    if (value === null || value === undefined || value.trim() === '') return null;
    try {
      return read(value.trim());
    } catch {
      return null;
    }
  };
}

export const socialCareDayOrNull = orNull(socialCareDay);
export const healthDayOrNull = orNull(healthDay);
/** A plain date (education, adult services, a date of birth) or an instant: its day in England. */
export const dayOrNull = orNull(dayOfDateOrInstant);
