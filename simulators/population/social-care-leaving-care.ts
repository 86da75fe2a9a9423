/**
 * Leaving care: who is an eligible child (looked after for 13 weeks in periods after 14, still looked after at 16),
 * their pathway needs assessment and plan (faster for children who came into care in Year 9 or later), and the
 * personal adviser; plus the involvements (social worker, team manager, IRO, personal adviser) table.
 */
import { addMonths, birthday, isoDateTime, year9Start, type DayNumber } from './dates.js';
import { LAPSE_RATES, lapsed } from './lapse-rates.js';
import type { CareLeaver } from './model.js';
import type { CarePeriod } from './profile-types.js';
import {
  CARE_LEAVER_ACCOMMODATION,
  CARE_LEAVER_ACTIVITY,
  CHILDRENS_HOME,
  SEMI_INDEPENDENT,
  SOCIAL_CARE_TEAMS,
} from './social-care-codes.js';
import { workingTime, type SocialCareDraft } from './social-care-draft.js';

const THIRTEEN_WEEKS = 91;

/** The day a child became eligible (13 weeks looked after since 14, and aged 16), or null if they never did. */
export function eligibleFrom(dob: DayNumber, care: readonly CarePeriod[], asOf: DayNumber): DayNumber | null {
  const fourteenth = birthday(dob, 14);
  const sixteenth = birthday(dob, 16);
  let total = 0;
  let reached: DayNumber | null = null;
  for (const period of care) {
    const from = Math.max(period.start, fourteenth);
    const to = period.end ?? asOf;
    if (to <= from) continue;
    if (reached === null && total + (to - from) >= THIRTEEN_WEEKS) reached = from + (THIRTEEN_WEEKS - total);
    total += to - from;
  }
  const current = care[care.length - 1];
  if (reached === null || !current || current.end !== null) return null;
  const eligible = Math.max(reached, sixteenth);
  return eligible <= asOf ? eligible : null;
}

/**
 * For a child who came into care in Year 9 or later, transition planning starts at once: a transition planning
 * meeting within three months of coming into care (unless practice slipped: LATE_ENTRY_TRANSITION).
 */
export function writeLateEntryPlanning(draft: SocialCareDraft): boolean {
  const { random, record, deps, profile } = draft;
  const period = profile.care.at(-1);
  const entered = profile.care[0]?.start;
  if (profile.status !== 'LAC' || !period || entered === undefined || entered < year9Start(profile.dob))
    return false;
  if (lapsed(random, LAPSE_RATES.lateEntryNotFastTracked, profile.practice)) return false;
  const day = period.start + random.int(20, 80);
  if (day > deps.context.asOfDay - 1) return true;
  const attendees = ['SOCIAL_WORKER', 'IRO', 'CHILD', 'PERSONAL_ADVISER', 'TRANSITION_WORKER'];
  record.meetings.push({
    id: deps.context.ids.next('MTG'),
    date: workingTime(random, day),
    type: 'TRANSITION_PLANNING',
    statutory: false,
    purpose: 'Fast-track transition planning for a child who came into care after Year 9',
    placementId: null,
    requiredAttendees: attendees,
    actualAttendees: attendees.slice(0, 4),
    minutesRecipients: attendees,
    updatedRiskAssessment: false,
  });
  return true;
}

export function writeCareLeaver(draft: SocialCareDraft, fastTracked: boolean): void {
  const { random, record, deps, profile } = draft;
  const asOf = deps.context.asOfDay;
  if (profile.status !== 'LAC') return;
  const eligible = eligibleFrom(profile.dob, profile.care, asOf);
  if (eligible === null) return;
  const entered = profile.care[0]?.start ?? eligible;
  const lateEntrant = entered >= year9Start(profile.dob);
  // A late entrant whose transition planning was not fast-tracked has no needs assessment either.
  const assessmentLate = lateEntrant
    ? !fastTracked
    : lapsed(random, LAPSE_RATES.pathwayAssessmentLate, profile.practice);
  const assessmentDay = assessmentLate
    ? random.chance(0.6)
      ? null
      : eligible + random.int(100, 200)
    : eligible + (fastTracked ? random.int(5, 40) : random.int(10, 80));
  const assessed = assessmentDay !== null && assessmentDay <= asOf - 1 ? assessmentDay : null;
  const planDay =
    assessed === null || lapsed(random, LAPSE_RATES.pathwayPlanMissing, draft.profile.practice)
      ? null
      : assessed + random.int(14, 56);
  const planned = planDay !== null && planDay <= asOf - 1 ? planDay : null;
  const review = planned === null ? null : addMonths(planned, 6);
  const placementType = profile.care[profile.care.length - 1]?.placements.at(-1)?.type;
  const leaver: CareLeaver = {
    eligibility: 'Eligible',
    inTouch: 'YES',
    accommodation:
      placementType === CHILDRENS_HOME
        ? 'R'
        : placementType === SEMI_INDEPENDENT
          ? 'E'
          : random.pick(CARE_LEAVER_ACCOMMODATION),
    activity: random.pick(CARE_LEAVER_ACTIVITY),
    needsAssessmentDate: assessed === null ? null : workingTime(random, assessed),
    pathwayPlanDate: planned === null ? null : workingTime(random, planned),
    pathwayPlanReviewDate: review !== null && review <= asOf - 1 ? workingTime(random, review) : null,
    personalAdviserId: profile.assignments.personalAdviser?.id ?? null,
    workerId: profile.assignments.socialWorkers.at(-1)?.professional.id ?? null,
  };
  record.careLeaver = leaver;
}

export function writeInvolvements(draft: SocialCareDraft): void {
  const { record, deps, profile } = draft;
  const { ids } = deps.context;
  const at = (day: DayNumber) => isoDateTime(day, 540);
  for (const spell of profile.assignments.socialWorkers) {
    const end = spell.to === null ? null : at(spell.to);
    record.involvements.push(
      {
        id: ids.next('INV'),
        professionalId: spell.professional.id,
        role: 'SOCIAL_WORKER',
        team: spell.team.name,
        startDate: at(spell.from),
        endDate: end,
      },
      {
        id: ids.next('INV'),
        professionalId: spell.team.manager.id,
        role: 'TEAM_MANAGER',
        team: spell.team.name,
        startDate: at(spell.from),
        endDate: end,
      },
    );
  }
  const iro = profile.assignments.iro;
  if (iro) {
    record.involvements.push({
      id: ids.next('INV'),
      professionalId: iro.professional.id,
      role: 'IRO',
      team: SOCIAL_CARE_TEAMS.IRO,
      startDate: at(iro.from),
      endDate: null,
    });
  }
  const adviser = profile.assignments.personalAdviser;
  if (adviser) {
    record.involvements.push({
      id: ids.next('INV'),
      professionalId: adviser.id,
      role: 'PERSONAL_ADVISER',
      team: SOCIAL_CARE_TEAMS.LEAVING_CARE,
      startDate: at(Math.min(deps.context.asOfDay - 1, birthday(profile.dob, 16))),
      endDate: null,
    });
  }
}
