/**
 * The working state while one child's social care record is written, shared by the writers for referrals,
 * looked-after care, the placement extension, missing episodes and leaving care.
 */
import type { Workforce } from './assign-professionals.js';
import { ageInYears, isoDateTime, type DayNumber } from './dates.js';
import type { GenerationContext } from './generation-context.js';
import type { GpRecord, SocialCareRecord } from './model.js';
import type { AreaOrganisations } from './organisations.js';
import type { ChildProfile, PlannedPlacement } from './profile-types.js';
import type { SeededRandom } from './random.js';
import type { ResidentialDirectory } from './residential-allocation.js';

export interface SocialCareDependencies {
  context: GenerationContext;
  workforce: Workforce;
  area: AreaOrganisations;
  residential: ResidentialDirectory;
}

export interface WrittenAssessment {
  id: string;
  start: DayNumber;
  authorised: DayNumber | null;
  factors: string[];
}

export interface SocialCareDraft {
  deps: SocialCareDependencies;
  profile: ChildProfile;
  gp: GpRecord | null;
  random: SeededRandom;
  record: SocialCareRecord;
  assessments: WrittenAssessment[];
  /** Each placement's record id and the minute of its start day it began (the 72-hour clock starts there). */
  placementIds: Map<PlannedPlacement, { id: string; startMinute: number }>;
  /** Days looked-after reviews were held, for aligning EHCP reviews with them. */
  reviewDays: DayNumber[];
}

/** A working-hours time on `day`, as an ISO date-time. */
export function workingTime(random: SeededRandom, day: DayNumber): string {
  return isoDateTime(day, random.int(9 * 60, 17 * 60));
}

/** How the child took part in a review (PN0 under four; PN7 conveyed no views). */
export function participationCode(
  random: SeededRandom,
  dob: DayNumber,
  day: DayNumber,
  noViews: boolean,
): string {
  if (ageInYears(dob, day) < 4) return 'PN0';
  if (noViews) return 'PN7';
  return random.weighted([
    ['PN1', 32],
    ['PN2', 10],
    ['PN3', 5],
    ['PN4', 10],
    ['PN5', 10],
    ['PN6', 28],
  ] as const);
}

/** The placement the child was in on a day, if any. */
export function placementOn(profile: ChildProfile, day: DayNumber): PlannedPlacement | null {
  for (const period of profile.care) {
    for (const placement of period.placements) {
      if (placement.start <= day && (placement.end === null || placement.end > day)) return placement;
    }
  }
  return null;
}
