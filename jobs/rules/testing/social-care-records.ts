/**
 * Neutral agency records for rule tests, on top of joined-record-builder.ts: every field a rule may read is filled
 * with a value that triggers nothing, so each group's builders set only their own defaults and a test states only
 * the facts its rule reads. Only tests import this.
 */
import type { HealthCondition } from '../../../connectors/health/health-types.js';
import type {
  CareEpisodeValue,
  CarePlanValue,
  LookedAfterReviewValue,
  PlacementValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { Finding, RuleOutcome } from '../rule.js';

/** An SSD timestamp as the social care connector writes it (wall-clock time labelled UTC). */
export function ssdTimestamp(date: string, time = '10:00:00'): string {
  return `${date}T${time}.000Z`;
}

export function careEpisodeRecord(
  fields: Partial<CareEpisodeValue> & Pick<CareEpisodeValue, 'id' | 'startDate'>,
): CareEpisodeValue {
  return {
    periodOfCareId: 'POC1',
    startReason: 'S',
    legalStatus: 'C2',
    needCode: 'N1',
    ceasedDate: null,
    ceasedReason: null,
    enteredCareDate: null,
    lastIroContactDate: null,
    ...fields,
  };
}

export function placementRecord(
  fields: Partial<PlacementValue> & Pick<PlacementValue, 'id' | 'startDate'>,
): PlacementValue {
  return {
    periodOfCareId: 'POC1',
    type: 'U4',
    urn: null,
    provider: null,
    postcode: null,
    distanceMiles: null,
    endDate: null,
    changeReason: null,
    longTerm: false,
    interim: false,
    intendedEndDate: null,
    awaitingLongTermPlacement: null,
    lastPanelReviewDate: null,
    residentialUnitId: null,
    ...fields,
  };
}

export function lookedAfterReviewRecord(
  fields: Partial<LookedAfterReviewValue> & Pick<LookedAfterReviewValue, 'id'>,
): LookedAfterReviewValue {
  return {
    periodOfCareId: 'POC1',
    dueDate: null,
    date: null,
    cancelled: false,
    participation: 'PN1',
    ...fields,
  };
}

export function carePlanRecord(fields: Partial<CarePlanValue> & Pick<CarePlanValue, 'id'>): CarePlanValue {
  return {
    startDate: null,
    endDate: null,
    permanencePlan: null,
    lastReviewedDate: null,
    health: null,
    ...fields,
  };
}

export function healthConditionRecord(
  fields: Partial<HealthCondition> & Pick<HealthCondition, 'id'>,
): HealthCondition {
  return {
    display: 'A condition',
    code: null,
    clinicalStatus: 'active',
    active: true,
    onset: null,
    abatement: null,
    recorded: null,
    category: 'HEALTH',
    ...fields,
  };
}

/** The findings of a DECIDED outcome (fails the test on NOT_ASSESSED). */
export function findingsOf(outcome: RuleOutcome): Finding[] {
  if (outcome.kind !== 'DECIDED')
    throw new Error(`expected DECIDED, got NOT_ASSESSED ${outcome.reason}: ${outcome.detail}`);
  return outcome.findings;
}
