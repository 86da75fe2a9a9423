/**
 * Record factories for the care-planning rule tests, on top of testing/joined-record-builder.ts: each fills the
 * fields a rule does not read, so a test states only the dates that matter. Only tests import this.
 */
import type {
  AssessmentValue,
  CareEpisodeValue,
  CarePlanValue,
  ChildProtectionReviewValue,
  InitialConferenceValue,
  LookedAfterReviewValue,
  MeetingValue,
  PlacementNotificationValue,
  PlacementPlanValue,
  PlacementValue,
  ReferralValue,
  S47EnquiryValue,
  VisitValue,
} from '../../../../connectors/social-care/social-care-section.js';
import {
  careEpisodeRecord,
  carePlanRecord,
  findingsOf,
  lookedAfterReviewRecord,
  placementRecord,
  ssdTimestamp,
} from '../../testing/social-care-records.js';

export const at = ssdTimestamp;

/** The rule context's "now" on a day (morning, so the day in England is that day all year). */
export const on = (date: string) => `${date}T09:00:00.000Z`;

export function episode(
  id: string,
  start: string,
  overrides: Partial<CareEpisodeValue> = {},
): CareEpisodeValue {
  return careEpisodeRecord({ id, startDate: at(start), ...overrides });
}

export function placement(
  id: string,
  start: string,
  overrides: Partial<PlacementValue> = {},
): PlacementValue {
  return placementRecord({ id, startDate: at(start), provider: 'PR1', ...overrides });
}

/** A child looked after from `start` in one placement (the common case). */
export function inCareFrom(start: string, placementOverrides: Partial<PlacementValue> = {}) {
  return {
    status: {
      lookedAfter: true,
      childInNeed: false,
      childProtectionPlan: false,
      legalStatus: 'C2',
      careLeaver: false,
    },
    careEpisodes: [episode('E1', start)],
    placements: [placement('PL1', start, placementOverrides)],
  };
}

export function assessment(id: string, start: string, authorised: string | null): AssessmentValue {
  return {
    id,
    referralId: 'R1',
    startDate: at(start),
    childSeen: true,
    authorisedDate: authorised === null ? null : at(authorised),
    noFurtherAction: false,
    factors: [],
  };
}

export function referral(id: string, date: string, overrides: Partial<ReferralValue> = {}): ReferralValue {
  return {
    id,
    date: at(date),
    primaryNeed: 'N1',
    source: null,
    noFurtherAction: false,
    closedDate: null,
    closeReason: null,
    ...overrides,
  };
}

export function enquiry(
  id: string,
  strategy: string,
  outcomes: string[] = ['CP_CONFERENCE'],
): S47EnquiryValue {
  return {
    id,
    referralId: 'R1',
    strategyDiscussionDate: at(strategy),
    endDate: null,
    noFurtherAction: outcomes.includes('NFA'),
    outcomes,
  };
}

export function conference(
  id: string,
  s47EnquiryId: string | null,
  held: string | null,
  overrides: Partial<InitialConferenceValue> = {},
): InitialConferenceValue {
  return {
    id,
    s47EnquiryId,
    targetDate: null,
    date: held === null ? null : at(held),
    transferIn: false,
    resultedInPlan: null,
    cpPlanId: null,
    ...overrides,
  };
}

export function carePlan(id: string, start: string | null, end: string | null = null): CarePlanValue {
  return carePlanRecord({
    id,
    startDate: start === null ? null : at(start),
    endDate: end === null ? null : at(end),
  });
}

export function placementPlan(
  id: string,
  placementId: string | null,
  date: string | null,
): PlacementPlanValue {
  return { id, placementId, date: date === null ? null : at(date) };
}

export function meeting(id: string, date: string, overrides: Partial<MeetingValue> = {}): MeetingValue {
  return {
    id,
    date: date.includes('T') ? date : at(date),
    type: 'PLACEMENT_PLANNING',
    statutory: true,
    purpose: 'Agree the placement plan',
    placementId: 'PL1',
    requiredAttendees: ['SOCIAL_WORKER', 'CARER', 'CHILD', 'IRO'],
    actualAttendees: ['SOCIAL_WORKER', 'CARER', 'CHILD', 'IRO'],
    minutesRecipients: ['SOCIAL_WORKER', 'CARER', 'IRO'],
    updatedRiskAssessment: true,
    ...overrides,
  };
}

export function notice(
  id: string,
  recipient: string,
  date: string | null,
  placementId: string | null = 'PL1',
): PlacementNotificationValue {
  return { id, placementId, recipient, date: date === null ? null : at(date) };
}

export function lacReview(
  id: string,
  date: string | null,
  overrides: Partial<LookedAfterReviewValue> = {},
): LookedAfterReviewValue {
  return lookedAfterReviewRecord({ id, date: date === null ? null : at(date), ...overrides });
}

export function cpReview(id: string, date: string, participation: string | null): ChildProtectionReviewValue {
  return { id, cpPlanId: 'CPP1', dueDate: null, date: at(date), continuePlan: true, participation };
}

export function visit(id: string, date: string, childSeen: boolean | null = true): VisitValue {
  return { id, kind: 'LOOKED_AFTER', date: at(date), childSeen, childSeenAlone: null };
}

export { findingsOf };
