import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { createWorkingDayCalendar } from '../time/working-days.js';
import { placementPlanLate } from './placement-plan-late.js';
import { at, findingsOf, inCareFrom, on, placement, placementPlan } from './testing/care-records.js';

const evaluate = (socialCare: Partial<SocialCareSectionValue>, today: string) =>
  placementPlanLate.evaluate(joinedRecord({ socialCare }), ruleContext(on(today)));

describe('PLACEMENT_PLAN_LATE', () => {
  it('no plan is a finding from the day after the 5th working day, across Christmas', () => {
    // Mon 21 Dec 2026 + 5 WD = Wed 30 Dec (25th and the Boxing Day substitute on the 28th are holidays).
    const record = inCareFrom('2026-12-21');
    expect(findingsOf(evaluate(record, '2026-12-30'))).toEqual([]);
    const [finding] = findingsOf(evaluate(record, '2026-12-31'));
    expect(finding).toMatchObject({ subject: { kind: 'PLACEMENT', id: 'PL1' }, dueDate: '2026-12-30' });
    expect(finding?.severity).toBeUndefined();
  });

  it('counts across a weekend: a Wednesday start is due the next Wednesday', () => {
    const record = inCareFrom('2026-03-04');
    expect(findingsOf(evaluate(record, '2026-03-11'))).toEqual([]);
    expect(findingsOf(evaluate(record, '2026-03-12'))[0]?.dueDate).toBe('2026-03-11');
  });

  it('a plan by the deadline (or before the placement) is in time; after it is late (medium)', () => {
    const record = (date: string) => ({
      ...inCareFrom('2026-12-21'),
      placementPlans: [placementPlan('PP1', 'PL1', date)],
    });
    expect(findingsOf(evaluate(record('2026-12-30'), '2027-02-01'))).toEqual([]);
    expect(findingsOf(evaluate(record('2026-12-18'), '2027-02-01'))).toEqual([]);
    const [late] = findingsOf(evaluate(record('2026-12-31'), '2027-02-01'));
    expect(late).toMatchObject({ severity: 'medium', dueDate: '2026-12-30' });
    expect(late?.evidence[1]).toMatchObject({ recordId: 'PP1', fact: 'placement plan dated 2026-12-31' });
  });

  it('a plan for another placement does not count; one naming no placement counts inside the window', () => {
    const other = {
      ...inCareFrom('2026-12-21'),
      placementPlans: [placementPlan('PP1', 'PL9', '2026-12-22')],
    };
    expect(findingsOf(evaluate(other, '2027-01-05'))).toHaveLength(1);
    const loose = { ...inCareFrom('2026-12-21'), placementPlans: [placementPlan('PP1', null, '2026-12-22')] };
    expect(findingsOf(evaluate(loose, '2027-01-05'))).toEqual([]);
  });

  it('a placement that ended before the plan fell due needed none; one that ended later without a plan is medium', () => {
    const short = { placements: [placement('PL1', '2026-03-04', { endDate: at('2026-03-09') })] };
    expect(findingsOf(evaluate(short, '2026-11-25'))).toEqual([]);
    const ended = { placements: [placement('PL1', '2026-03-04', { endDate: at('2026-04-20') })] };
    expect(findingsOf(evaluate(ended, '2026-11-25'))[0]).toMatchObject({
      severity: 'medium',
      dueDate: '2026-03-11',
    });
  });

  it('cannot decide with an undated plan for the placement, or without social care', () => {
    const undated = { ...inCareFrom('2026-12-21'), placementPlans: [placementPlan('PP1', 'PL1', null)] };
    expect(evaluate(undated, '2027-01-05')).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
    expect(
      placementPlanLate.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), ruleContext()),
    ).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['socialCare'],
    });
  });

  it('no finding on the deadline, a finding the day after, for any start (property)', () => {
    const calendar = createWorkingDayCalendar();
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2028-12-10') }), (n) => {
        const start = n as DayNumber;
        const due = calendar.addWorkingDays(start, 5);
        const record = inCareFrom(dateOf(start));
        expect(findingsOf(evaluate(record, dateOf(due)))).toEqual([]);
        expect(findingsOf(evaluate(record, dateOf(addDays(due, 1))))).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
