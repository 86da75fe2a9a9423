/**
 * Who already lived in the home when the child was admitted, from the joined record's residential context (the
 * home the child lives in now or most recently did). A resident whose placement dates cannot be read is counted
 * as present: better to ask about a child who may have been there than to leave them out.
 */
import type { CoResidentValue, ResidentialContextValue } from '../../joined-record.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { socialCareDayOrNull } from '../../facts/agency-days.js';
import { instantOrNull } from '../../facts/instants.js';

export interface ExistingResident {
  resident: CoResidentValue;
  /** Still placed in the home on the day the rule runs. */
  stillThere: boolean;
}

/** Residents placed in the home before the instant `admittedAt` (ms) and not gone by then. */
export function residentsAtAdmission(
  residential: ResidentialContextValue,
  admittedAt: number,
  today: DayNumber,
): ExistingResident[] {
  const existing: ExistingResident[] = [];
  for (const resident of residential.coResidents) {
    const start = instantOrNull(resident.placementStart);
    const end = resident.placementEnd === null ? null : instantOrNull(resident.placementEnd);
    const endDay = resident.placementEnd === null ? null : socialCareDayOrNull(resident.placementEnd);
    if (start !== null && start >= admittedAt) continue;
    if (end !== null && end <= admittedAt) continue;
    existing.push({ resident, stillThere: endDay === null || endDay > today });
  }
  return existing;
}
