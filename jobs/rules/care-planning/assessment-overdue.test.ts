import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { createWorkingDayCalendar } from '../time/working-days.js';
import { assessmentOverdue } from './assessment-overdue.js';
import { assessment, findingsOf, on } from './testing/care-records.js';

const evaluate = (assessments: ReturnType<typeof assessment>[], today: string) =>
  assessmentOverdue.evaluate(joinedRecord({ socialCare: { assessments } }), ruleContext(on(today)));

describe('ASSESSMENT_OVERDUE', () => {
  // Mon 5 Jan 2026 + 45 working days = Mon 9 Mar 2026 (no bank holiday in between).
  it('an unauthorised assessment is overdue from the day after the 45th working day', () => {
    const open = [assessment('A1', '2026-01-05', null)];
    expect(findingsOf(evaluate(open, '2026-03-06'))).toEqual([]);
    expect(findingsOf(evaluate(open, '2026-03-09'))).toEqual([]);
    const [finding] = findingsOf(evaluate(open, '2026-03-10'));
    expect(finding).toMatchObject({
      subject: { kind: 'ASSESSMENT', id: 'A1' },
      dueDate: '2026-03-09',
    });
    expect(finding?.severity).toBeUndefined();
    expect(finding?.evidence.map((e) => e.fact)).toEqual([
      'assessment started 2026-01-05',
      'no authorisation date recorded',
    ]);
  });

  it('authorised on the 45th working day is in time; the day after is late (medium)', () => {
    expect(findingsOf(evaluate([assessment('A1', '2026-01-05', '2026-03-09')], '2026-11-25'))).toEqual([]);
    const [late] = findingsOf(evaluate([assessment('A1', '2026-01-05', '2026-03-10')], '2026-11-25'));
    expect(late).toMatchObject({ severity: 'medium', dueDate: '2026-03-09' });
    expect(late?.evidence[1]?.fact).toBe('assessment authorised 2026-03-10');
  });

  it('counts past the Easter and early May bank holidays', () => {
    // Mon 2 Mar 2026 + 45 WD: nine weeks would be Mon 4 May; Good Friday, Easter Monday and 4 May push it to Thu 7 May.
    const open = [assessment('A1', '2026-03-02', null)];
    expect(findingsOf(evaluate(open, '2026-05-07'))).toEqual([]);
    expect(findingsOf(evaluate(open, '2026-05-08'))[0]?.dueDate).toBe('2026-05-07');
  });

  it('judges old assessments by the bounds where the calendar has no holidays for the year', () => {
    // Started Mon 7 Jan 2013: 45 weekdays is Mon 11 Mar 2013; authorised within it is certainly in time.
    expect(findingsOf(evaluate([assessment('A1', '2013-01-07', '2013-03-11')], '2026-11-25'))).toEqual([]);
    const [never] = findingsOf(evaluate([assessment('A1', '2013-01-07', null)], '2026-11-25'));
    expect(never?.dueDate).toBeNull();
    expect(never?.summary).toContain('no bank holidays for 2013');
    const between = evaluate([assessment('A1', '2013-01-07', '2013-03-13')], '2026-11-25');
    expect(between).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'OUTSIDE_CALENDAR' });
  });

  it('one finding per late assessment', () => {
    const findings = findingsOf(
      evaluate(
        [
          assessment('A1', '2026-01-05', '2026-02-01'),
          assessment('A2', '2026-04-01', null),
          assessment('A3', '2025-01-06', null),
        ],
        '2026-11-25',
      ),
    );
    expect(findings.map((f) => f.subject.id)).toEqual(['A2', 'A3']);
  });

  it('cannot decide when social care could not be read, or a date cannot be read; no record means nothing to check', () => {
    const unavailable = assessmentOverdue.evaluate(joinedRecord({ socialCare: 'TIMED_OUT' }), ruleContext());
    expect(unavailable).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['socialCare'],
    });
    expect(
      findingsOf(assessmentOverdue.evaluate(joinedRecord({ socialCare: 'NOT_LINKED' }), ruleContext())),
    ).toEqual([]);
    const garbled = evaluate(
      [{ ...assessment('A1', '2026-01-05', null), startDate: 'not-a-date' }],
      '2026-11-25',
    );
    expect(garbled).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
  });

  it('no finding before the deadline, a finding after it, for any start date (property)', () => {
    const calendar = createWorkingDayCalendar();
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2028-08-31') }), (n) => {
        const start = n as DayNumber;
        const due = calendar.addWorkingDays(start, 45);
        const open = [assessment('A1', dateOf(start), null)];
        expect(findingsOf(evaluate(open, dateOf(due)))).toEqual([]);
        expect(findingsOf(evaluate(open, dateOf(addDays(due, 1))))).toHaveLength(1);
        expect(
          findingsOf(evaluate([assessment('A1', dateOf(start), dateOf(due))], dateOf(addDays(due, 30)))),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
