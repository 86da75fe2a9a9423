import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf } from '../time/calendar-day.js';
import { createWorkingDayCalendar } from '../time/working-days.js';
import { ihaMissing } from './iha-missing.js';
import {
  episode,
  evaluate,
  findingsOf,
  healthCheck,
  lacReview,
  lookedAfterSince,
  on,
  onlyFinding,
  ssd,
} from './testing/builders.js';

// Entered care Thu 19 March 2026: 20 working days, skipping Good Friday (3 April) and Easter Monday (6 April), run
// to Mon 20 April (without the holidays it would be Thu 16 April).
const entered = '2026-03-19';
const due = '2026-04-20';

describe('IHA_MISSING', () => {
  it('counts 20 working days across the Easter bank holidays: nothing up to the due day, a finding after', () => {
    const record = { socialCare: lookedAfterSince(entered) };
    expect(findingsOf(evaluate(ihaMissing, record, '2026-04-16'))).toEqual([]);
    expect(findingsOf(evaluate(ihaMissing, record, '2026-04-17'))).toEqual([]);
    expect(findingsOf(evaluate(ihaMissing, record, due))).toEqual([]);
    const finding = onlyFinding(evaluate(ihaMissing, record, '2026-04-21'));
    expect(finding.dueDate).toBe(due);
    expect(finding.subject).toEqual({ kind: 'PERIOD_OF_CARE', id: 'POC1' });
    expect(finding.severity).toBeUndefined();
    expect(finding.evidence[0]?.fact).toContain('entered care on 2026-03-19');
  });

  it('accepts an IHA completed on the due day, and calls one the day after late', () => {
    const onTime = lookedAfterSince(entered, { healthAssessments: [healthCheck('H1', 'IHA', due)] });
    expect(findingsOf(evaluate(ihaMissing, { socialCare: onTime }, '2026-06-01'))).toEqual([]);
    const late = lookedAfterSince(entered, { healthAssessments: [healthCheck('H1', 'IHA', '2026-04-21')] });
    const finding = onlyFinding(evaluate(ihaMissing, { socialCare: late }, '2026-06-01'));
    expect(finding.severity).toBe('medium');
    expect(finding.summary).toMatch(/after the first review was due/);
    expect(finding.evidence.map((e) => e.recordId)).toContain('H1');
  });

  it('is due by the first review when that was held before the 20 working days ran out', () => {
    const socialCare = lookedAfterSince(entered, {
      lookedAfterReviews: [lacReview('R1', '2026-04-01')],
      healthAssessments: [healthCheck('H1', 'IHA', '2026-04-02')],
    });
    const finding = onlyFinding(evaluate(ihaMissing, { socialCare }, '2026-04-10'));
    expect(finding.dueDate).toBe('2026-04-01');
    expect(finding.evidence.some((e) => e.fact.includes('first review held on 2026-04-01'))).toBe(true);
    const inTime = lookedAfterSince(entered, {
      lookedAfterReviews: [lacReview('R1', '2026-04-01')],
      healthAssessments: [healthCheck('H1', 'IHA', '2026-04-01')],
    });
    expect(findingsOf(evaluate(ihaMissing, { socialCare: inTime }, '2026-04-10'))).toEqual([]);
  });

  it('ignores a cancelled review and reviews of another period of care', () => {
    const socialCare = lookedAfterSince(entered, {
      lookedAfterReviews: [
        { ...lacReview('R1', '2026-03-25'), cancelled: true },
        lacReview('R2', '2026-03-26', 'POC0'),
      ],
      healthAssessments: [healthCheck('H1', 'IHA', '2026-04-15')],
    });
    expect(findingsOf(evaluate(ihaMissing, { socialCare }, '2026-05-01'))).toEqual([]);
  });

  it('lets an assessment in the three months before entering care stand (reg 7(2)), not an older one', () => {
    const recent = lookedAfterSince(entered, { healthAssessments: [healthCheck('H0', 'IHA', '2025-12-19')] });
    expect(findingsOf(evaluate(ihaMissing, { socialCare: recent }, '2026-05-01'))).toEqual([]);
    const old = lookedAfterSince(entered, { healthAssessments: [healthCheck('H0', 'IHA', '2025-12-18')] });
    expect(findingsOf(evaluate(ihaMissing, { socialCare: old }, '2026-05-01'))).toHaveLength(1);
  });

  it('does not count an outstanding, refused or other kind of assessment', () => {
    const socialCare = lookedAfterSince(entered, {
      healthAssessments: [
        healthCheck('H1', 'IHA', '2026-04-01', 'OUTSTANDING'),
        healthCheck('H2', 'RHA', '2026-04-01'),
        healthCheck('H3', 'DENTAL', '2026-04-01'),
      ],
    });
    const finding = onlyFinding(evaluate(ihaMissing, { socialCare }, '2026-05-01'));
    expect(finding.severity).toBeUndefined();
    expect(finding.evidence.some((e) => e.fact.includes('status OUTSTANDING'))).toBe(true);
  });

  it('reads an SSD timestamp late in the evening as that day (wall-clock), not the next', () => {
    const socialCare = lookedAfterSince(entered, {
      healthAssessments: [{ ...healthCheck('H1', 'IHA', null), date: ssd(due, '23:30:00') }],
    });
    expect(findingsOf(evaluate(ihaMissing, { socialCare }, '2026-05-01'))).toEqual([]);
  });

  it('runs from the day the child entered care for the period, not the latest episode', () => {
    const socialCare = lookedAfterSince(entered, {
      careEpisodes: [
        episode({ id: 'EP1', startDate: ssd(entered), ceasedDate: ssd('2026-04-10') }),
        episode({ id: 'EP2', startDate: ssd('2026-04-10'), enteredCareDate: ssd(entered) }),
      ],
    });
    expect(onlyFinding(evaluate(ihaMissing, { socialCare }, '2026-04-21')).dueDate).toBe(due);
    // Without the SSD's period id or entered-care date, contiguous episodes still make one period.
    const bare = lookedAfterSince(entered, {
      careEpisodes: [
        episode({ id: 'EP1', periodOfCareId: null, startDate: ssd(entered), ceasedDate: ssd('2026-04-10') }),
        episode({ id: 'EP2', periodOfCareId: null, startDate: ssd('2026-04-10'), enteredCareDate: null }),
      ],
    });
    const finding = onlyFinding(evaluate(ihaMissing, { socialCare: bare }, '2026-04-21'));
    expect(finding.dueDate).toBe(due);
    expect(finding.subject.id).toBe('EP2');
  });

  it('does not apply to a child not looked after today, or with no social care record', () => {
    const left = lookedAfterSince(entered, {
      careEpisodes: [episode({ startDate: ssd(entered), ceasedDate: ssd('2026-04-30') })],
    });
    expect(findingsOf(evaluate(ihaMissing, { socialCare: left }, '2026-05-01'))).toEqual([]);
    expect(findingsOf(evaluate(ihaMissing, { socialCare: 'NOT_LINKED' }, '2026-05-01'))).toEqual([]);
    expect(findingsOf(evaluate(ihaMissing, {}, '2026-05-01'))).toEqual([]);
  });

  it('cannot decide without social care, naming it', () => {
    for (const state of ['UNAVAILABLE', 'TIMED_OUT'] as const) {
      const outcome = evaluate(ihaMissing, { socialCare: state }, '2026-05-01');
      expect(outcome).toMatchObject({
        kind: 'NOT_ASSESSED',
        reason: 'AGENCY_UNAVAILABLE',
        agencies: ['socialCare'],
      });
    }
  });

  it('cannot decide when an IHA in time has no status, or a completed one has no date', () => {
    const noStatus = lookedAfterSince(entered, {
      healthAssessments: [healthCheck('H1', 'IHA', '2026-04-01', null)],
    });
    expect(evaluate(ihaMissing, { socialCare: noStatus }, '2026-05-01')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    const noDate = lookedAfterSince(entered, { healthAssessments: [healthCheck('H1', 'IHA', null)] });
    expect(evaluate(ihaMissing, { socialCare: noDate }, '2026-05-01')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
  });

  it('says OUTSIDE_CALENDAR when the working days run past the bank-holiday list', () => {
    const socialCare = lookedAfterSince('2028-12-20');
    expect(evaluate(ihaMissing, { socialCare }, '2029-02-01')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'OUTSIDE_CALENDAR',
    });
  });

  it('has no finding up to 20 working days after entering care and one the day after, for any entry day (property)', () => {
    const calendar = createWorkingDayCalendar();
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2016-01-01'), max: dayOf('2027-11-30') }), (start) => {
        const enteredOn = dateOf(start as ReturnType<typeof dayOf>);
        const dueDay = calendar.addWorkingDays(dayOf(enteredOn), 20);
        const record = joinedRecord({ socialCare: lookedAfterSince(enteredOn) });
        expect(findingsOf(ihaMissing.evaluate(record, on(dateOf(dueDay))))).toEqual([]);
        const after = onlyFinding(ihaMissing.evaluate(record, on(dateOf(addDays(dueDay, 1)))));
        expect(after.dueDate).toBe(dateOf(dueDay));
        // The due day is itself a working day, the 20th after the day the child entered care.
        expect(calendar.isWorkingDay(dueDay)).toBe(true);
        expect(calendar.workingDaysBetween(dayOf(enteredOn), dueDay)).toBe(20);
      }),
      { numRuns: 60 },
    );
  });
});
