/**
 * Periods of care in a scenario child's social care record: CLA episodes and placements, and the in-order defaults
 * filled in around them (reviews, health assessments, care plan, placement plans, meetings, notifications,
 * matching assessments and visits), plus the placement referrals the file describes.
 */
import { addMonths, ageInYears, isoDateTime, type DayNumber } from '../population/dates.js';
import type { GpRecord, Meeting, SocialCareRecord } from '../population/model.js';
import type { ChildContext } from './child-context.js';
import type { ScenarioPeriod, ScenarioPlacement, ScenarioSocialCare } from './schema.js';

const DEFAULT_START_MINUTE = 11 * 60;
const WORKING_MINUTE = 10 * 60;

export interface CareBuildInputs {
  gp: GpRecord | null;
  /** Whether the child was on a school roll on a day (for the SCHOOL placement notification). */
  enrolledOn: (day: DayNumber) => boolean;
}

export interface PlacementRef {
  id: string;
  day: DayNumber;
  minute: number;
  unitId: string | null;
}

function socialWorkerOn(context: ChildContext, spec: ScenarioSocialCare, day: DayNumber): string {
  const workers = spec.involvements.filter((inv) => inv.role === 'SOCIAL_WORKER');
  const current =
    workers.find((inv) => context.day(inv.from) <= day && (inv.to == null || context.day(inv.to) > day)) ??
    workers[0];
  return current ? context.professional(current.professional).id : '';
}

function placementStart(
  context: ChildContext,
  placement: ScenarioPlacement,
): { day: DayNumber; minute: number } {
  const day = context.day(placement.start);
  if (!placement.startAt) return { day, minute: DEFAULT_START_MINUTE };
  const [h, m] = placement.startAt.split(':').map(Number) as [number, number];
  return { day, minute: h * 60 + m };
}

export function writePeriod(
  context: ChildContext,
  spec: ScenarioSocialCare,
  period: ScenarioPeriod,
  record: SocialCareRecord,
  inputs: CareBuildInputs,
  assessmentIds: Map<string, string>,
  placements: Map<string, PlacementRef>,
): void {
  const periodId = context.id('cla');
  const periodStart = context.day(period.start);
  const periodEnd = period.ceased ? context.day(period.ceased.date) : null;
  const lastDay = Math.min(periodEnd ?? context.asOfDay, context.asOfDay - 1);
  period.placements.forEach((placement, index) => {
    const { day, minute } = placementStart(context, placement);
    const last = index === period.placements.length - 1;
    const startDate = isoDateTime(day, minute);
    const endDay = placement.end == null ? null : context.day(placement.end);
    const endDate = endDay === null ? null : isoDateTime(endDay, WORKING_MINUTE);
    const episodeId = context.id('cle');
    const placementId = context.id('plc');
    const unit = placement.residentialUnit ? context.unit(placement.residentialUnit) : null;
    placements.set(placement.key, { id: placementId, day, minute, unitId: unit?.id ?? null });
    record.claEpisodes.push({
      id: episodeId,
      periodId,
      startDate,
      startReason: index === 0 ? 'S' : 'P',
      legalStatus: period.legalStatus,
      needCode: period.needCode,
      ceasedDate: endDate,
      ceasedReason: endDate === null ? null : last && period.ceased ? period.ceased.reason : 'X1',
      enteredCareDate: index === 0 ? startDate : isoDateTime(periodStart, DEFAULT_START_MINUTE),
      lastIroContactDate: null,
    });
    record.placements.push({
      id: placementId,
      claEpisodeId: episodeId,
      startDate,
      endDate,
      type: placement.type,
      urn: placement.urn !== undefined ? placement.urn : (unit?.urn ?? null),
      residentialUnitId: unit?.id ?? null,
      providerCode: placement.providerCode,
      postcode: placement.postcode,
      distanceMiles: placement.distanceMiles,
      changeReason: placement.changeReason,
      intendedEndDate: placement.intendedEnd == null ? null : context.dateTime(placement.intendedEnd),
      isLongTerm: placement.isLongTerm,
      awaitingLongTermPlacement: placement.awaitingLongTermPlacement,
      lastPanelReviewDate:
        placement.lastPanelReview == null ? null : context.dateTime(placement.lastPanelReview),
    });
    writePaperwork(
      context,
      spec,
      period,
      placement,
      record,
      inputs,
      { id: placementId, day, minute, unitId: unit?.id ?? null },
      endDay,
    );
    if (placement.referral) {
      const referral = placement.referral;
      record.placementReferrals.push({
        id: context.id('prf'),
        date: isoDateTime(day - referral.daysBefore, WORKING_MINUTE),
        assessmentId: referral.assessment === null ? null : (assessmentIds.get(referral.assessment) ?? null),
        content: {
          summary: referral.summary,
          risks: referral.risks,
          diagnoses: referral.diagnoses,
          medications: referral.medications,
          ehcpStatus: referral.ehcpStatus,
          missingHistory: referral.missingHistory,
        },
        resultingPlacementId: placementId,
      });
    }
  });

  const held = writeReviews(context, period, periodStart, periodEnd, record);
  const lastReview = held[held.length - 1];
  const lastEpisode = record.claEpisodes[record.claEpisodes.length - 1];
  if (periodEnd === null && lastReview !== undefined && lastEpisode) {
    lastEpisode.lastIroContactDate = isoDateTime(lastReview, WORKING_MINUTE);
  }
  writeHealthAssessments(context, period, periodStart, lastDay, record);
  if (period.carePlan) {
    const startDay =
      context.day(period.placements[0]?.start ?? period.start) + period.carePlan.daysAfterStart;
    if (startDay <= lastDay) {
      const reviewedDay = [...held].reverse().find((day) => day >= startDay);
      record.carePlans.push({
        id: context.id('cpl'),
        startDate: isoDateTime(startDay, WORKING_MINUTE),
        lastReviewedDate: reviewedDay === undefined ? null : isoDateTime(reviewedDay, WORKING_MINUTE),
        permanencePlan: period.carePlan.permanencePlan,
        health: carePlanHealth(context, period.carePlan.health, inputs.gp),
      });
    }
  }
}

/** Statutory schedule: first review at 15 working days (due at 20), then a week inside each 3- and 6-month limit. */
function writeReviews(
  context: ChildContext,
  period: ScenarioPeriod,
  periodStart: DayNumber,
  periodEnd: DayNumber | null,
  record: SocialCareRecord,
): DayNumber[] {
  const held: DayNumber[] = [];
  if (period.reviews !== 'statutory') {
    for (const review of period.reviews) {
      const heldDay = review.held === null ? null : context.day(review.held);
      if (heldDay !== null) held.push(heldDay);
      record.claReviews.push({
        id: context.id('clr'),
        dueDate: context.dateTime(review.due),
        date: review.held === null ? null : context.dateTime(review.held),
        participation:
          heldDay === null ? null : (review.participation ?? participationFor(context, period, heldDay)),
      });
    }
    return held;
  }
  const until = Math.min(periodEnd ?? context.asOfDay, context.asOfDay - 1);
  let due = context.calendar.addWorkingDays(periodStart, 20);
  let day = context.calendar.addWorkingDays(periodStart, 15);
  for (let n = 0; ; n++) {
    if (day > until) {
      if (periodEnd === null) {
        record.claReviews.push({
          id: context.id('clr'),
          dueDate: isoDateTime(due, WORKING_MINUTE),
          date: null,
          participation: null,
        });
      }
      break;
    }
    held.push(day);
    record.claReviews.push({
      id: context.id('clr'),
      dueDate: isoDateTime(due, WORKING_MINUTE),
      date: isoDateTime(day, WORKING_MINUTE),
      participation: participationFor(context, period, day),
    });
    due = addMonths(day, n === 0 ? 3 : 6);
    day = due - 7;
  }
  return held;
}

function participationFor(context: ChildContext, period: ScenarioPeriod, day: DayNumber): string {
  return ageInYears(context.dob, day) < 4 ? 'PN0' : period.reviewParticipation;
}

/** Statutory schedule: IHA ten days in, then RHAs at 5 months (under five) or 11 months. */
function writeHealthAssessments(
  context: ChildContext,
  period: ScenarioPeriod,
  periodStart: DayNumber,
  lastDay: DayNumber,
  record: SocialCareRecord,
): void {
  if (period.healthAssessments !== 'statutory') {
    for (const assessment of period.healthAssessments) {
      record.healthAssessments.push({
        id: context.id('clh'),
        type: assessment.type,
        date: context.dateTime(assessment.date),
        status: assessment.status,
      });
    }
    return;
  }
  let day = periodStart + 10;
  let type: 'IHA' | 'RHA' = 'IHA';
  while (day <= lastDay) {
    record.healthAssessments.push({
      id: context.id('clh'),
      type,
      date: isoDateTime(day, WORKING_MINUTE),
      status: 'COMPLETED',
    });
    day = addMonths(day, ageInYears(context.dob, day) < 5 ? 5 : 11);
    type = 'RHA';
  }
}

function carePlanHealth(
  context: ChildContext,
  health: NonNullable<ScenarioPeriod['carePlan']>['health'],
  gp: GpRecord | null,
): SocialCareRecord['carePlans'][number]['health'] {
  if (!('fromGpRecord' in health)) return health;
  if (!gp) return { gpName: null, gpPracticeCode: null, conditions: [], medications: [], allergies: [] };
  const keep = (display: string) => !health.omit.includes(display);
  const doctor = context.directory.professionals.get(context.child.gp?.gp ?? '');
  const practice = context.directory.organisations.get(context.child.gp?.practice ?? '');
  return {
    gpName: health.namesGp ? (doctor?.name ?? null) : null,
    gpPracticeCode: health.namesGp ? (practice?.code ?? null) : null,
    conditions: gp.conditions
      .filter((c) => c.clinicalStatus === 'active')
      .map((c) => c.display)
      .filter(keep),
    medications: gp.medications
      .filter((m) => m.status === 'active')
      .map((m) => m.display)
      .filter(keep),
    allergies: gp.allergies.map((a) => a.display).filter(keep),
  };
}

function writePaperwork(
  context: ChildContext,
  spec: ScenarioSocialCare,
  period: ScenarioPeriod,
  placement: ScenarioPlacement,
  record: SocialCareRecord,
  inputs: CareBuildInputs,
  ref: PlacementRef,
  endDay: DayNumber | null,
): void {
  const paperwork = placement.paperwork;
  const until = Math.min(endDay ?? context.asOfDay, context.asOfDay - 1);
  if (paperwork.placementPlanAfterDays !== null && ref.day + paperwork.placementPlanAfterDays <= until) {
    record.placementPlans.push({
      id: context.id('ppl'),
      placementId: ref.id,
      date: isoDateTime(ref.day + paperwork.placementPlanAfterDays, WORKING_MINUTE),
    });
  }
  const carer = placement.type === 'K2' ? 'HOME_MANAGER' : 'CARER';
  if (paperwork.meeting !== null) {
    const minute = ref.minute + paperwork.meeting.afterHours * 60;
    if (context.happened(ref.day, minute)) {
      const required = ['SOCIAL_WORKER', carer, 'CHILD', 'IRO'];
      const meeting: Meeting = {
        id: context.id('mtg'),
        date: isoDateTime(ref.day, minute),
        type: 'PLACEMENT_PLANNING',
        statutory: true,
        purpose: 'Agree the placement plan and review the risk and matching assessment',
        placementId: ref.id,
        requiredAttendees: required,
        actualAttendees: paperwork.meeting.actualAttendees ?? required,
        minutesRecipients: required,
        updatedRiskAssessment: paperwork.meeting.updatedRiskAssessment,
      };
      record.meetings.push(meeting);
    }
  }
  const defaults: Record<'GP' | 'SCHOOL' | 'ICB' | 'IRO', number | null> = {
    GP: inputs.gp ? 1 : null,
    SCHOOL: inputs.enrolledOn(ref.day) ? 1 : null,
    ICB: 1,
    IRO: 1,
  };
  for (const recipient of ['GP', 'SCHOOL', 'ICB', 'IRO'] as const) {
    const after =
      paperwork.notify[recipient] === undefined ? defaults[recipient] : paperwork.notify[recipient];
    if (after === null || after === undefined || ref.day + after > context.asOfDay - 1) continue;
    record.placementNotifications.push({
      id: context.id('pnt'),
      placementId: ref.id,
      recipient,
      date: isoDateTime(ref.day + after, WORKING_MINUTE),
    });
  }
  const matching =
    paperwork.matching === undefined
      ? placement.type === 'K2'
        ? [
            {
              kind: 'IMPACT_ON_RESIDENTS' as const,
              daysBefore: 1,
              addressesExistingResidents: true,
              risksConsidered: [],
            },
          ]
        : placement.type.startsWith('U')
          ? [
              {
                kind: 'MATCHING' as const,
                daysBefore: 1,
                addressesExistingResidents: true,
                risksConsidered: [],
              },
            ]
          : []
      : (paperwork.matching ?? []);
  for (const assessment of matching) {
    record.matchingAssessments.push({
      id: context.id('mat'),
      placementId: ref.id,
      residentialUnitId: ref.unitId,
      date:
        assessment.daysBefore === 0
          ? isoDateTime(ref.day, Math.max(0, ref.minute - 60))
          : isoDateTime(ref.day - assessment.daysBefore, WORKING_MINUTE),
      kind: assessment.kind,
      risksConsidered: assessment.risksConsidered,
      addressesExistingResidents: assessment.addressesExistingResidents,
    });
  }
  if (paperwork.firstVisitAfterDays !== null) {
    const visitUntil = endDay === null ? context.asOfDay - 1 : Math.min(endDay - 1, context.asOfDay - 1);
    for (let day = ref.day + paperwork.firstVisitAfterDays; day <= visitUntil; day += period.visitEveryDays) {
      record.visits.push({
        id: context.id('vis'),
        date: isoDateTime(day, 14 * 60),
        kind: 'CLA',
        childSeen: true,
        workerId: socialWorkerOn(context, spec, day),
      });
    }
  }
}
