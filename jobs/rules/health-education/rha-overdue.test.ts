import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { addDays, addMonths, dateOf, dayOf } from '../time/calendar-day.js';
import { nextReviewDue, rhaOverdue } from './rha-overdue.js';
import { evaluate, findingsOf, healthCheck, lookedAfterSince, on, onlyFinding } from './testing/builders.js';

const d = dayOf;
const inCare = (...checks: ReturnType<typeof healthCheck>[]) =>
  lookedAfterSince('2020-01-06', { healthAssessments: checks });

describe('RHA_OVERDUE', () => {
  it('is due twelve months after the latest assessment for a child of five or over', () => {
    const socialCare = inCare(healthCheck('H1', 'IHA', '2024-12-01'), healthCheck('H2', 'RHA', '2025-11-25'));
    expect(findingsOf(evaluate(rhaOverdue, { socialCare }, '2026-11-24'))).toEqual([]);
    expect(findingsOf(evaluate(rhaOverdue, { socialCare }, '2026-11-25'))).toEqual([]);
    const finding = onlyFinding(evaluate(rhaOverdue, { socialCare }, '2026-11-26'));
    expect(finding.dueDate).toBe('2026-11-25');
    expect(finding.subject).toEqual({ kind: 'HEALTH_ASSESSMENT', id: 'H2' });
    expect(finding.summary).toContain('12-monthly');
  });

  it('counts the IHA as the latest assessment when there is no RHA yet', () => {
    const socialCare = inCare(healthCheck('H1', 'IHA', '2025-06-30'));
    expect(onlyFinding(evaluate(rhaOverdue, { socialCare }, '2026-07-01')).dueDate).toBe('2026-06-30');
  });

  it('clamps a month end, including 29 February in a leap year', () => {
    const socialCare = inCare(healthCheck('H1', 'RHA', '2024-02-29'));
    expect(findingsOf(evaluate(rhaOverdue, { socialCare }, '2025-02-28'))).toEqual([]);
    expect(onlyFinding(evaluate(rhaOverdue, { socialCare }, '2025-03-01')).dueDate).toBe('2025-02-28');
  });

  it('is six-monthly for a child under five', () => {
    const child = { dateOfBirth: '2023-01-15' };
    const socialCare = inCare(healthCheck('H1', 'RHA', '2025-03-10'));
    expect(findingsOf(evaluate(rhaOverdue, { child, socialCare }, '2025-09-10'))).toEqual([]);
    const finding = onlyFinding(evaluate(rhaOverdue, { child, socialCare }, '2025-09-11'));
    expect(finding.dueDate).toBe('2025-09-10');
    expect(finding.summary).toContain('6-monthly');
  });

  it('becomes twelve-monthly when the six-month review would fall on or after the fifth birthday', () => {
    // Fifth birthday 15 June 2026.
    expect(dateOf(nextReviewDue(d('2021-06-15'), d('2025-12-10')).due)).toBe('2026-06-10');
    expect(dateOf(nextReviewDue(d('2021-06-15'), d('2025-12-14')).due)).toBe('2026-06-14');
    expect(dateOf(nextReviewDue(d('2021-06-15'), d('2025-12-15')).due)).toBe('2026-12-15');
    expect(dateOf(nextReviewDue(d('2021-06-15'), d('2025-12-20')).due)).toBe('2026-12-20');
  });

  it('takes a 29 February birthday as 1 March in a common year', () => {
    // Born 29 Feb 2020: five on 1 March 2025.
    expect(dateOf(nextReviewDue(d('2020-02-29'), d('2024-08-31')).due)).toBe('2025-02-28');
    expect(nextReviewDue(d('2020-02-29'), d('2024-08-31')).months).toBe(6);
    expect(dateOf(nextReviewDue(d('2020-02-29'), d('2024-09-01')).due)).toBe('2025-09-01');
    const child = { dateOfBirth: '2020-02-29' };
    const socialCare = inCare(healthCheck('H1', 'RHA', '2024-08-31'));
    expect(onlyFinding(evaluate(rhaOverdue, { child, socialCare }, '2025-03-01')).dueDate).toBe('2025-02-28');
  });

  it('does not count a refused, outstanding or future-dated assessment, or a dental check', () => {
    const socialCare = inCare(
      healthCheck('H1', 'RHA', '2025-01-10'),
      healthCheck('H2', 'RHA', '2025-12-10', 'REFUSED'),
      healthCheck('H3', 'RHA', '2026-01-10', 'OUTSTANDING'),
      healthCheck('H4', 'DENTAL', '2026-01-10'),
      healthCheck('H5', 'RHA', '2026-12-01'),
    );
    const finding = onlyFinding(evaluate(rhaOverdue, { socialCare }, '2026-02-01'));
    expect(finding.subject.id).toBe('H1');
  });

  it('leaves a child with no completed assessment to IHA_MISSING', () => {
    expect(findingsOf(evaluate(rhaOverdue, { socialCare: inCare() }, '2026-02-01'))).toEqual([]);
  });

  it('does not apply to a child not looked after today', () => {
    const socialCare = { healthAssessments: [healthCheck('H1', 'RHA', '2020-01-10')] };
    expect(findingsOf(evaluate(rhaOverdue, { socialCare }, '2026-02-01'))).toEqual([]);
    expect(findingsOf(evaluate(rhaOverdue, { socialCare: 'NOT_LINKED' }, '2026-02-01'))).toEqual([]);
  });

  it('cannot decide without a date of birth or an assessment date, or without social care', () => {
    const socialCare = inCare(healthCheck('H1', 'RHA', '2024-01-10'));
    expect(evaluate(rhaOverdue, { child: { dateOfBirth: null }, socialCare }, '2026-02-01')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(
      evaluate(rhaOverdue, { socialCare: inCare(healthCheck('H1', 'RHA', null)) }, '2026-02-01'),
    ).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
    expect(evaluate(rhaOverdue, { socialCare: 'TIMED_OUT' }, '2026-02-01')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['socialCare'],
    });
  });

  it('has no finding on the due day and one the day after, for any latest assessment (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d('2016-01-01'), max: d('2027-12-31') }),
        fc.integer({ min: d('2008-01-01'), max: d('2024-12-31') }),
        (latestDay, birthDay) => {
          const latest = dateOf(latestDay as ReturnType<typeof d>);
          const birth = dateOf(birthDay as ReturnType<typeof d>);
          fc.pre(birthDay < latestDay);
          const record = joinedRecord({
            child: { dateOfBirth: birth },
            socialCare: lookedAfterSince('2015-06-01', {
              healthAssessments: [healthCheck('H1', 'RHA', latest)],
            }),
          });
          const { due, months } = nextReviewDue(d(birth), d(latest));
          expect(due === addMonths(d(latest), months)).toBe(true);
          expect(findingsOf(rhaOverdue.evaluate(record, on(dateOf(due))))).toEqual([]);
          expect(onlyFinding(rhaOverdue.evaluate(record, on(dateOf(addDays(due, 1))))).dueDate).toBe(
            dateOf(due),
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
