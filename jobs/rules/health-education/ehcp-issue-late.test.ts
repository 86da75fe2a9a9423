import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedRecord } from '../testing/joined-record-builder.js';
import { addDays, dateOf, dayOf } from '../time/calendar-day.js';
import { ehcpIssueLate } from './ehcp-issue-late.js';
import { ehc, evaluate, findingsOf, on, onlyFinding } from './testing/builders.js';

const withRequests = (...requests: ReturnType<typeof ehc>[]) => ({
  education: { senProvision: 'K' as const, ehcNeedsAssessments: requests },
});
const assessing = { decisionDate: '2026-02-10', decisionOutcome: 'Y' as const, status: 'ASSESSING' as const };

describe('EHCP_ISSUE_LATE', () => {
  it('is due 20 weeks (140 days) after the request: nothing that day, a finding the day after', () => {
    const record = withRequests(ehc({ requestDate: '2026-01-05', ...assessing }));
    expect(findingsOf(evaluate(ehcpIssueLate, record, '2026-05-25'))).toEqual([]);
    const finding = onlyFinding(evaluate(ehcpIssueLate, record, '2026-05-26'));
    expect(finding).toMatchObject({
      subject: { kind: 'EHC_NEEDS_ASSESSMENT', id: 'EHC1' },
      dueDate: '2026-05-25',
    });
    expect(finding.severity).toBeUndefined();
  });

  it('runs while the decision to assess is still awaited', () => {
    expect(
      onlyFinding(evaluate(ehcpIssueLate, withRequests(ehc({ requestDate: '2026-01-05' })), '2026-05-26'))
        .dueDate,
    ).toBe('2026-05-25');
  });

  it('counts 29 February in a leap year', () => {
    // 1 Feb 2028 + 140 days: 29 days of February, so 20 June (21 June in a common year).
    expect(
      onlyFinding(evaluate(ehcpIssueLate, withRequests(ehc({ requestDate: '2028-02-01' })), '2028-06-21'))
        .dueDate,
    ).toBe('2028-06-20');
    expect(
      onlyFinding(evaluate(ehcpIssueLate, withRequests(ehc({ requestDate: '2027-02-01' })), '2027-06-22'))
        .dueDate,
    ).toBe('2027-06-21');
  });

  it('accepts a plan issued on the due day and keeps one issued the day after, at medium', () => {
    const inTime = ehc({
      requestDate: '2026-01-05',
      ...assessing,
      status: 'ISSUED',
      finalPlanDate: '2026-05-25',
    });
    expect(findingsOf(evaluate(ehcpIssueLate, withRequests(inTime), '2026-11-25'))).toEqual([]);
    const late = { ...inTime, finalPlanDate: '2026-05-26' };
    const finding = onlyFinding(evaluate(ehcpIssueLate, withRequests(late), '2026-11-25'));
    expect(finding.severity).toBe('medium');
    expect(finding.summary).toContain('141 days after the request');
  });

  it('does not check a request refused, withdrawn, or ceased without a plan', () => {
    const record = withRequests(
      ehc({
        id: 'A',
        requestDate: '2025-01-06',
        decisionDate: '2025-02-01',
        decisionOutcome: 'N',
        status: 'REFUSED',
      }),
      ehc({
        id: 'B',
        requestDate: '2025-01-06',
        decisionDate: '2025-02-01',
        decisionOutcome: 'W',
        status: 'CEASED',
      }),
      ehc({
        id: 'C',
        requestDate: '2025-01-06',
        decisionDate: '2025-02-01',
        decisionOutcome: 'Y',
        status: 'CEASED',
      }),
    );
    expect(findingsOf(evaluate(ehcpIssueLate, record, '2026-11-25'))).toEqual([]);
  });

  it('cannot place a plan recorded as issued with no date', () => {
    const undated = ehc({ requestDate: '2026-01-05', ...assessing, status: 'ISSUED' });
    expect(evaluate(ehcpIssueLate, withRequests(undated), '2026-11-25')).toMatchObject({
      kind: 'NOT_ASSESSED',
      reason: 'MISSING_DATA',
    });
  });

  it('does not apply without an education record, and cannot decide when it could not be read', () => {
    expect(findingsOf(evaluate(ehcpIssueLate, { education: 'NOT_LINKED' }, '2026-11-25'))).toEqual([]);
    expect(evaluate(ehcpIssueLate, { education: 'UNAVAILABLE' }, '2026-11-25')).toMatchObject({
      kind: 'NOT_ASSESSED',
      agencies: ['education'],
    });
  });

  it('has no finding up to 140 days after any request and one from the 141st (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2030-12-31') }), (n) => {
        const request = n as ReturnType<typeof dayOf>;
        const record = joinedRecord(withRequests(ehc({ requestDate: dateOf(request), ...assessing })));
        expect(findingsOf(ehcpIssueLate.evaluate(record, on(dateOf(addDays(request, 140)))))).toEqual([]);
        expect(findingsOf(ehcpIssueLate.evaluate(record, on(dateOf(addDays(request, 141)))))).toHaveLength(1);
      }),
      { numRuns: 80 },
    );
  });
});
