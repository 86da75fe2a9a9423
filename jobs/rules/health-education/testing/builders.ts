/**
 * Small builders for this group's rule tests, on top of testing/joined-record-builder.ts: social care values as the
 * connector writes them (SSD timestamps as ISO instants), and outcome accessors that fail loudly. Only tests
 * import this.
 */
import type { EducationSectionValue } from '../../../../connectors/education/education-section.js';
import type { HealthCondition } from '../../../../connectors/health/health-types.js';
import type {
  CarePlanHealthValue,
  CarePlanValue,
  CareEpisodeValue,
  HealthAssessmentValue,
  LookedAfterReviewValue,
  SocialCareSectionValue,
} from '../../../../connectors/social-care/social-care-section.js';
import type { Finding, Rule, RuleContext, RuleOutcome } from '../../rule.js';
import { ruleContext, type RecordOverrides, joinedRecord } from '../../testing/joined-record-builder.js';
import {
  careEpisodeRecord,
  findingsOf,
  healthConditionRecord,
  lookedAfterReviewRecord,
  ssdTimestamp,
} from '../../testing/social-care-records.js';

/** A rule context at midday in England on `date` (YYYY-MM-DD). */
export function on(date: string): RuleContext {
  return ruleContext(`${date}T12:00:00.000Z`);
}

/** An SSD timestamp as the social care connector writes it. */
export const ssd = ssdTimestamp;

export function episode(overrides: Partial<CareEpisodeValue> & { startDate: string }): CareEpisodeValue {
  return careEpisodeRecord({ id: 'EP1', enteredCareDate: overrides.startDate, ...overrides });
}

/** Social care for a child looked after since `entered` (YYYY-MM-DD), in period of care POC1. */
export function lookedAfterSince(
  entered: string,
  overrides: Partial<SocialCareSectionValue> = {},
): Partial<SocialCareSectionValue> {
  return {
    status: {
      lookedAfter: true,
      childInNeed: false,
      childProtectionPlan: false,
      legalStatus: 'C2',
      careLeaver: false,
    },
    careEpisodes: [episode({ startDate: ssd(entered), enteredCareDate: ssd(entered) })],
    ...overrides,
  };
}

export function healthCheck(
  id: string,
  type: string | null,
  date: string | null,
  status: string | null = 'COMPLETED',
): HealthAssessmentValue {
  return { id, type, date: date === null ? null : ssd(date), status };
}

export function lacReview(id: string, date: string | null, periodOfCareId = 'POC1'): LookedAfterReviewValue {
  return lookedAfterReviewRecord({ id, periodOfCareId, date: date === null ? null : ssd(date) });
}

export function carePlan(
  id: string,
  startDate: string,
  health: Partial<CarePlanHealthValue> | null,
  endDate: string | null = null,
): CarePlanValue {
  return {
    id,
    startDate: ssd(startDate),
    endDate: endDate === null ? null : ssd(endDate),
    permanencePlan: null,
    lastReviewedDate: null,
    health:
      health === null
        ? null
        : {
            gpName: 'Named GP',
            gpPracticeCode: 'Y90001',
            conditions: [],
            medications: [],
            allergies: [],
            ...health,
          },
  };
}

export function condition(
  id: string,
  display: string,
  overrides: Partial<HealthCondition> = {},
): HealthCondition {
  return healthConditionRecord({ id, display, onset: '2020-01-01', recorded: '2020-01-01', ...overrides });
}

export function ehc(
  overrides: Partial<EducationSectionValue['ehcNeedsAssessments'][number]> & { requestDate: string },
): EducationSectionValue['ehcNeedsAssessments'][number] {
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

export function evaluate(rule: Rule, overrides: RecordOverrides, date: string): RuleOutcome {
  return rule.evaluate(joinedRecord(overrides), on(date));
}

export { findingsOf };

/** The one finding of a DECIDED outcome. */
export function onlyFinding(outcome: RuleOutcome): Finding {
  const findings = findingsOf(outcome);
  if (findings.length !== 1) throw new Error(`expected one finding, got ${findings.length}`);
  return findings[0] as Finding;
}

/** Every finding's evidence and summary, as one string, for checks that nothing identifying leaks. */
export function textOf(outcome: RuleOutcome): string {
  return JSON.stringify(outcome);
}
