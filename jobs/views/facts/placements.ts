/**
 * A child's placements in time order, and the one they are in today: started by today and not yet ended (a
 * placement ending today is over), the latest started when records overlap — as LONG_WAIT_FOR_PLACEMENT reads it.
 */
import type {
  PlacementValue,
  SocialCareSectionValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../../rules/time/calendar-day.js';
import { socialCareDayOf } from './days.js';

export interface DatedPlacement {
  placement: PlacementValue;
  start: DayNumber;
  end: DayNumber | null;
}

/** Earliest first; the ids of placements whose start or end is not a date, so a caller can say it cannot decide. */
export function datedPlacements(section: SocialCareSectionValue): {
  dated: DatedPlacement[];
  unreadable: string[];
} {
  const dated: DatedPlacement[] = [];
  const unreadable: string[] = [];
  for (const placement of section.placements) {
    const start = socialCareDayOf(placement.startDate);
    const end = socialCareDayOf(placement.endDate);
    if (start === null || (placement.endDate !== null && end === null)) unreadable.push(placement.id);
    else dated.push({ placement, start, end });
  }
  dated.sort((a, b) => a.start - b.start);
  return { dated, unreadable };
}

export function placementOn(dated: readonly DatedPlacement[], day: DayNumber): DatedPlacement | undefined {
  return dated.filter((d) => d.start <= day && (d.end === null || day < d.end)).at(-1);
}
