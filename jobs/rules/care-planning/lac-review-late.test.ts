import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { addDays, addMonths, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { createWorkingDayCalendar } from '../time/working-days.js';
import { lacReviewLate } from './lac-review-late.js';
import { at, episode, findingsOf, inCareFrom, lacReview, on, placement } from './testing/care-records.js';

const evaluate = (socialCare: Partial<SocialCareSectionValue>, today: string) =>
  lacReviewLate.evaluate(joinedRecord({ socialCare }), ruleContext(on(today)));

// Looked after from Mon 7 Dec 2026: + 20 WD = Thu 7 Jan 2027 (Christmas, Boxing Day substitute, New Year skipped).
const inCare = inCareFrom('2026-12-07');
const reviews = (...dates: string[]) => ({
  ...inCare,
  lookedAfterReviews: dates.map((d, i) => lacReview(`R${i + 1}`, d)),
});

describe('LAC_REVIEW_LATE', () => {
  it('no first review is a finding on the period from the day after the 20th working day', () => {
    expect(findingsOf(evaluate(inCare, '2027-01-07'))).toEqual([]);
    const [finding] = findingsOf(evaluate(inCare, '2027-01-08'));
    expect(finding).toMatchObject({ subject: { kind: 'PERIOD_OF_CARE', id: 'POC1' }, dueDate: '2027-01-07' });
    expect(finding?.severity).toBeUndefined();
  });

  it('a first review on the 20th working day is in time; the day after is a late review (medium)', () => {
    expect(findingsOf(evaluate(reviews('2027-01-07'), '2027-02-01'))).toEqual([]);
    const [late] = findingsOf(evaluate(reviews('2027-01-08'), '2027-02-01'));
    expect(late).toMatchObject({
      subject: { kind: 'LAC_REVIEW', id: 'R1' },
      severity: 'medium',
      dueDate: '2027-01-07',
    });
  });

  it('the second review is due 3 months after the first (31 January + 3 months = 30 April)', () => {
    const record = (second?: string) => ({
      ...inCareFrom('2027-01-04'),
      lookedAfterReviews: [lacReview('R1', '2027-01-31'), ...(second ? [lacReview('R2', second)] : [])],
    });
    expect(findingsOf(evaluate(record(), '2027-04-30'))).toEqual([]);
    expect(findingsOf(evaluate(record(), '2027-05-01'))[0]).toMatchObject({
      subject: { id: 'POC1' },
      dueDate: '2027-04-30',
    });
    expect(findingsOf(evaluate(record('2027-04-30'), '2027-05-01'))).toEqual([]);
    expect(findingsOf(evaluate(record('2027-05-01'), '2027-06-01'))[0]).toMatchObject({
      subject: { id: 'R2' },
    });
  });

  it('later reviews are due 6 months after the one before, into a leap day', () => {
    const record = reviews('2026-12-20', '2027-03-01', '2027-08-31');
    expect(findingsOf(evaluate(record, '2028-02-29'))).toEqual([]);
    expect(findingsOf(evaluate(record, '2028-03-01'))[0]?.dueDate).toBe('2028-02-29');
  });

  it('each limit runs from the review actually held: one late review does not make the next late', () => {
    const record = reviews('2027-01-20', '2027-04-19', '2027-10-15');
    const findings = findingsOf(evaluate(record, '2027-11-01'));
    expect(findings.map((f) => f.subject.id)).toEqual(['R1']);
  });

  it('ignores cancelled and unheld reviews, and reviews of another period', () => {
    const record = {
      ...inCare,
      lookedAfterReviews: [
        lacReview('R1', '2026-12-20', { cancelled: true }),
        lacReview('R2', null),
        lacReview('R3', '2026-12-21', { periodOfCareId: 'POC0' }),
      ],
      careEpisodes: [
        ...inCare.careEpisodes,
        episode('E0', '2025-01-01', { periodOfCareId: 'POC0', ceasedDate: at('2025-01-05') }),
      ],
    };
    expect(findingsOf(evaluate(record, '2027-01-08')).map((f) => f.subject.id)).toEqual(['POC1']);
  });

  it('a review missed before care ended is medium; a period that ended before a review fell due needed none', () => {
    const ended = {
      careEpisodes: [episode('E1', '2026-03-02', { ceasedDate: at('2026-06-01') })],
      placements: [placement('PL1', '2026-03-02', { endDate: at('2026-06-01') })],
    };
    const [missed] = findingsOf(evaluate(ended, '2026-11-25'));
    expect(missed).toMatchObject({ severity: 'medium', dueDate: '2026-03-30' });
    const short = {
      careEpisodes: [episode('E1', '2026-03-02', { ceasedDate: at('2026-03-20') })],
      placements: [placement('PL1', '2026-03-02', { endDate: at('2026-03-20') })],
    };
    expect(findingsOf(evaluate(short, '2026-11-25'))).toEqual([]);
  });

  it('cannot decide without social care', () => {
    expect(lacReviewLate.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), ruleContext())).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });

  it('reviews held on each deadline never raise a finding (property)', () => {
    const calendar = createWorkingDayCalendar();
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2026-01-01') }), (n) => {
        const entered = n as DayNumber;
        const first = calendar.addWorkingDays(entered, 20);
        const second = addMonths(first, 3);
        const third = addMonths(second, 6);
        const record = {
          ...inCareFrom(dateOf(entered)),
          lookedAfterReviews: [first, second, third].map((day, i) => lacReview(`R${i}`, dateOf(day))),
        };
        expect(findingsOf(evaluate(record, dateOf(addMonths(third, 6))))).toEqual([]);
        expect(findingsOf(evaluate(record, dateOf(addDays(addMonths(third, 6), 1))))).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
