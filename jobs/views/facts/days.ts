/**
 * Agencies' dates as the views read them: the rules' own conversions (jobs/rules/health-education/facts/days.ts),
 * but a value that is absent or not a date gives null instead of throwing, so one bad date costs one item its due
 * date rather than a child their whole view.
 */
import { educationDay, healthDay, socialCareDay } from '../../rules/facts/agency-days.js';
import { dateOf, dayOfDateOrInstant, type DayNumber } from '../../rules/time/calendar-day.js';

function safely(
  convert: (value: string) => DayNumber,
): (value: string | null | undefined) => DayNumber | null {
  return (value) => {
    if (value === null || value === undefined || value.trim() === '') return null;
    try {
      return convert(value.trim());
    } catch {
      return null;
    }
  };
}

/** Social care's wall-clock timestamps (written as UTC) and dates: the date part, as the SSD recorded it. */
export const socialCareDayOf = safely(socialCareDay);
export const educationDayOf = safely(educationDay);
/** Adult services sends plain dates. */
export const adultDayOf = safely(dayOfDateOrInstant);
/** FHIR dates, partial ones ("2019", "2019-05") counting from their first day. */
export const healthDayOf = safely(healthDay);

/** YYYY-MM-DD, or null. */
export function shown(day: DayNumber | null): string | null {
  return day === null ? null : dateOf(day);
}
