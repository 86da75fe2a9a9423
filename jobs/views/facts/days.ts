/**
 * Agencies' dates as the views read them: the rules' own conversions (jobs/rules/facts/agency-days.ts), where a
 * value that is absent or not a date gives null instead of throwing, so one bad date costs one item its due date
 * rather than a child their whole view.
 */
import {
  dayOrNull,
  educationDay,
  healthDayOrNull,
  orNull,
  socialCareDayOrNull,
} from '../../rules/facts/agency-days.js';
import { dateOf, type DayNumber } from '../../rules/time/calendar-day.js';

/** Social care's wall-clock timestamps (written as UTC) and dates: the date part, as the SSD recorded it. */
export const socialCareDayOf = socialCareDayOrNull;
export const educationDayOf = orNull(educationDay);
/** Adult services sends plain dates. */
export const adultDayOf = dayOrNull;
/** FHIR dates, partial ones ("2019", "2019-05") counting from their first day. */
export const healthDayOf = healthDayOrNull;

/** YYYY-MM-DD, or null. */
export function shown(day: DayNumber | null): string | null {
  return day === null ? null : dateOf(day);
}
