/**
 * A scenario child's social care record: referrals and assessments, child protection, periods of care with their
 * placements, and everything the in-order defaults fill in around them (reviews, health assessments, care plan,
 * placement paperwork, visits), plus missing episodes, leaving care, meetings and co-resident notices.
 */
import { isoDateTime } from '../population/dates.js';
import type { SocialCareRecord } from '../population/model.js';
import { writePeriod, type CareBuildInputs, type PlacementRef } from './build-care-periods.js';
import { buildIdentity } from './build-identity.js';
import type { ChildContext } from './child-context.js';
import type { ScenarioSocialCare } from './schema.js';

const WORKING_MINUTE = 10 * 60;

export function buildSocialCareRecord(
  context: ChildContext,
  spec: ScenarioSocialCare,
  inputs: CareBuildInputs,
): SocialCareRecord {
  const personId = context.directory.socialCarePersonIds.get(context.child.key) as string;
  const senProvision = context.child.education?.senProvision ?? 'N';
  const record: SocialCareRecord = {
    truthKey: context.truth.truthKey,
    personId,
    identity: buildIdentity(context, 'social-care', personId, spec.identity, true),
    sendFlag: spec.sendFlag ?? senProvision !== 'N',
    disabilityCodes: spec.disabilityCodes,
    sealed: spec.sealed,
    cinEpisodes: [],
    assessments: [],
    s47Enquiries: [],
    cpPlans: [],
    cpReviews: [],
    claEpisodes: [],
    placements: [],
    claReviews: [],
    healthAssessments: [],
    carePlans: [],
    placementPlans: [],
    visits: [],
    missingEpisodes: [],
    careLeaver: null,
    involvements: spec.involvements.map((inv) => {
      const professional = context.professional(inv.professional);
      return {
        id: context.id('inv'),
        professionalId: professional.id,
        role: inv.role,
        team: professional.team ?? '',
        startDate: context.dateTime(inv.from),
        endDate: inv.to == null ? null : context.dateTime(inv.to),
      };
    }),
    placementReferrals: [],
    matchingAssessments: [],
    meetings: [],
    placementNotifications: [],
    coresidentNotifications: [],
  };
  const assessmentIds = writeReferrals(context, spec, record);
  writeChildProtectionPlans(context, spec, record);
  const placements = new Map<string, PlacementRef>();
  for (const period of spec.care)
    writePeriod(context, spec, period, record, inputs, assessmentIds, placements);
  writeMissing(context, spec, record);
  writeCareLeaver(context, spec, record);
  for (const meeting of spec.meetings) {
    record.meetings.push({
      id: context.id('mtg'),
      date: context.dateTime(meeting.date),
      type: meeting.type,
      statutory: meeting.statutory,
      purpose: meeting.purpose,
      placementId: meeting.placement === null ? null : (placements.get(meeting.placement)?.id ?? null),
      requiredAttendees: meeting.requiredAttendees,
      actualAttendees: meeting.actualAttendees,
      minutesRecipients: meeting.minutesRecipients,
      updatedRiskAssessment: meeting.updatedRiskAssessment,
    });
  }
  for (const notice of spec.coresidentNotifications) {
    const placement = placements.get(notice.placement) as PlacementRef;
    record.coresidentNotifications.push({
      id: context.id('crn'),
      placementId: placement.id,
      residentialUnitId: placement.unitId ?? '',
      notifiedProfessionalId: context.professional(notice.professional).id,
      aboutPersonId: context.directory.socialCarePersonIds.get(notice.resident) ?? '',
      date: context.dateTime(notice.date),
    });
  }
  const byDate = (a: { date: string }, b: { date: string }) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  record.meetings.sort(byDate);
  record.visits.sort(byDate);
  return record;
}

function writeReferrals(
  context: ChildContext,
  spec: ScenarioSocialCare,
  record: SocialCareRecord,
): Map<string, string> {
  const assessmentIds = new Map<string, string>();
  for (const referral of spec.referrals) {
    const referralId = context.id('ref');
    record.cinEpisodes.push({
      referralId,
      referralDate: context.dateTime(referral.date),
      primaryNeed: referral.primaryNeed,
      closeDate: referral.closed ? context.dateTime(referral.closed.date) : null,
      closeReason: referral.closed?.reason ?? null,
      workerId: context.professional(referral.worker).id,
    });
    for (const assessment of referral.assessments) {
      const id = context.id('asm');
      assessmentIds.set(assessment.key, id);
      record.assessments.push({
        id,
        referralId,
        startDate: context.dateTime(assessment.start),
        childSeenDate: context.dateTime(assessment.childSeen ?? assessment.start),
        authorisedDate: assessment.authorised === null ? null : context.dateTime(assessment.authorised),
        factors: assessment.factors,
        workerId: context.professional(assessment.worker ?? referral.worker).id,
      });
    }
    const s47 = referral.s47;
    if (s47) {
      const start = context.day(s47.start);
      record.s47Enquiries.push({
        id: context.id('s47'),
        referralId,
        startDate: context.dateTime(s47.start),
        endDate: s47.end == null ? null : context.dateTime(s47.end),
        outcome: s47.outcome,
        icpc: s47.icpc
          ? {
              id: context.id('icpc'),
              targetDate: isoDateTime(context.calendar.addWorkingDays(start, 15), WORKING_MINUTE),
              date: s47.icpc.held === null ? null : context.dateTime(s47.icpc.held),
              outcome: s47.icpc.outcome ?? (s47.icpc.held === null ? null : 'CP_PLAN'),
            }
          : null,
      });
      const everyone = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'POLICE', 'HEALTH'];
      record.meetings.push({
        id: context.id('mtg'),
        date: context.dateTime(s47.start),
        type: 'STRATEGY',
        statutory: true,
        purpose: 'Strategy discussion under section 47',
        placementId: null,
        requiredAttendees: everyone,
        actualAttendees: everyone,
        minutesRecipients: everyone,
        updatedRiskAssessment: false,
      });
    }
  }
  return assessmentIds;
}

function writeChildProtectionPlans(
  context: ChildContext,
  spec: ScenarioSocialCare,
  record: SocialCareRecord,
): void {
  for (const plan of spec.cpPlans) {
    record.cpPlans.push({
      id: context.id('cpp'),
      startDate: context.dateTime(plan.start),
      endDate: plan.end == null ? null : context.dateTime(plan.end),
      category: plan.category,
    });
    for (const review of plan.reviews) {
      record.cpReviews.push({
        id: context.id('cpr'),
        dueDate: context.dateTime(review.due),
        date: review.held === null ? null : context.dateTime(review.held),
        participation: review.held === null ? null : (review.participation ?? 'PN1'),
      });
    }
  }
}

function writeMissing(context: ChildContext, spec: ScenarioSocialCare, record: SocialCareRecord): void {
  for (const episode of spec.missingEpisodes) {
    const start = context.instant(episode.start);
    const endMinute =
      episode.returnedAfterHours === null ? null : start.minute + episode.returnedAfterHours * 60;
    const returned = endMinute !== null && context.happened(start.day, endMinute);
    const interview =
      typeof episode.rhi === 'object' && returned
        ? (endMinute as number) + episode.rhi.afterHours * 60
        : null;
    record.missingEpisodes.push({
      id: context.id('mis'),
      startDate: isoDateTime(start.day, start.minute),
      endDate: returned ? isoDateTime(start.day, endMinute as number) : null,
      type: episode.type,
      rhiOffered: returned ? episode.rhi !== 'not-offered' : null,
      rhiAccepted: returned && episode.rhi !== 'not-offered' ? episode.rhi !== 'refused' : null,
      rhiDate:
        interview !== null && context.happened(start.day, interview)
          ? isoDateTime(start.day, interview)
          : null,
      reviewRequested: episode.reviewRequested,
    });
  }
}

function writeCareLeaver(context: ChildContext, spec: ScenarioSocialCare, record: SocialCareRecord): void {
  const leaver = spec.careLeaver;
  if (!leaver) return;
  const worker = spec.involvements.filter((inv) => inv.role === 'SOCIAL_WORKER').at(-1);
  record.careLeaver = {
    eligibility: leaver.eligibility,
    inTouch: leaver.inTouch,
    accommodation: leaver.accommodation,
    activity: leaver.activity,
    needsAssessmentDate: leaver.needsAssessment == null ? null : context.dateTime(leaver.needsAssessment),
    pathwayPlanDate: leaver.pathwayPlan == null ? null : context.dateTime(leaver.pathwayPlan),
    pathwayPlanReviewDate:
      leaver.pathwayPlanReview == null ? null : context.dateTime(leaver.pathwayPlanReview),
    personalAdviserId:
      leaver.personalAdviser == null ? null : context.professional(leaver.personalAdviser).id,
    workerId: worker ? context.professional(worker.professional).id : null,
  };
}
