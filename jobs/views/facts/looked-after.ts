/**
 * Whether the child is looked after today, and when their next looked-after review falls due — the clock the care
 * plan and placement plan are reviewed on. The periods of care and held reviews are the rules' own readings
 * (jobs/rules/health-education/facts/period-of-care.ts); the timetable is LAC_REVIEW_LATE's (CPPCR reg 33): the
 * first review within 20 working days of entering care, the second within 3 months of the first, then within 6
 * months of the one before, each limit running from the review actually held.
 */
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { FIRST_REVIEW_WORKING_DAYS } from '../../rules/health-education/facts/first-review.js';
import {
  periodOfCareOn,
  reviewsHeldInPeriod,
  type PeriodOfCare,
} from '../../rules/health-education/facts/period-of-care.js';
import { addMonths, type DayNumber } from '../../rules/time/calendar-day.js';
import type { WorkingDayCalendar } from '../../rules/time/working-days.js';
import { socialCareDayOf } from './days.js';

export type LookedAfterToday =
  | { state: 'LOOKED_AFTER'; period: PeriodOfCare }
  | { state: 'NOT_LOOKED_AFTER' }
  /** Social care could not be read, or its care episodes carry dates that cannot be read. */
  | { state: 'UNKNOWN'; why: 'AGENCY_UNAVAILABLE' | 'MISSING_DATA' };

export function lookedAfterOn(section: SocialCareSectionValue | null, today: DayNumber): LookedAfterToday {
  if (section === null) return { state: 'UNKNOWN', why: 'AGENCY_UNAVAILABLE' };
  try {
    const period = periodOfCareOn(section, today);
    return period === null ? { state: 'NOT_LOOKED_AFTER' } : { state: 'LOOKED_AFTER', period };
  } catch {
    return { state: 'UNKNOWN', why: 'MISSING_DATA' };
  }
}

export interface ReviewsHeld {
  /** Held (dated, not cancelled) reviews of the period up to today, earliest first. */
  days: DayNumber[];
  lastId: string | null;
}

export function reviewsHeld(
  section: SocialCareSectionValue,
  period: PeriodOfCare,
  today: DayNumber,
): ReviewsHeld {
  const held = reviewsHeldInPeriod(section, period)
    .map((review) => ({ id: review.id, day: socialCareDayOf(review.date) }))
    .filter((review): review is { id: string; day: DayNumber } => review.day !== null && review.day <= today);
  return { days: held.map((review) => review.day), lastId: held.at(-1)?.id ?? null };
}

/**
 * The day the next looked-after review is due by. Throws OutsideCalendarError when the first review's 20 working
 * days run outside the bank-holiday list.
 */
export function nextReviewDue(
  period: PeriodOfCare,
  held: readonly DayNumber[],
  calendar: WorkingDayCalendar,
): DayNumber {
  const last = held.at(-1);
  if (last === undefined) return calendar.addWorkingDays(period.entered, FIRST_REVIEW_WORKING_DAYS);
  return addMonths(last, held.length === 1 ? 3 : 6);
}
