import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EducationSectionValue } from '../../../connectors/education/education-section.js';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { addDays, addMonths, dateOf, dayOf } from '../time/calendar-day.js';
import { ehcpReviewOverdue } from './ehcp-review-overdue.js';
import {
  ehc,
  evaluate,
  findingsOf,
  lacReview,
  lookedAfterSince,
  on,
  onlyFinding,
} from './testing/builders.js';

type Review = { id: string; date: string; preparingForAdulthoodOutcomes: boolean };
const review = (id: string, date: string): Review => ({ id, date, preparingForAdulthoodOutcomes: true });

const plan = (finalPlanDate: string, reviews: Review[] = [], status: 'ISSUED' | 'CEASED' = 'ISSUED') =>
  ehc({
    requestDate: '2023-06-01',
    decisionDate: '2023-07-01',
    decisionOutcome: 'Y',
    finalPlanDate,
    annualReviews: reviews,
    status,
  });

const education = (...plans: ReturnType<typeof ehc>[]): Partial<EducationSectionValue> => ({
  senProvision: 'E',
  ehcNeedsAssessments: plans,
});

describe('EHCP_REVIEW_OVERDUE — within 12 months', () => {
  it('falls due 12 months after the plan was made', () => {
    const record = { education: education(plan('2025-02-28')) };
    expect(findingsOf(evaluate(ehcpReviewOverdue, record, '2026-02-28'))).toEqual([]);
    const finding = onlyFinding(evaluate(ehcpReviewOverdue, record, '2026-03-01'));
    expect(finding).toMatchObject({ subject: { kind: 'EHC_PLAN', id: 'EHC1' }, dueDate: '2026-02-28' });
    expect(finding.evidence[0]?.fact).toBe('plan issued on 2025-02-28; no annual review since');
    expect(finding.severity).toBeUndefined();
  });

  it('clamps a plan made on 29 February to 28 February the next year', () => {
    const record = { education: education(plan('2024-02-29')) };
    expect(findingsOf(evaluate(ehcpReviewOverdue, record, '2025-02-28'))).toEqual([]);
    expect(onlyFinding(evaluate(ehcpReviewOverdue, record, '2025-03-01')).dueDate).toBe('2025-02-28');
  });

  it('runs from the latest review, ignoring one dated in the future', () => {
    const record = {
      education: education(plan('2025-01-15', [review('AR1', '2026-01-10'), review('AR2', '2027-02-01')])),
    };
    expect(findingsOf(evaluate(ehcpReviewOverdue, record, '2027-01-10'))).toEqual([]);
    expect(onlyFinding(evaluate(ehcpReviewOverdue, record, '2027-01-11')).evidence[0]?.fact).toBe(
      'last annual review held on 2026-01-10',
    );
  });

  it('keeps a review held late on that review, at low severity, and no open finding once held', () => {
    const record = {
      education: education(plan('2024-01-10', [review('AR1', '2025-01-10'), review('AR2', '2026-01-11')])),
    };
    const finding = onlyFinding(evaluate(ehcpReviewOverdue, record, '2026-06-01'));
    expect(finding).toMatchObject({
      subject: { kind: 'EHC_ANNUAL_REVIEW', id: 'AR2' },
      dueDate: '2026-01-10',
      severity: 'low',
      summary: 'The EHC plan annual review was held more than 12 months after the one before.',
    });
  });

  it('does not review a ceased plan, or a request without a plan', () => {
    const record = {
      education: education(plan('2020-01-10', [], 'CEASED'), ehc({ id: 'EHC2', requestDate: '2026-01-05' })),
    };
    expect(findingsOf(evaluate(ehcpReviewOverdue, record, '2026-11-25'))).toEqual([]);
  });

  it('has no finding on the due day and one the day after, for any plan date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2029-12-31') }), (n) => {
        const issued = n as ReturnType<typeof dayOf>;
        const due = addMonths(issued, 12);
        const record = joinedRecord({ education: education(plan(dateOf(issued))) });
        expect(findingsOf(ehcpReviewOverdue.evaluate(record, on(dateOf(due))))).toEqual([]);
        expect(onlyFinding(ehcpReviewOverdue.evaluate(record, on(dateOf(addDays(due, 1))))).dueDate).toBe(
          dateOf(due),
        );
      }),
      { numRuns: 80 },
    );
  });
});

describe('EHCP_REVIEW_OVERDUE — aligned with the care plan review', () => {
  const socialCare = (reviewDate: string) =>
    lookedAfterSince('2024-09-02', { lookedAfterReviews: [lacReview('LAC1', reviewDate)] });
  const edu = education(plan('2025-01-15', [review('AR1', '2025-12-10')]));

  it('accepts an annual review within seven days of a looked-after review', () => {
    expect(
      findingsOf(
        evaluate(ehcpReviewOverdue, { education: edu, socialCare: socialCare('2025-12-17') }, '2026-01-05'),
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        evaluate(ehcpReviewOverdue, { education: edu, socialCare: socialCare('2025-12-03') }, '2026-01-05'),
      ),
    ).toEqual([]);
  });

  it('finds one eight days away, on the review, at low severity', () => {
    const finding = onlyFinding(
      evaluate(ehcpReviewOverdue, { education: edu, socialCare: socialCare('2025-12-18') }, '2026-01-05'),
    );
    expect(finding).toMatchObject({
      subject: { kind: 'EHC_ANNUAL_REVIEW', id: 'AR1' },
      severity: 'low',
      dueDate: null,
      summary:
        "The EHC plan annual review did not coincide with a review of the looked-after child's care plan.",
    });
  });

  it('accepts a PEP review on the same day instead', () => {
    const withPep = {
      ...edu,
      personalEducationPlans: [
        { id: 'PEP1', date: '2025-09-20', reviewedDate: '2025-12-10', designatedTeacher: null },
      ],
    };
    expect(
      findingsOf(
        evaluate(
          ehcpReviewOverdue,
          { education: withPep, socialCare: socialCare('2025-06-01') },
          '2026-01-05',
        ),
      ),
    ).toEqual([]);
  });

  it('merges a late review that also did not coincide into one finding', () => {
    const late = education(plan('2024-09-10', [review('AR1', '2025-12-10')]));
    const finding = onlyFinding(
      evaluate(ehcpReviewOverdue, { education: late, socialCare: socialCare('2025-06-01') }, '2026-01-05'),
    );
    expect(finding.summary).toBe(
      'The EHC plan annual review was held late and did not coincide with a review of the care plan.',
    );
    expect(finding.evidence).toHaveLength(2);
  });

  it('checks only a child looked after today, and only reviews in the current period of care', () => {
    expect(findingsOf(evaluate(ehcpReviewOverdue, { education: edu }, '2026-01-05'))).toEqual([]);
    expect(
      findingsOf(evaluate(ehcpReviewOverdue, { education: edu, socialCare: 'NOT_LINKED' }, '2026-01-05')),
    ).toEqual([]);
    const laterEntry = lookedAfterSince('2025-12-15');
    expect(
      findingsOf(evaluate(ehcpReviewOverdue, { education: edu, socialCare: laterEntry }, '2026-01-05')),
    ).toEqual([]);
  });

  it('cannot decide when education or social care could not be read', () => {
    expect(
      evaluate(ehcpReviewOverdue, { education: edu, socialCare: 'UNAVAILABLE' }, '2026-01-05'),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
    expect(evaluate(ehcpReviewOverdue, { education: 'TIMED_OUT' }, '2026-01-05')).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['education'],
    });
    expect(findingsOf(evaluate(ehcpReviewOverdue, { education: 'NOT_LINKED' }, '2026-01-05'))).toEqual([]);
  });
});
