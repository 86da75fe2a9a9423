import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { joinedRecord, ruleContext } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { createWorkingDayCalendar } from '../time/working-days.js';
import { icpcLate } from './icpc-late.js';
import { conference, enquiry, findingsOf, on } from './testing/care-records.js';

const evaluate = (socialCare: Partial<SocialCareSectionValue>, today: string) =>
  icpcLate.evaluate(joinedRecord({ socialCare }), ruleContext(on(today)));

// Strategy discussion Mon 14 Dec 2026 + 15 WD = Thu 7 Jan 2027 (past Christmas, the Boxing Day substitute and New Year).
const strategy = '2026-12-14';

describe('ICPC_LATE', () => {
  it('a conference not held is overdue from the day after the 15th working day', () => {
    const record = {
      s47Enquiries: [enquiry('S1', strategy)],
      initialConferences: [conference('C1', 'S1', null)],
    };
    expect(findingsOf(evaluate(record, '2027-01-07'))).toEqual([]);
    const [finding] = findingsOf(evaluate(record, '2027-01-08'));
    expect(finding).toMatchObject({ subject: { kind: 'S47_ENQUIRY', id: 'S1' }, dueDate: '2027-01-07' });
    expect(finding?.severity).toBeUndefined();
    expect(finding?.evidence.map((e) => e.fact)).toEqual([
      'strategy discussion 2026-12-14',
      'initial conference not held',
    ]);
  });

  it('held on the 15th working day is in time; the day after is late (medium)', () => {
    const held = (day: string) => ({
      s47Enquiries: [enquiry('S1', strategy)],
      initialConferences: [conference('C1', 'S1', day)],
    });
    expect(findingsOf(evaluate(held('2027-01-07'), '2027-03-01'))).toEqual([]);
    const [late] = findingsOf(evaluate(held('2027-01-08'), '2027-03-01'));
    expect(late).toMatchObject({ severity: 'medium', dueDate: '2027-01-07' });
    expect(late?.summary).toContain('held 2027-01-08');
  });

  it('an enquiry whose outcome is a conference but with none recorded is overdue', () => {
    const [finding] = findingsOf(evaluate({ s47Enquiries: [enquiry('S1', strategy)] }, '2027-01-08'));
    expect(finding?.evidence.map((e) => e.fact)).toContain(
      'enquiry outcome: conference; no conference recorded',
    );
  });

  it('no conference is due after no further action or a child in need plan', () => {
    expect(findingsOf(evaluate({ s47Enquiries: [enquiry('S1', strategy, ['NFA'])] }, '2027-03-01'))).toEqual(
      [],
    );
    expect(
      findingsOf(evaluate({ s47Enquiries: [enquiry('S1', strategy, ['CIN_PLAN'])] }, '2027-03-01')),
    ).toEqual([]);
  });

  it('an enquiry with no outcome and no conference cannot be judged once the deadline has passed', () => {
    const record = { s47Enquiries: [enquiry('S1', strategy, [])] };
    expect(findingsOf(evaluate(record, '2027-01-07'))).toEqual([]);
    expect(evaluate(record, '2027-01-08')).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
  });

  it('leaves transfer-in conferences out, and places a conference naming no enquiry after the latest one before it', () => {
    const transferIn = {
      s47Enquiries: [enquiry('S1', strategy, ['NFA'])],
      initialConferences: [conference('C1', null, '2027-02-01', { transferIn: true })],
    };
    expect(findingsOf(evaluate(transferIn, '2027-03-01'))).toEqual([]);
    const loose = {
      s47Enquiries: [enquiry('S0', '2026-06-01', ['NFA']), enquiry('S1', strategy)],
      initialConferences: [conference('C1', null, '2027-01-20')],
    };
    expect(findingsOf(evaluate(loose, '2027-03-01')).map((f) => f.subject.id)).toEqual(['S1']);
    const orphan = { initialConferences: [conference('C1', null, '2027-01-20')] };
    expect(evaluate(orphan, '2027-03-01')).toMatchObject({ kind: 'NOT_ASSESSED', reason: 'MISSING_DATA' });
  });

  it('the earliest conference held for the enquiry is the one judged', () => {
    const record = {
      s47Enquiries: [enquiry('S1', strategy)],
      initialConferences: [conference('C2', 'S1', '2027-02-10'), conference('C1', 'S1', '2027-01-05')],
    };
    expect(findingsOf(evaluate(record, '2027-03-01'))).toEqual([]);
  });

  it('cannot decide without social care', () => {
    expect(icpcLate.evaluate(joinedRecord({ socialCare: 'UNAVAILABLE' }), ruleContext())).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['socialCare'],
    });
  });

  it('no finding on the deadline, a finding the day after, for any strategy discussion (property)', () => {
    const calendar = createWorkingDayCalendar();
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2028-11-30') }), (n) => {
        const day = n as DayNumber;
        const due = calendar.addWorkingDays(day, 15);
        const record = { s47Enquiries: [enquiry('S1', dateOf(day))] };
        expect(findingsOf(evaluate(record, dateOf(due)))).toEqual([]);
        expect(findingsOf(evaluate(record, dateOf(addDays(due, 1))))).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
