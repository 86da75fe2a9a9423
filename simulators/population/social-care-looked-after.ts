/**
 * Looked-after care in SSD shape: CLA episodes (one per placement within a period of care), placements, LAC
 * reviews, health assessments, care plans (with the health section the learning review found incomplete),
 * placement plans and statutory visits.
 */
import { socialWorkerOn } from './assign-professionals.js';
import { ALLERGIES, CONDITIONS, MEDICATIONS } from './clinical-codes.js';
import { addMonths, ageInYears, isoDateTime, type DayNumber } from './dates.js';
import { LAPSE_RATES, lapsed } from './lapse-rates.js';
import type { CarePlan, HealthAssessment, Placement } from './model.js';
import { conditionsActiveOn, medicationsActiveOn } from './plan-health.js';
import type { CarePeriod, PlannedPlacement } from './profile-types.js';
import {
  ADOPTION_PLACEMENT,
  CARE_ENDED_REASONS,
  CHILDRENS_HOME,
  EPISODE_CONTINUES,
  PERMANENCE_PLANS,
  SEMI_INDEPENDENT,
} from './social-care-codes.js';
import { participationCode, workingTime, type SocialCareDraft } from './social-care-draft.js';

const LA_FOSTERING_URN = 'SC048732';
const AGENCY_FOSTERING_URNS = ['SC391027', 'SC402118', 'SC377465', 'SC419930'];

export function writeLookedAfter(draft: SocialCareDraft): void {
  const { profile } = draft;
  profile.care.forEach((period, index) => {
    const current = period.end === null;
    const periodId = draft.deps.context.ids.next('CLA', 6);
    writeEpisodesAndPlacements(draft, period, periodId);
    const reviewDays = writeReviews(draft, period, current && index === profile.care.length - 1);
    if (current) {
      const lastEpisode = draft.record.claEpisodes[draft.record.claEpisodes.length - 1];
      const lastReview = reviewDays[reviewDays.length - 1];
      if (lastEpisode && lastReview !== undefined) {
        const contact = Math.min(draft.deps.context.asOfDay - 1, lastReview + draft.random.int(0, 20));
        lastEpisode.lastIroContactDate = workingTime(draft.random, contact);
      }
    }
    writeHealthAssessments(draft, period, reviewDays);
    writeCarePlan(draft, period, reviewDays);
    writePlacementPlans(draft, period);
    writeCareVisits(draft, period);
  });
}

function placementUrn(draft: SocialCareDraft, placement: PlannedPlacement): string | null {
  if (placement.unit) return placement.unit.urn;
  if (placement.type.startsWith('U')) {
    return placement.providerCode === 'PR4' ? draft.random.pick(AGENCY_FOSTERING_URNS) : LA_FOSTERING_URN;
  }
  return null;
}

function writeEpisodesAndPlacements(draft: SocialCareDraft, period: CarePeriod, periodId: string): void {
  const { random, record, deps } = draft;
  const { ids, asOfDay } = deps.context;
  period.placements.forEach((placement, i) => {
    const last = i === period.placements.length - 1;
    // Emergency moves happen in the evening; planned ones in working hours.
    const startMinute = placement.emergency ? random.int(17 * 60, 22 * 60) : random.int(10 * 60, 16 * 60);
    const start = isoDateTime(placement.start, startMinute);
    const episodeId = ids.next('CLE');
    const placementId = ids.next('PLC');
    draft.placementIds.set(placement, { id: placementId, startMinute });
    const end = placement.end === null ? null : workingTime(random, placement.end);
    record.claEpisodes.push({
      id: episodeId,
      periodId,
      startDate: start,
      startReason: i === 0 ? 'S' : 'P',
      legalStatus: period.legalStatus,
      needCode: period.needCode,
      ceasedDate: end,
      ceasedReason:
        end === null ? null : last && period.endReason !== null ? period.endReason : EPISODE_CONTINUES,
      enteredCareDate: isoDateTime(period.start, i === 0 ? startMinute : 600),
      lastIroContactDate: null,
    });
    const waited = (placement.end ?? asOfDay) - placement.start;
    const panelReviewed =
      placement.end === null && placement.awaitingLongTerm && waited > 90 && random.chance(0.6);
    const entry: Placement = {
      id: placementId,
      claEpisodeId: episodeId,
      startDate: start,
      endDate: end,
      type: placement.type,
      urn: placementUrn(draft, placement),
      residentialUnitId: placement.unit?.id ?? null,
      providerCode: placement.providerCode,
      postcode: placement.postcode,
      distanceMiles: placement.distanceMiles,
      changeReason: placement.changeReason,
      intendedEndDate: placement.intendedEnd === null ? null : isoDateTime(placement.intendedEnd, 600),
      isLongTerm: placement.isLongTerm,
      awaitingLongTermPlacement: placement.awaitingLongTerm,
      lastPanelReviewDate: panelReviewed ? workingTime(random, asOfDay - random.int(5, 60)) : null,
    };
    record.placements.push(entry);
  });
}

/** LAC reviews: first within 20 working days, the second within 3 months, then every 6 months. */
function writeReviews(draft: SocialCareDraft, period: CarePeriod, current: boolean): DayNumber[] {
  const { random, record, deps, profile } = draft;
  const { asOfDay: asOf, calendar, ids } = deps.context;
  const until = period.end ?? asOf;
  const held: DayNumber[] = [];
  const silentReviews =
    current && lapsed(random, LAPSE_RATES.childVoiceMissing, draft.profile.practice) ? random.int(1, 2) : 0;
  const entries: Array<{ due: DayNumber; day: DayNumber | null }> = [];
  let due = calendar.addWorkingDays(period.start, 20);
  for (let n = 0; ; n++) {
    if (due > until) {
      if (current) entries.push({ due, day: null });
      break;
    }
    const late = lapsed(random, LAPSE_RATES.lacReviewLate, draft.profile.practice);
    const day = Math.max(
      period.start + 5,
      late ? due + random.int(7, 40) : due - random.int(0, n === 0 ? 6 : 14),
    );
    if (day > Math.min(until, asOf - 1)) {
      if (current) entries.push({ due, day: null });
      break;
    }
    entries.push({ due, day });
    held.push(day);
    due = addMonths(day, n === 0 ? 3 : 6);
  }
  const silentFrom = silentReviews > 0 ? held.length - silentReviews : Infinity;
  let heldIndex = 0;
  for (const entry of entries) {
    const silent = entry.day !== null && heldIndex++ >= silentFrom;
    record.claReviews.push({
      id: ids.next('CLR'),
      dueDate: isoDateTime(entry.due, 600),
      date: entry.day === null ? null : workingTime(random, entry.day),
      participation: entry.day === null ? null : participationCode(random, profile.dob, entry.day, silent),
    });
  }
  draft.reviewDays.push(...held);
  return held;
}

function writeHealthAssessments(
  draft: SocialCareDraft,
  period: CarePeriod,
  reviewDays: readonly DayNumber[],
): void {
  const { random, record, deps, profile } = draft;
  const { asOfDay: asOf, ids, calendar } = deps.context;
  const until = Math.min(period.end ?? asOf, asOf - 1);
  if (until - period.start < 10) return;
  const add = (type: HealthAssessment['type'], day: DayNumber, status: HealthAssessment['status']) =>
    record.healthAssessments.push({ id: ids.next('CLH'), type, date: workingTime(random, day), status });

  const ihaDay =
    period.start +
    (lapsed(random, LAPSE_RATES.ihaLate, draft.profile.practice) ? random.int(35, 80) : random.int(7, 18));
  let lastDay: DayNumber;
  if (ihaDay <= until) {
    add('IHA', ihaDay, 'COMPLETED');
    lastDay = ihaDay;
  } else {
    const due = calendar.addWorkingDays(period.start, 20);
    if (period.end === null && due < asOf) add('IHA', due, 'OUTSTANDING');
    return;
  }
  const stopAfter =
    period.end === null && lapsed(random, LAPSE_RATES.rhaOverdue, draft.profile.practice)
      ? asOf - random.int(400, 700)
      : Infinity;
  for (;;) {
    const interval = ageInYears(profile.dob, lastDay) < 5 ? random.int(150, 175) : random.int(300, 355);
    const next = lastDay + interval;
    if (next > until || next > stopAfter) break;
    add('RHA', next, ageInYears(profile.dob, next) >= 12 && random.chance(0.05) ? 'REFUSED' : 'COMPLETED');
    lastDay = next;
  }
  if (period.end === null && ageInYears(profile.dob, asOf) >= 1) {
    for (const back of [random.int(20, 300), random.int(380, 700)]) {
      const day = asOf - back;
      if (day > period.start) add('DENTAL', day, 'COMPLETED');
    }
    const age = ageInYears(profile.dob, asOf);
    if (age >= 4 && age <= 16 && reviewDays.length > 0)
      add('SDQ', reviewDays[reviewDays.length - 1] as number, 'COMPLETED');
  }
}

function permanencePlan(period: CarePeriod): string {
  const last = period.placements[period.placements.length - 1];
  if (period.endReason === CARE_ENDED_REASONS.ADOPTED || last?.type === ADOPTION_PLACEMENT)
    return PERMANENCE_PLANS.ADOPTION;
  if (period.endReason === CARE_ENDED_REASONS.SPECIAL_GUARDIANSHIP)
    return PERMANENCE_PLANS.SPECIAL_GUARDIANSHIP;
  if (period.endReason === CARE_ENDED_REASONS.RETURNED_HOME) return PERMANENCE_PLANS.RETURN_HOME;
  if (last?.type === SEMI_INDEPENDENT) return PERMANENCE_PLANS.INDEPENDENCE;
  if (last?.type === CHILDRENS_HOME) return PERMANENCE_PLANS.RESIDENTIAL;
  return PERMANENCE_PLANS.LONG_TERM_FOSTER;
}

function writeCarePlan(draft: SocialCareDraft, period: CarePeriod, reviewDays: readonly DayNumber[]): void {
  const { random, record, deps } = draft;
  const { asOfDay: asOf, ids } = deps.context;
  const first = period.placements[0];
  if (!first || lapsed(random, 0.01, draft.profile.practice)) return;
  const startDay =
    first.start +
    (lapsed(random, LAPSE_RATES.carePlanLate, draft.profile.practice)
      ? random.int(20, 60)
      : random.int(1, 8));
  if (startDay > Math.min(period.end ?? asOf, asOf - 1)) return;
  const lastReview = [...reviewDays].reverse().find((day) => day >= startDay) ?? null;
  const health = carePlanHealth(draft, period);
  const plan: CarePlan = {
    id: ids.next('CPL'),
    startDate: workingTime(random, startDay),
    lastReviewedDate: lastReview === null ? null : workingTime(random, lastReview),
    permanencePlan: permanencePlan(period),
    health,
  };
  record.carePlans.push(plan);
}

/** The care plan's health section: what the GP record shows, less what practice left out. */
function carePlanHealth(draft: SocialCareDraft, period: CarePeriod): CarePlan['health'] {
  const { random, profile, gp, deps } = draft;
  const day = period.end ?? deps.context.asOfDay;
  const practice = profile.assignments.gpPractice;
  const conditions = conditionsActiveOn(profile.health, day).map((c) => CONDITIONS[c.key].display);
  const medications = medicationsActiveOn(profile.health, day).map((m) => MEDICATIONS[m.key].display);
  const allergies = profile.health.allergies
    .filter((a) => a.recorded <= day)
    .map((a) => ALLERGIES[a.key].display);
  const current = period.end === null;
  if (current && gp && lapsed(random, LAPSE_RATES.healthLeftOutOfPlan, draft.profile.practice)) {
    const lists = [conditions, medications, allergies].filter((list) => list.length > 0);
    if (lists.length > 0) {
      const list = random.pick(lists);
      list.splice(random.int(0, list.length - 1), 1);
    }
  }
  const namesGp =
    gp !== null && !(current && lapsed(random, LAPSE_RATES.carePlanNamesNoGp, draft.profile.practice));
  return {
    gpName: namesGp ? (profile.assignments.gp?.name ?? null) : null,
    gpPracticeCode: namesGp ? (practice?.code ?? null) : null,
    conditions: gp ? conditions : [],
    medications: gp ? medications : [],
    allergies: gp ? allergies : [],
  };
}

function writePlacementPlans(draft: SocialCareDraft, period: CarePeriod): void {
  const { random, record, deps } = draft;
  const { asOfDay: asOf, ids } = deps.context;
  for (const placement of period.placements) {
    if (lapsed(random, 0.02, draft.profile.practice)) continue;
    const day =
      placement.start +
      (lapsed(random, LAPSE_RATES.placementPlanLate, draft.profile.practice)
        ? random.int(10, 30)
        : random.int(0, 3));
    if (day > Math.min(placement.end ?? asOf, asOf - 1)) continue;
    const placementId = draft.placementIds.get(placement)?.id;
    if (placementId)
      record.placementPlans.push({ id: ids.next('PPL'), placementId, date: workingTime(random, day) });
  }
}

/** Visits: within a week of each placement, then at most six-weekly (three-monthly after a year if long-term). */
function writeCareVisits(draft: SocialCareDraft, period: CarePeriod): void {
  const { random, record, deps, profile } = draft;
  const { asOfDay: asOf, ids } = deps.context;
  let gapAt =
    period.end === null && lapsed(random, LAPSE_RATES.visitGap, draft.profile.practice)
      ? asOf - random.int(60, 400)
      : null;
  for (const placement of period.placements) {
    const until = Math.min(placement.end ?? asOf, asOf - 1);
    let day =
      placement.start +
      (lapsed(random, LAPSE_RATES.firstVisitLate, draft.profile.practice)
        ? random.int(9, 20)
        : random.int(1, 5));
    while (day <= until) {
      record.visits.push({
        id: ids.next('VIS'),
        date: workingTime(random, day),
        kind: 'CLA',
        childSeen: random.chance(0.95),
        workerId: socialWorkerOn(profile, day)?.id ?? '',
      });
      let step =
        placement.isLongTerm && day - placement.start > 365 ? random.int(60, 85) : random.int(25, 40);
      if (gapAt !== null && day + step >= gapAt) {
        step += random.int(40, 80);
        gapAt = null;
      }
      day += step;
    }
  }
}
