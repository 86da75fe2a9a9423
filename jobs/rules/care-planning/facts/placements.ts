/**
 * Placement facts several rules share: when a placement started and ended, the day to judge it as of, and
 * whether a record that names no placement falls in its window.
 */
import type { PlacementValue } from '../../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { optionalSocialCareDay, socialCareDay } from '../../facts/agency-days.js';

export interface PlacementDays {
  start: DayNumber;
  /** The day the child left (null while the placement continues). */
  end: DayNumber | null;
  /** The day to judge the placement as of: today, or the day it ended if earlier. */
  asOf: DayNumber;
}

export function placementDays(placement: PlacementValue, today: DayNumber): PlacementDays {
  const start = socialCareDay(placement.startDate);
  const end = optionalSocialCareDay(placement.endDate);
  return { start, end, asOf: end === null || end > today ? today : end };
}

/**
 * Whether a record belongs to the placement: it names it, or it names no placement and is dated within the
 * placement's window (a plan, meeting or notice made then can only have been about this placement's start).
 */
export function aboutPlacement(
  placement: PlacementValue,
  record: { placementId: string | null },
  day: DayNumber | null,
  window: { from: DayNumber; to: DayNumber },
): boolean {
  if (record.placementId !== null) return record.placementId === placement.id;
  return day !== null && day >= window.from && day <= window.to;
}
