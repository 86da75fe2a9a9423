import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { createWorkingDayCalendar } from '../time/working-days.js';
import { carePlanMissing } from './care-plan-missing.js';
import { at, carePlan, episode, findingsOf, inCareFrom, on, placement } from './testing/care-records.js';

const evaluate = (socialCare: Partial<SocialCareSectionValue>, today: string) =>
  carePlanMissing.evaluate(joinedRecord({ socialCare }), ruleContext(on(today)));

// First placement Mon 21 Dec 2026 + 10 WD = Thu 7 Jan 2027 (Christmas, the Boxing Day substitute and New Year skipped).
const inCare = inCareFrom('2026-12-21');

describe('CARE_PLAN_MISSING', () => {
  it('no care plan is a finding from the day after the 10th working day of the first placement', () => {
    expect(findingsOf(evaluate(inCare, '2027-01-07'))).toEqual([]);
    const [finding] = findingsOf(evaluate(inCare, '2027-01-08'));
    expect(finding).toMatchObject({ subject: { kind: 'PERIOD_OF_CARE', id: 'POC1' }, dueDate: '2027-01-07' });
    expect(finding?.severity).toBeUndefined();
  });

  it('a plan started by the deadline, or before the placement, is in time; one started after it is late', () => {
    expect(
      findingsOf(evaluate({ ...inCare, carePlans: [carePlan('CP1', '2027-01-07')] }, '2027-03-01')),
    ).toEqual([]);
    expect(
      findingsOf(evaluate({ ...inCare, carePlans: [carePlan('CP1', '2026-12-18')] }, '2027-03-01')),
    ).toEqual([]);
    const [late] = findingsOf(
      evaluate({ ...inCare, carePlans: [carePlan('CP1', '2027-01-08')] }, '2027-03-01'),
    );
    expect(late).toMatchObject({ severity: 'medium', dueDate: '2027-01-07' });
    expect(late?.evidence[1]).toMatchObject({ recordId: 'CP1', fact: 'care plan started 2027-01-08' });
  });

  it('a plan that ended before this period’s first placement belongs to an earlier period', () => {
    const record = { ...inCare, carePlans: [carePlan('CP0', '2024-01-01', '2025-01-01')] };
    expect(findingsOf(evaluate(record, '2027-01-08'))).toHaveLength(1);
  });

  it('a plan made for an earlier period of care, never closed, does not count for a return to care', () => {
    const record = {
      careEpisodes: [
        episode('E1', '2025-04-14', { periodOfCareId: 'POC0', ceasedDate: at('2025-10-20') }),
        episode('E2', '2026-08-28'),
      ],
      placements: [
        placement('PL0', '2025-04-14', { periodOfCareId: 'POC0', endDate: at('2025-10-20') }),
        placement('PL1', '2026-08-28'),
      ],
      carePlans: [carePlan('CP0', '2025-04-16')],
    };
    // Fri 28 Aug 2026 + 10 WD = Mon 14 Sep (the summer bank holiday on 31 Aug skipped).
    expect(findingsOf(evaluate(record, '2026-09-14'))).toEqual([]);
    const [finding] = findingsOf(evaluate(record, '2026-09-15'));
    expect(finding).toMatchObject({ subject: { id: 'POC1' }, dueDate: '2026-09-14' });
    const planned = { ...record, carePlans: [...record.carePlans, carePlan('CP1', '2026-08-20')] };
    expect(findingsOf(evaluate(planned, '2026-09-15'))).toEqual([]);
  });

  it('judges each period: a period that ended before the plan fell due needed none; one that ended after it without a plan is medium', () => {
    const short = {
      careEpisodes: [episode('E1', '2026-03-02', { ceasedDate: at('2026-03-10') })],
      placements: [placement('PL1', '2026-03-02', { endDate: at('2026-03-10') })],
    };
    expect(findingsOf(evaluate(short, '2026-11-25'))).toEqual([]);
    const longer = {
      careEpisodes: [episode('E1', '2026-03-02', { ceasedDate: at('2026-06-01') })],
      placements: [placement('PL1', '2026-03-02', { endDate: at('2026-06-01') })],
    };
    const [missed] = findingsOf(evaluate(longer, '2026-11-25'));
    expect(missed).toMatchObject({ severity: 'medium', dueDate: '2026-03-16' });
  });

  it('cannot decide when a plan that might be the period’s has no start date', () => {
    expect(evaluate({ ...inCare, carePlans: [carePlan('CP1', null)] }, '2027-01-08')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
  });

  it('cannot decide without social care; no record, or never in care, means nothing to check', () => {
    expect(carePlanMissing.evaluate(joinedRecord({ socialCare: 'TIMED_OUT' }), ruleContext())).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
    expect(
      findingsOf(carePlanMissing.evaluate(joinedRecord({ socialCare: 'NOT_LINKED' }), ruleContext())),
    ).toEqual([]);
    expect(findingsOf(evaluate({}, '2026-11-25'))).toEqual([]);
  });

  it('no finding on the deadline, a finding the day after, for any first placement (property)', () => {
    const calendar = createWorkingDayCalendar();
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2028-11-30') }), (n) => {
        const start = n as DayNumber;
        const due = calendar.addWorkingDays(start, 10);
        const record = inCareFrom(dateOf(start));
        expect(findingsOf(evaluate(record, dateOf(due)))).toEqual([]);
        expect(findingsOf(evaluate(record, dateOf(addDays(due, 1))))).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
