import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { year9Start } from '../time/ages.js';
import { addDays, dateOf, dayOf } from '../time/calendar-day.js';
import { pfaMissing } from './pfa-missing.js';
import { ehc, evaluate, findingsOf, on, onlyFinding } from './testing/builders.js';

type Review = { id: string; date: string; preparingForAdulthoodOutcomes: boolean };
const review = (id: string, date: string, pfa: boolean): Review => ({
  id,
  date,
  preparingForAdulthoodOutcomes: pfa,
});
const withReviews = (...reviews: Review[]) => ({
  education: {
    senProvision: 'E' as const,
    ehcNeedsAssessments: [
      ehc({
        requestDate: '2020-01-06',
        decisionDate: '2020-02-01',
        decisionOutcome: 'Y',
        finalPlanDate: '2020-05-01',
        status: 'ISSUED',
        annualReviews: reviews,
      }),
    ],
  },
});
const today = '2027-11-25';

describe('PFA_MISSING', () => {
  it('finds a review without PFA outcomes from the first day of Year 9, not the day before', () => {
    // Born 31 Aug 2012: turns 14 on 31 Aug 2026, the last day of 2025/26, so Year 9 begins 1 Sept 2025.
    const child = { dateOfBirth: '2012-08-31' };
    expect(
      findingsOf(evaluate(pfaMissing, { child, ...withReviews(review('AR1', '2025-08-31', false)) }, today)),
    ).toEqual([]);
    const finding = onlyFinding(
      evaluate(pfaMissing, { child, ...withReviews(review('AR1', '2025-09-01', false)) }, today),
    );
    expect(finding).toMatchObject({ subject: { kind: 'EHC_ANNUAL_REVIEW', id: 'AR1' }, dueDate: null });
    expect(finding.severity).toBeUndefined();
    expect(finding.evidence[0]?.fact).toContain('Year 9 began 2025-09-01');
  });

  it('puts a child born on 1 September in the next cohort', () => {
    // Born 1 Sept 2012: turns 14 on 1 Sept 2026, so Year 9 begins that day.
    const child = { dateOfBirth: '2012-09-01' };
    expect(
      findingsOf(evaluate(pfaMissing, { child, ...withReviews(review('AR1', '2026-08-31', false)) }, today)),
    ).toEqual([]);
    expect(
      findingsOf(evaluate(pfaMissing, { child, ...withReviews(review('AR1', '2026-09-01', false)) }, today)),
    ).toHaveLength(1);
  });

  it('takes a 29 February birthday as 1 March in a common year', () => {
    // Born 29 Feb 2012: turns 14 on 1 March 2026, in 2025/26.
    const child = { dateOfBirth: '2012-02-29' };
    expect(
      findingsOf(evaluate(pfaMissing, { child, ...withReviews(review('AR1', '2025-08-31', false)) }, today)),
    ).toEqual([]);
    expect(
      findingsOf(evaluate(pfaMissing, { child, ...withReviews(review('AR1', '2025-09-01', false)) }, today)),
    ).toHaveLength(1);
  });

  it('finds nothing when the reviews considered preparing for adulthood', () => {
    const record = withReviews(review('AR1', '2025-10-01', true), review('AR2', '2026-10-01', true));
    expect(findingsOf(evaluate(pfaMissing, record, today))).toEqual([]);
  });

  it('keeps an earlier lapse at low severity once a later review covered it, and ignores future reviews', () => {
    const record = withReviews(
      review('AR1', '2025-10-01', false),
      review('AR2', '2026-10-01', true),
      review('AR3', '2028-01-10', false),
    );
    const finding = onlyFinding(evaluate(pfaMissing, record, today));
    expect(finding).toMatchObject({ subject: { id: 'AR1' }, severity: 'low' });
  });

  it('does not apply without reviews or an education record; cannot decide without a date of birth or education', () => {
    expect(findingsOf(evaluate(pfaMissing, withReviews(), today))).toEqual([]);
    expect(findingsOf(evaluate(pfaMissing, { education: 'NOT_LINKED' }, today))).toEqual([]);
    expect(
      evaluate(
        pfaMissing,
        { child: { dateOfBirth: null }, ...withReviews(review('AR1', '2025-10-01', false)) },
        today,
      ),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    expect(evaluate(pfaMissing, { education: 'UNAVAILABLE' }, today)).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['education'],
    });
  });

  it('finds a review without PFA outcomes exactly when it is held on or after Year 9 starts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2004-01-01'), max: dayOf('2014-12-31') }),
        fc.integer({ min: -400, max: 400 }),
        (birth, offset) => {
          const born = birth as ReturnType<typeof dayOf>;
          const held = addDays(year9Start(born), offset);
          const record = joinedRecord({
            child: { dateOfBirth: dateOf(born) },
            ...withReviews(review('AR1', dateOf(held), false)),
          });
          const findings = findingsOf(pfaMissing.evaluate(record, on('2030-01-01')));
          expect(findings).toHaveLength(offset >= 0 ? 1 : 0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
