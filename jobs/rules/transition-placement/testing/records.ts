/**
 * Small builders for the records this group's rules read, on top of testing/joined-record-builder.ts: each fills
 * every field with a neutral value so a test states only the facts its rule reads. Only tests import this.
 */
import type { EhcNeedsAssessmentValue } from '../../../../connectors/education/education-section.js';
import type { HealthCondition } from '../../../../connectors/health/health-types.js';
import type { PractitionerValue } from '../../../../connectors/social-care/graphql-values.js';
import type {
  AssessmentValue,
  CareEpisodeValue,
  CareLeaverValue,
  CoresidentNotificationValue,
  MeetingValue,
  MissingEpisodeValue,
  PlacementAssessmentValue,
  PlacementReferralValue,
  PlacementValue,
  SocialCareSectionValue,
} from '../../../../connectors/social-care/social-care-section.js';
import type { AgencyReadState, CoResidentValue, ResidentialContextValue } from '../../joined-record.js';
import { emptySocialCare, part } from '../../testing/joined-record-builder.js';
import {
  careEpisodeRecord,
  healthConditionRecord,
  placementRecord,
} from '../../testing/social-care-records.js';

export function careEpisode(overrides: Partial<CareEpisodeValue> & { startDate: string }): CareEpisodeValue {
  return careEpisodeRecord({ id: 'E1', ...overrides });
}

export function placement(overrides: Partial<PlacementValue> & { startDate: string }): PlacementValue {
  return placementRecord({
    id: 'PL1',
    interim: overrides.intendedEndDate !== undefined && overrides.intendedEndDate !== null,
    awaitingLongTermPlacement: false,
    ...overrides,
  });
}

/** A children's home placement in residential unit `unitId`. */
export function homePlacement(
  unitId: string,
  overrides: Partial<PlacementValue> & { startDate: string },
): PlacementValue {
  return placement({ type: 'K2', residentialUnitId: unitId, ...overrides });
}

export function missingEpisode(
  overrides: Partial<MissingEpisodeValue> & { startDate: string },
): MissingEpisodeValue {
  return {
    id: 'M1',
    type: 'M',
    endDate: null,
    returnInterviewOffered: null,
    returnInterviewAccepted: null,
    returnInterviewDate: null,
    reviewRequested: null,
    ...overrides,
  };
}

export function assessment(overrides: Partial<AssessmentValue> & { startDate: string }): AssessmentValue {
  return {
    id: 'AS1',
    referralId: null,
    childSeen: true,
    authorisedDate: null,
    noFurtherAction: false,
    factors: [],
    ...overrides,
  };
}

export function placementAssessment(overrides: Partial<PlacementAssessmentValue>): PlacementAssessmentValue {
  return {
    id: 'PA1',
    placementId: null,
    residentialUnitId: null,
    date: null,
    kind: 'IMPACT_ON_RESIDENTS',
    risksConsidered: [],
    addressesExistingResidents: true,
    ...overrides,
  };
}

export function placementReferral(
  overrides: Partial<PlacementReferralValue> & { date: string },
): PlacementReferralValue {
  return {
    id: 'RF1',
    assessmentId: null,
    assessmentAuthorisedDate: null,
    summary: null,
    risks: [],
    diagnoses: [],
    medications: [],
    ehcpStatus: 'NONE',
    missingHistory: false,
    resultingPlacementId: null,
    ...overrides,
  };
}

export function practitioner(role: string): PractitionerValue {
  return {
    agency: 'SOCIAL_CARE',
    name: 'A Practitioner',
    role,
    organisation: null,
    email: null,
    phone: null,
    since: null,
  };
}

export function coresidentNotice(
  overrides: Partial<CoresidentNotificationValue>,
): CoresidentNotificationValue {
  return {
    id: 'CN1',
    placementId: null,
    residentialUnitId: null,
    aboutPersonId: null,
    notified: null,
    date: null,
    ...overrides,
  };
}

export function coResident(options: {
  personId: string;
  start: string;
  end?: string | null;
  socialCare?: Partial<SocialCareSectionValue> | AgencyReadState;
}): CoResidentValue {
  const override = options.socialCare;
  const socialCare =
    typeof override === 'string'
      ? part('SOCIAL_CARE', override === 'OK' ? emptySocialCare() : null, override)
      : part('SOCIAL_CARE', { ...emptySocialCare(), personIds: [options.personId], ...override });
  return {
    childId: null,
    socialCarePersonId: options.personId,
    placementStart: options.start,
    placementEnd: options.end ?? null,
    socialCare,
  };
}

export function residentialContext(
  unitId: string,
  coResidents: CoResidentValue[] = [],
): ResidentialContextValue {
  return { unitId, unitName: null, coResidents };
}

export function gpCondition(overrides: Partial<HealthCondition> & { code: string }): HealthCondition {
  return healthConditionRecord({ id: 'C1', ...overrides });
}

export function ehcPlan(overrides: Partial<EhcNeedsAssessmentValue> = {}): EhcNeedsAssessmentValue {
  return {
    id: 'EHC1',
    requestDate: '2020-01-10',
    decisionDate: '2020-02-10',
    decisionOutcome: 'Y',
    finalPlanDate: '2020-05-10',
    annualReviews: [],
    status: 'ISSUED',
    ...overrides,
  };
}

export function careLeaver(overrides: Partial<CareLeaverValue> = {}): CareLeaverValue {
  return {
    eligibility: 'Eligible',
    inTouch: null,
    accommodation: null,
    accommodationSuitable: null,
    activity: null,
    latestContact: null,
    needsAssessmentDate: null,
    pathwayPlanDate: null,
    pathwayPlanReviewDate: null,
    personalAdviser: null,
    ...overrides,
  };
}

export function meeting(overrides: Partial<MeetingValue> & { date: string }): MeetingValue {
  return {
    id: 'MT1',
    type: null,
    statutory: null,
    purpose: null,
    placementId: null,
    requiredAttendees: null,
    actualAttendees: null,
    minutesRecipients: null,
    updatedRiskAssessment: null,
    ...overrides,
  };
}
