/**
 * Builders for the views' tests, on top of jobs/rules/testing/joined-record-builder.ts: each record filled with
 * neutral values, social care dates as the connector writes them (SSD timestamps as ISO instants), so a test
 * states only the facts it is about. Only tests import this.
 */
import type { EhcNeedsAssessmentValue } from '../../../connectors/education/education-section.js';
import type { HealthCondition, Medication } from '../../../connectors/health/health-types.js';
import type {
  AssessmentValue,
  CareEpisodeValue,
  LookedAfterReviewValue,
  MissingEpisodeValue,
  PlacementReferralValue,
  PlacementValue,
  SocialCareSectionValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { RulesConfig } from '../../rules/rules-config.js';
import type { RuleContext } from '../../rules/rule.js';
import { ruleContext } from '../../rules/testing/joined-record-builder.js';

/** A context at midday (UTC) on `date`, so the date is the same in England all year. */
export function at(date: string, config: Partial<RulesConfig> = {}): RuleContext {
  return ruleContext(`${date}T12:00:00.000Z`, config);
}

/** An SSD timestamp as the social care connector writes it. */
export function ssd(date: string): string {
  return `${date}T10:00:00.000Z`;
}

export function careEpisode(entered: string, overrides: Partial<CareEpisodeValue> = {}): CareEpisodeValue {
  return {
    id: 'EP1',
    periodOfCareId: 'POC1',
    startDate: ssd(entered),
    startReason: 'S',
    legalStatus: 'C2',
    needCode: 'N1',
    ceasedDate: null,
    ceasedReason: null,
    enteredCareDate: ssd(entered),
    lastIroContactDate: null,
    ...overrides,
  };
}

/** Social care for a child looked after since `entered`, in period of care POC1. */
export function lookedAfterSince(
  entered: string,
  overrides: Partial<SocialCareSectionValue> = {},
): Partial<SocialCareSectionValue> {
  return { careEpisodes: [careEpisode(entered)], ...overrides };
}

export function lacReview(id: string, date: string): LookedAfterReviewValue {
  return {
    id,
    periodOfCareId: 'POC1',
    dueDate: null,
    date: ssd(date),
    cancelled: false,
    participation: 'PN1',
  };
}

export function placement(
  id: string,
  start: string,
  overrides: Partial<PlacementValue> = {},
): PlacementValue {
  return {
    id,
    periodOfCareId: 'POC1',
    type: 'U4',
    urn: null,
    provider: 'PR1',
    postcode: null,
    distanceMiles: null,
    startDate: ssd(start),
    endDate: null,
    changeReason: null,
    longTerm: false,
    interim: false,
    intendedEndDate: null,
    awaitingLongTermPlacement: false,
    lastPanelReviewDate: null,
    residentialUnitId: null,
    ...overrides,
  };
}

export function assessment(
  id: string,
  start: string,
  authorised: string | null,
  factors: string[] = [],
): AssessmentValue {
  return {
    id,
    referralId: 'R1',
    startDate: ssd(start),
    childSeen: true,
    authorisedDate: authorised === null ? null : ssd(authorised),
    noFurtherAction: false,
    factors,
  };
}

export function missingEpisode(id: string, start: string, type = 'M'): MissingEpisodeValue {
  return {
    id,
    type,
    startDate: ssd(start),
    endDate: ssd(start),
    returnInterviewOffered: true,
    returnInterviewAccepted: true,
    returnInterviewDate: ssd(start),
    reviewRequested: false,
  };
}

export function placementReferral(
  id: string,
  date: string,
  overrides: Partial<PlacementReferralValue> = {},
): PlacementReferralValue {
  return {
    id,
    date: ssd(date),
    assessmentId: null,
    assessmentAuthorisedDate: null,
    summary: 'Placement sought.',
    risks: [],
    diagnoses: [],
    medications: [],
    ehcpStatus: 'NONE',
    missingHistory: false,
    resultingPlacementId: null,
    ...overrides,
  };
}

export function condition(
  id: string,
  display: string,
  overrides: Partial<HealthCondition> = {},
): HealthCondition {
  return {
    id,
    display,
    code: null,
    clinicalStatus: 'active',
    active: true,
    onset: '2020-01-01',
    abatement: null,
    recorded: '2020-01-01',
    category: 'HEALTH',
    ...overrides,
  };
}

export function medication(id: string, display: string, overrides: Partial<Medication> = {}): Medication {
  return {
    id,
    display,
    code: null,
    status: 'active',
    start: '2020-01-01',
    end: null,
    dosage: null,
    category: 'HEALTH',
    ...overrides,
  };
}

export function ehc(
  overrides: Partial<EhcNeedsAssessmentValue> & { requestDate: string },
): EhcNeedsAssessmentValue {
  return {
    id: 'EHC1',
    decisionDate: null,
    decisionOutcome: null,
    finalPlanDate: null,
    annualReviews: [],
    status: 'REQUESTED',
    ...overrides,
  };
}
