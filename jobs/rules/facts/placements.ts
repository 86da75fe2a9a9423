/**
 * A child's placements as days, and the one they are in on a day: started by then and not yet ended (a placement
 * ending that day is over), the latest started when records overlap. A placement whose start, or recorded end, is
 * not a date cannot be placed in time; callers say they cannot decide about it rather than guess.
 */
import type {
  PlacementValue,
  SocialCareSectionValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../time/calendar-day.js';
import { socialCareDayOrNull } from './agency-days.js';
import { covers } from './spans.js';

export interface DatedPlacement {
  placement: PlacementValue;
  start: DayNumber;
  end: DayNumber | null;
}

/** The placement's days, or null when its start or recorded end is not a date. */
export function datedPlacement(placement: PlacementValue): DatedPlacement | null {
  const start = socialCareDayOrNull(placement.startDate);
  const end = placement.endDate === null ? null : socialCareDayOrNull(placement.endDate);
  if (start === null || (placement.endDate !== null && end === null)) return null;
  return { placement, start, end };
}

/** Earliest first; the ids of placements whose start or end is not a date, in record order. */
export function datedPlacements(section: SocialCareSectionValue): {
  dated: DatedPlacement[];
  unreadable: string[];
} {
  const dated: DatedPlacement[] = [];
  const unreadable: string[] = [];
  for (const placement of section.placements) {
    const days = datedPlacement(placement);
    if (days === null) unreadable.push(placement.id);
    else dated.push(days);
  }
  dated.sort((a, b) => a.start - b.start);
  return { dated, unreadable };
}

export function placementOn(dated: readonly DatedPlacement[], day: DayNumber): DatedPlacement | undefined {
  return dated.filter((d) => covers(d, day)).at(-1);
}
