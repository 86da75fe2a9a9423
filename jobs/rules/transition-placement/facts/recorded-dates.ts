/**
 * Agencies' dates and instants as the rules compare them. A value that is absent or not a date gives null, so
 * the rule can say it could not decide rather than throw or compare against NaN.
 */
import { dateOf, dayOfDateOrInstant, type DayNumber } from '../../time/calendar-day.js';

const bareDate = /^\d{4}-\d{2}-\d{2}$/;

export function isBareDate(value: string): boolean {
  return bareDate.test(value.trim());
}

/** The day in England a recorded date or instant fell on. */
export function dayOrNull(value: string | null | undefined): DayNumber | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    return dayOfDateOrInstant(value.trim());
  } catch {
    return null;
  }
}

/** An instant in ms since the epoch; a bare date counts from its first moment (UTC). */
export function instantOrNull(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  const ms = Date.parse(isBareDate(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? null : ms;
}

/** A recorded date or instant as its date in England (YYYY-MM-DD), for evidence; "an unrecorded date" if absent. */
export function shownDate(value: string | null | undefined): string {
  const day = dayOrNull(value);
  return day === null ? 'an unrecorded date' : dateOf(day);
}
