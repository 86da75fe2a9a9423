import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf } from '../time/calendar-day.js';
import { ehcpDecisionLate } from './ehcp-decision-late.js';
import { ehc, evaluate, findingsOf, on, onlyFinding } from './testing/builders.js';

const withRequests = (...requests: ReturnType<typeof ehc>[]) => ({
  education: { senProvision: 'K' as const, ehcNeedsAssessments: requests },
});

describe('EHCP_DECISION_LATE', () => {
  it('is due 6 weeks (42 days) after the request: nothing that day, a finding the day after', () => {
    const record = withRequests(ehc({ requestDate: '2026-01-05' }));
    expect(findingsOf(evaluate(ehcpDecisionLate, record, '2026-02-16'))).toEqual([]);
    const finding = onlyFinding(evaluate(ehcpDecisionLate, record, '2026-02-17'));
    expect(finding).toMatchObject({
      subject: { kind: 'EHC_NEEDS_ASSESSMENT', id: 'EHC1' },
      dueDate: '2026-02-16',
      summary:
        'The decision whether to carry out an EHC needs assessment was due by 2026-02-16 and has not been made.',
    });
    expect(finding.severity).toBeUndefined();
  });

  it('counts 29 February in a leap year', () => {
    expect(
      onlyFinding(evaluate(ehcpDecisionLate, withRequests(ehc({ requestDate: '2028-01-20' })), '2028-03-03'))
        .dueDate,
    ).toBe('2028-03-02');
    expect(
      onlyFinding(evaluate(ehcpDecisionLate, withRequests(ehc({ requestDate: '2027-01-20' })), '2027-03-04'))
        .dueDate,
    ).toBe('2027-03-03');
  });

  it('accepts a decision on the due day and keeps one made the day after, at medium', () => {
    const inTime = ehc({
      requestDate: '2026-01-05',
      decisionDate: '2026-02-16',
      decisionOutcome: 'Y',
      status: 'ASSESSING',
    });
    expect(findingsOf(evaluate(ehcpDecisionLate, withRequests(inTime), '2026-11-25'))).toEqual([]);
    const late = {
      ...inTime,
      decisionDate: '2026-02-17',
      decisionOutcome: 'N' as const,
      status: 'REFUSED' as const,
    };
    const finding = onlyFinding(evaluate(ehcpDecisionLate, withRequests(late), '2026-11-25'));
    expect(finding.severity).toBe('medium');
    expect(finding.summary).toContain('43 days after the request');
  });

  it('reports each late request on its own subject', () => {
    const record = withRequests(
      ehc({
        id: 'EHC1',
        requestDate: '2024-01-08',
        decisionDate: '2024-04-01',
        decisionOutcome: 'N',
        status: 'REFUSED',
      }),
      ehc({ id: 'EHC2', requestDate: '2026-09-01' }),
    );
    expect(findingsOf(evaluate(ehcpDecisionLate, record, '2026-11-25')).map((f) => f.subject.id)).toEqual([
      'EHC1',
      'EHC2',
    ]);
  });

  it('does not check a request withdrawn before a decision', () => {
    const withdrawn = ehc({
      requestDate: '2026-01-05',
      decisionDate: '2026-03-30',
      decisionOutcome: 'W',
      status: 'CEASED',
    });
    const ceased = ehc({ requestDate: '2026-01-05', status: 'CEASED' });
    expect(findingsOf(evaluate(ehcpDecisionLate, withRequests(withdrawn, ceased), '2026-11-25'))).toEqual([]);
  });

  it('cannot place a decision recorded without a date, unless a plan in time shows it was in time', () => {
    const undated = ehc({ requestDate: '2026-01-05', decisionOutcome: 'Y', status: 'ASSESSING' });
    expect(evaluate(ehcpDecisionLate, withRequests(undated), '2026-11-25')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
    const planInTime = { ...undated, status: 'ISSUED' as const, finalPlanDate: '2026-02-10' };
    expect(findingsOf(evaluate(ehcpDecisionLate, withRequests(planInTime), '2026-11-25'))).toEqual([]);
  });

  it('does not apply without an education record, and cannot decide when it could not be read', () => {
    expect(findingsOf(evaluate(ehcpDecisionLate, { education: 'NOT_LINKED' }, '2026-11-25'))).toEqual([]);
    expect(evaluate(ehcpDecisionLate, { education: 'TIMED_OUT' }, '2026-11-25')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'AGENCY_UNAVAILABLE',
      agencies: ['education'],
    });
  });

  it('has no finding up to 42 days after any request and one from the 43rd (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2030-12-31') }), (n) => {
        const request = dayOf(dateOf(n as ReturnType<typeof dayOf>));
        const record = joinedRecord(withRequests(ehc({ requestDate: dateOf(request) })));
        expect(findingsOf(ehcpDecisionLate.evaluate(record, on(dateOf(addDays(request, 42)))))).toEqual([]);
        expect(onlyFinding(ehcpDecisionLate.evaluate(record, on(dateOf(addDays(request, 43))))).dueDate).toBe(
          dateOf(addDays(request, 42)),
        );
      }),
      { numRuns: 80 },
    );
  });
});
