/**
 * Recorded dates as this group's evidence shows them. Reading them is `../../facts/agency-days.ts` (a social care
 * timestamp's date part; other agencies' dates and instants as their day in England).
 */
import { socialCareDayOrNull } from '../../facts/agency-days.js';
import { dateOf, type DayNumber } from '../../time/calendar-day.js';

const bareDate = /^\d{4}-\d{2}-\d{2}$/;

export function isBareDate(value: string): boolean {
  return bareDate.test(value.trim());
}

/**
 * A recorded date as YYYY-MM-DD, for evidence; "an unrecorded date" if absent. Read as social care's unless another
 * agency's reader is given.
 */
export function shownDate(
  value: string | null | undefined,
  read: (value: string | null | undefined) => DayNumber | null = socialCareDayOrNull,
): string {
  const day = read(value);
  return day === null ? 'an unrecorded date' : dateOf(day);
}
