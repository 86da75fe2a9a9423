/**
 * When the first looked-after review falls: CPPCR reg 33(1) requires it within 20 working days of the child
 * becoming looked after. Things due "before the first review" (the IHA, CPPCR reg 7; the first PEP) are due by the
 * day it was held if it was held in time, else by the day it should have been held.
 */
import type { SocialCareSectionValue } from '../../../../connectors/social-care/social-care-section.js';
import type { RuleContext } from '../../rule.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { socialCareDay } from '../../facts/agency-days.js';
import { reviewsHeldInPeriod, type PeriodOfCare } from './period-of-care.js';

export const FIRST_REVIEW_WORKING_DAYS = 20;

export interface FirstReview {
  /** The last day the first review could lawfully be held (20 working days after entering care). */
  statutoryBy: DayNumber;
  /** The day it was held, if it has been, and its record id. */
  heldOn: DayNumber | null;
  reviewId: string | null;
  /** What is due "before the first review" is due by this day: the earlier of the two. */
  due: DayNumber;
}

/** Throws OutsideCalendarError when the period starts outside the working-day calendar (see calendar-guard.ts). */
export function firstReviewOf(
  sc: SocialCareSectionValue,
  period: PeriodOfCare,
  context: RuleContext,
): FirstReview {
  const statutoryBy = context.calendar.addWorkingDays(period.entered, FIRST_REVIEW_WORKING_DAYS);
  const first = reviewsHeldInPeriod(sc, period)[0];
  const heldOn = first ? socialCareDay(first.date) : null;
  return {
    statutoryBy,
    heldOn,
    reviewId: first?.id ?? null,
    due: heldOn !== null && heldOn < statutoryBy ? heldOn : statutoryBy,
  };
}
